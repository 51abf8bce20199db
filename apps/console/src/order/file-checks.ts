/** The server's default limits (PROOF_MAX_BYTES, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES). */
export const MAX_PROOF_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;

export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export type FileProblem = 'missing' | 'type' | 'empty' | 'tooLarge';

const SIGNATURES: Record<(typeof EVIDENCE_TYPES)[number], number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/**
 * Which of `types` the file is by its first bytes (the server checks content, not the name or the
 * browser's guess), so a renamed file is refused before it is sent.
 */
async function sniff(file: File, types: readonly (typeof EVIDENCE_TYPES)[number][]): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return types.some((type) => SIGNATURES[type].every((byte, i) => head[i] === byte));
}

/** A file the endpoint would refuse, told before the upload; null when it may be sent. */
export async function checkFile(
  file: File | undefined,
  types: readonly (typeof EVIDENCE_TYPES)[number][],
  maxBytes: number,
): Promise<FileProblem | null> {
  if (!file) return 'missing';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'tooLarge';
  return (await sniff(file, types)) ? null : 'type';
}
