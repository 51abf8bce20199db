import { ValidationError } from '@tradehub/kernel';

/** FUL-5: the stored pickup-proof PDF the reviewer opens (the bytes live in file storage). */
export interface ProofFile {
  /** Lower-case hex SHA-256 of the bytes; names the stored file and proves it unchanged. */
  sha256: string;
  sizeBytes: number;
  /** The seller's file name, for display only. */
  fileName: string;
}

const SHA256 = /^[0-9a-f]{64}$/;
const MAX_FILE_NAME = 255;

/** FUL-5: checks the proof's metadata; `inspectPdf` has already checked the bytes. */
export function validateProofFile(proof: ProofFile, maxBytes: number, field = 'file'): ProofFile {
  const sha256 = proof.sha256.toLowerCase();
  if (!SHA256.test(sha256)) throw new ValidationError('must be a hex SHA-256 digest', `${field}.sha256`);
  if (!Number.isSafeInteger(proof.sizeBytes) || proof.sizeBytes < 1) {
    throw new ValidationError('must be a positive whole number of bytes', `${field}.sizeBytes`);
  }
  if (proof.sizeBytes > maxBytes) throw new ValidationError(`exceeds ${maxBytes} bytes`, field);
  const fileName = proof.fileName.trim();
  if (fileName.length === 0 || fileName.length > MAX_FILE_NAME) {
    throw new ValidationError(`must be 1-${MAX_FILE_NAME} characters`, `${field}.fileName`);
  }
  return { sha256, sizeBytes: proof.sizeBytes, fileName };
}
