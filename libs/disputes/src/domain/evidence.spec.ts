import { inspectEvidence } from './evidence';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(16),
  Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
]);
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(32),
  Buffer.from([0xff, 0xd9]),
]);

describe('inspectEvidence', () => {
  it('DSP-1: PDF, JPEG and PNG are recognised by their bytes', () => {
    expect(inspectEvidence(pdf, 1000)).toBe('application/pdf');
    expect(inspectEvidence(png, 1000)).toBe('image/png');
    expect(inspectEvidence(jpeg, 1000)).toBe('image/jpeg');
  });

  it('DSP-1: a renamed text file, a truncated image, an empty or oversize file is refused', () => {
    expect(() => inspectEvidence(Buffer.from('MZ this is not an image'), 1000)).toThrow(
      /not a complete PDF, JPEG or PNG/,
    );
    expect(() => inspectEvidence(png.subarray(0, 20), 1000)).toThrow(/not a complete/);
    expect(() => inspectEvidence(jpeg.subarray(0, 20), 1000)).toThrow(/not a complete/);
    expect(() => inspectEvidence(Buffer.alloc(0), 1000)).toThrow(/empty/);
    expect(() => inspectEvidence(pdf, 10)).toThrow(/exceeds 10 bytes/);
  });
});
