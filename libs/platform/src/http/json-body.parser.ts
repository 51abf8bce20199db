import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonNestsDeeperThan, TOO_DEEP_MESSAGE } from './json-depth';
import { problem, ProblemException } from './problem';

type BodyParser<T> = (
  request: FastifyRequest,
  body: T,
  done: (error: Error | null, body?: unknown) => void,
) => void;

/**
 * The JSON body parser: Fastify's own (with its prototype-poisoning checks, as Nest configures
 * it), behind a bound on nesting depth checked on the raw text, so that nothing ever walks a
 * body nested too deep.
 */
export function depthBoundedJsonParser(fastify: FastifyInstance): BodyParser<Buffer> {
  // The default parser answers through `done`, never with a promise.
  const parse = fastify.getDefaultJsonParser('error', 'error') as BodyParser<string>;
  return (request, body, done) => {
    const text = body.toString('utf8');
    if (!jsonNestsDeeperThan(text)) return parse(request, text, done);
    done(
      new ProblemException(
        problem(400, 'JSON_TOO_DEEP', `The request body ${TOO_DEEP_MESSAGE}`, [
          { field: 'body', message: TOO_DEEP_MESSAGE },
        ]),
      ),
      undefined,
    );
  };
}
