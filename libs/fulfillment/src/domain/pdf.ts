import { ValidationError } from '@tradehub/kernel';

/** What the proof check learnt about a file that passed it. */
export interface PdfInfo {
  sizeBytes: number;
  /** The header's version, e.g. `1.7`. */
  version: string;
}

const HEADER_WINDOW = 1024;
const TRAILER_WINDOW = 2048;
const HEADER = /%PDF-([12]\.\d)/;
const TRAILER = '%%EOF';

/** Bytes as Latin-1 text: one character per byte, enough to find ASCII markers. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/**
 * FUL-5: the seller's pickup proof must be a real PDF of acceptable size: a `%PDF-1.x` or
 * `%PDF-2.x` header within the first 1024 bytes (readers tolerate leading junk that far) and a
 * `%%EOF` marker within the last 2048. A renamed image or a truncated upload fails here,
 * before a reviewer spends time on it. The content (logo, waybill, timestamp) is the reviewer's.
 */
export function inspectPdf(bytes: Uint8Array, maxBytes: number, field = 'file'): PdfInfo {
  if (bytes.length === 0) throw new ValidationError('is empty', field);
  if (bytes.length > maxBytes) throw new ValidationError(`exceeds ${maxBytes} bytes`, field);
  const header = HEADER.exec(latin1(bytes.subarray(0, HEADER_WINDOW)));
  if (!header) throw new ValidationError('is not a PDF: no %PDF-1.x or %PDF-2.x header', field);
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - TRAILER_WINDOW))).includes(TRAILER)) {
    throw new ValidationError('is not a complete PDF: no %%EOF marker at its end', field);
  }
  return { sizeBytes: bytes.length, version: header[1] };
}
