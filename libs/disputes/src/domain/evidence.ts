import { ValidationError } from '@tradehub/kernel';

/** A stored evidence file: its content names it (sha256); the type is what its bytes are, not what the client said. */
export interface EvidenceRef {
  sha256: string;
  contentType: EvidenceType;
  sizeBytes: number;
  fileName: string;
}

export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** JPEG: SOI marker first, EOI marker last (cameras may pad a few bytes after it). */
function isJpeg(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return false;
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  for (let i = tail.length - 2; i >= 0; i -= 1) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
  return false;
}

/** PNG: the 8-byte signature first and the IEND chunk (with its CRC) last. */
function isPng(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 20 &&
    startsWith(bytes, PNG_SIGNATURE) &&
    startsWith(bytes, PNG_END, bytes.length - PNG_END.length)
  );
}

/** PDF: a %PDF-1.x or 2.x header within the first KB and %%EOF within the last 2 KB. */
function isPdf(bytes: Uint8Array): boolean {
  return (
    /%PDF-[12]\.\d/.test(latin1(bytes.subarray(0, 1024))) &&
    latin1(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')
  );
}

/**
 * DSP-1/DSP-3 evidence must be a real PDF, JPEG or PNG within the size limit, judged by its bytes:
 * a renamed executable or a truncated upload is refused before anyone has to open it.
 */
export function inspectEvidence(bytes: Uint8Array, maxBytes: number, field = 'file'): EvidenceType {
  if (bytes.length === 0) throw new ValidationError('is empty', field);
  if (bytes.length > maxBytes) throw new ValidationError(`exceeds ${maxBytes} bytes`, field);
  if (isPdf(bytes)) return 'application/pdf';
  if (isJpeg(bytes)) return 'image/jpeg';
  if (isPng(bytes)) return 'image/png';
  throw new ValidationError('is not a complete PDF, JPEG or PNG file', field);
}
