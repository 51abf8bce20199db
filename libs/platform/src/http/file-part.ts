import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { problem, ProblemException } from './problem';

/**
 * Reads the single `file` part of an upload (`what` names it in messages, e.g. "the proof"): a wrong
 * media type, a missing part or an oversize file are 4xx naming the field.
 */
export async function readFilePart(
  request: FastifyRequest,
  maxBytes: number,
  what: string,
): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new ProblemException(
      problem(415, 'UNSUPPORTED_MEDIA_TYPE', `send ${what} as multipart/form-data with a \`file\` part`, [
        { field: 'content-type', message: 'must be multipart/form-data' },
      ]),
    );
  }
  const part = await request
    .file({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } })
    .catch((error: unknown) => {
      throw unreadable(error);
    });
  if (!part || part.fieldname !== 'file') {
    throw new ProblemException(
      problem(400, 'VALIDATION_FAILED', `a \`file\` part with ${what} is required`, [
        { field: 'file', message: 'is required' },
      ]),
    );
  }
  const tooLarge = (): ProblemException =>
    new ProblemException(
      problem(413, 'FILE_TOO_LARGE', `${what} exceeds ${maxBytes} bytes`, [
        { field: 'file', message: `exceeds ${maxBytes} bytes` },
      ]),
    );
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw unreadable(error);
  }
  // A per-request limit cuts the stream short instead of throwing: a truncated file is too large.
  if (part.file.truncated) throw tooLarge();
  return { bytes, fileName: part.filename || 'upload' };
}

/** The multipart parser reports a body it cannot read (no boundary, cut short) as a plain Error: the client's fault. */
function unreadable(error: unknown): unknown {
  if (typeof (error as { statusCode?: unknown }).statusCode === 'number') return error;
  return new ProblemException(
    problem(400, 'MALFORMED_MULTIPART', 'the multipart body cannot be read', [
      { field: 'file', message: 'is not readable multipart/form-data' },
    ]),
  );
}
