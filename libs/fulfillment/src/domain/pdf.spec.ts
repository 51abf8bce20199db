import { ValidationError } from '@tradehub/kernel';
import { inspectPdf } from './pdf';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const MINIMAL_PDF =
  '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
  '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
  'trailer << /Root 1 0 R >>\n%%EOF\n';

function rejection(data: Uint8Array, maxBytes = 10_000): ValidationError {
  try {
    inspectPdf(data, maxBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('file');
    return error as ValidationError;
  }
  throw new Error('expected the PDF to be refused');
}

describe('inspectPdf', () => {
  it('FUL-5: accepts a real PDF and reports its size and version', () => {
    const data = bytes(MINIMAL_PDF);
    expect(inspectPdf(data, 10_000)).toEqual({ sizeBytes: data.length, version: '1.7' });
  });

  it('FUL-5: accepts PDF 2.0 and a header after some leading bytes, within the first 1024', () => {
    expect(inspectPdf(bytes('\n'.repeat(1000) + '%PDF-2.0\n%%EOF'), 10_000).version).toBe('2.0');
  });

  it('FUL-5: refuses an empty file', () => {
    expect(rejection(new Uint8Array(0)).message).toBe('is empty');
  });

  it('FUL-5: refuses a file over the size limit', () => {
    expect(rejection(bytes(MINIMAL_PDF), 50).message).toBe('exceeds 50 bytes');
  });

  it('FUL-5: refuses a file without a PDF header (a renamed image)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...bytes('%%EOF')]);
    expect(rejection(png).message).toMatch(/no %PDF-1.x or %PDF-2.x header/);
    expect(rejection(bytes('%PDF-3.0\n%%EOF')).message).toMatch(/header/);
    expect(rejection(bytes('%PDF-1.x\n%%EOF')).message).toMatch(/header/);
  });

  it('FUL-5: refuses a header that starts beyond the first 1024 bytes', () => {
    expect(rejection(bytes(' '.repeat(1024) + MINIMAL_PDF)).message).toMatch(/header/);
  });

  it('FUL-5: refuses a truncated PDF (no %%EOF in the last 2048 bytes)', () => {
    expect(rejection(bytes('%PDF-1.4\n1 0 obj')).message).toMatch(/%%EOF/);
    const eofTooEarly = bytes('%PDF-1.4\n%%EOF\n' + 'x'.repeat(2048));
    expect(rejection(eofTooEarly).message).toMatch(/%%EOF/);
  });
});
