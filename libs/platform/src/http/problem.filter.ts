import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ServiceUnavailable } from '@tradehub/kernel';
import { isDatabaseUnavailable } from '../database/unavailable';
import { Problem, problem, PROBLEM_CONTENT_TYPE, ProblemException } from './problem';

const STATUS_BY_KIND: Record<DomainError['kind'], number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
};

/** Seconds a client should wait before retrying a 503. */
const RETRY_AFTER_SECONDS = 1;

/** The single place where anything thrown becomes an HTTP answer; only real faults become 5xx. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = { ...toProblem(exception), instance: request.url, requestId: String(request.id) };
    if (body.status === 503) {
      this.logger.warn(`${request.method} ${request.url} unavailable: ${describe(exception)}`);
      void reply.header('retry-after', String(retryAfter(exception)));
    } else if (body.status >= 500)
      this.logger.error(`${request.method} ${request.url} failed: ${describe(exception)}`);
    if (exception instanceof ProblemException)
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}

export function toProblem(exception: unknown): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof DomainError) {
    const status = STATUS_BY_KIND[exception.kind];
    const errors = exception.field ? [{ field: exception.field, message: exception.message }] : undefined;
    return problem(status, exception.code, exception.message, errors);
  }
  if (isDatabaseUnavailable(exception)) {
    return problem(
      503,
      'DATABASE_UNAVAILABLE',
      'The database cannot be reached right now; nothing was changed. Retry shortly.',
    );
  }
  if (exception instanceof HttpException) {
    // Nest wraps Fastify's own body errors (malformed JSON, size, media type); keep their precise codes.
    const cause = exception.cause as { statusCode?: number; code?: string; message?: string } | undefined;
    if (cause && typeof cause.code === 'string' && cause.code.startsWith('FST_')) {
      return fromFastify(exception.getStatus(), cause.code, cause.message ?? exception.message);
    }
    const status = exception.getStatus();
    return problem(status, httpCode(status), exception.message);
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return fromFastify(fastifyError.statusCode, fastifyError.code, fastifyError.message ?? '');
  }
  return problem(
    500,
    'INTERNAL_ERROR',
    'An unexpected error occurred; it has been logged with the request id.',
  );
}

/** Fastify rejects URLs and bodies before Nest sees them (malformed JSON, wrong content type, too large). */
function fromFastify(status: number, code: string | undefined, message: string): Problem {
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return problem(400, 'MALFORMED_URL', 'The path is not valid percent-encoded UTF-8', [
        { field: 'path', message: 'is not valid percent-encoded UTF-8' },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'URI_TOO_LONG', 'A path parameter is longer than any id this API issues', [
        { field: 'path', message: 'has a parameter that is too long' },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'MALFORMED_JSON', `The request body is not valid JSON: ${message}`, [
        { field: 'body', message },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'BODY_TOO_LARGE', message, [{ field: 'body', message }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'content-type', message }]);
    default:
      return problem(status, httpCode(status), message);
  }
}

function httpCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    408: 'REQUEST_TIMEOUT',
    409: 'CONFLICT',
    413: 'BODY_TOO_LARGE',
    414: 'URI_TOO_LONG',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    422: 'UNPROCESSABLE',
    429: 'TOO_MANY_REQUESTS',
  };
  return codes[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR');
}

function describe(exception: unknown): string {
  return exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
}

function retryAfter(exception: unknown): number {
  return exception instanceof ServiceUnavailable ? exception.retryAfterSeconds : RETRY_AFTER_SECONDS;
}
