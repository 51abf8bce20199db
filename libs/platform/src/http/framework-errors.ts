import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problem, PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './problem.filter';

/**
 * Fastify's router answers a malformed URL (400) or an over-long path parameter (414) itself,
 * before any hook, so Nest's exception layer never sees them. They get the same problem+json
 * as every other answer (through the one mapping in the problem filter).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body = { ...toProblem(error), instance: request.url, requestId: String(request.id) };
  if (body.status >= 500) new Logger('HTTP').error(`${request.method} ${request.url} failed: ${error.stack}`);
  void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * A request Node's HTTP parser cannot read (bad header syntax, headers too large, a timeout)
 * never becomes a request at all; it is answered on the socket, which then closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const answer = clientProblem(error.code);
    const body = JSON.stringify(answer);
    socket.write(
      `HTTP/1.1 ${answer.status} ${answer.title}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function clientProblem(code: string | undefined): Problem {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'REQUEST_TIMEOUT', 'The request was not received in time');
    case 'HPE_HEADER_OVERFLOW':
      return problem(431, 'HEADERS_TOO_LARGE', 'The request headers are too large', [
        { field: 'headers', message: 'too large' },
      ]);
    default:
      return problem(400, 'MALFORMED_REQUEST', 'The request is not valid HTTP');
  }
}
