import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import {
  ALLOWED_KINDS,
  OAUTH2_SCHEME,
  PROBLEM_CONTENT_TYPE,
  PrincipalKind,
  PUBLIC_ROUTE,
  REQUIRED_SCOPE,
  type Scope,
} from '@tradehub/platform';

/**
 * The problem responses of every operation, added in one place instead of on each handler: what an
 * operation can answer follows from its shape (a body, path ids, a mutation) and from the guards
 * on its handler (a token, the callers allowed, the scope required). A handler declares by hand
 * only what its shape does not tell (`@ApiNotFoundResponse` on a lookup by body); such a
 * declaration keeps its description and gets the problem content here.
 */
export function documentProblems(app: INestApplication, document: OpenAPIObject): void {
  const guards = handlerGuards(app);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
    responses: { ...document.components?.responses },
  };
  const used = new Set<keyof typeof RESPONSES>();
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const guard = guards.get(operation.operationId ?? '') ?? { public: false };
      if (!guard.public) operation.security = securityOf(operation, guard);
      for (const status of statusesOf(operation, method, guard)) {
        const declared = operation.responses[status] as ResponseObject | ReferenceObject | undefined;
        if (declared && '$ref' in declared) continue;
        if (status === '403' || declared) {
          operation.responses[status] = {
            description: describe(status, guard, declared?.description),
            content: {
              [PROBLEM_CONTENT_TYPE]: {
                schema: PROBLEM_REF,
                ...(status === '403' && guard.scope ? { example: insufficientScope(guard.scope) } : {}),
              },
            },
          };
        } else {
          const name = RESPONSE_NAMES[status];
          used.add(name);
          operation.responses[status] = { $ref: `#/components/responses/${name}` };
        }
      }
    }
  }
  for (const name of used) document.components.responses![name] = RESPONSES[name];
}

interface Guard {
  public: boolean;
  /** The principal kinds `@AllowedCallers` admits; absent when any authenticated caller may call. */
  callers?: PrincipalKind[];
  /** The OAuth 2.0 scope `@RequiredScope` asks of the token (API-1). */
  scope?: Scope;
}

/**
 * A guarded operation takes an OAuth 2.0 access token carrying its scope, or a bearer token of the
 * sandbox's token CLI; the scope requirement comes first, as `@RequiredScope` declared it.
 */
function securityOf(operation: OperationObject, guard: Guard): Record<string, string[]>[] {
  const declared = (operation.security ?? []).filter((r) => !(OAUTH2_SCHEME in r) && !('bearer' in r));
  return [...(guard.scope ? [{ [OAUTH2_SCHEME]: [guard.scope] }] : []), { bearer: [] }, ...declared];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const MUTATING = new Set<string>(['put', 'post', 'delete', 'patch']);

/** What the edge (auth guard, validation, Fastify, idempotency) and the domain can answer for this operation. */
function statusesOf(operation: OperationObject, method: string, guard: Guard): string[] {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const declared = Object.keys(operation.responses).filter((s) => /^[45]\d\d$/.test(s));
  const statuses = new Set<string>(declared);
  if (parameters.length > 0 || operation.requestBody) statuses.add('400');
  if (!guard.public) statuses.add('401');
  if (guard.callers || guard.scope) statuses.add('403');
  if (parameters.some((p) => p.in === 'path')) statuses.add('404');
  if (MUTATING.has(method)) ['409', '422'].forEach((s) => statuses.add(s));
  if (operation.requestBody) ['413', '415'].forEach((s) => statuses.add(s));
  statuses.add('500');
  if (!guard.public) statuses.add('503');
  return [...statuses].sort();
}

/**
 * A hand-declared description wins; a 403 always says which callers the operation is open to and
 * the scope it needs.
 */
function describe(status: string, guard: Guard, declared = ''): string {
  if (status !== '403') return declared;
  const parts = [
    guard.callers ? `Open to ${guard.callers.join(', ')} callers only; others get \`FORBIDDEN\`.` : '',
    guard.scope ? `Needs the scope \`${guard.scope}\`; a token without it gets \`INSUFFICIENT_SCOPE\`.` : '',
    declared,
  ];
  return parts.filter(Boolean).join(' ');
}

/** What the auth guard answers to a token that lacks the operation's scope. */
function insufficientScope(scope: Scope): Record<string, unknown> {
  return {
    type: 'https://tradehub.dev/problems/insufficient-scope',
    title: 'Forbidden',
    status: 403,
    detail: `This operation needs the scope ${scope}`,
    instance: '/v1/orders',
    code: 'INSUFFICIENT_SCOPE',
    errors: [{ field: 'scope', message: `missing scope ${scope}` }],
    requestId: '5b0c8a3e-2f4d-4b6a-9c1e-7d8f9a0b1c2d',
  };
}

/** `Controller_method` (Nest's default operationId) -> the metadata the auth guard reads on that handler. */
function handlerGuards(app: INestApplication): Map<string, Guard> {
  const reflector = app.get(Reflector);
  const guards = new Map<string, Guard>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as unknown;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, controller];
        guards.set(`${controller.name}_${name}`, {
          public: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
          callers: reflector.getAllAndOverride<PrincipalKind[] | undefined>(ALLOWED_KINDS, targets),
          scope: reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets),
        });
      }
    }
  }
  return guards;
}

const PROBLEM_REF: ReferenceObject = { $ref: '#/components/schemas/Problem' };

/** RFC 9457 problem details as ProblemFilter writes them (libs/platform/src/http/problem.ts). */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'RFC 9457 problem details, sent as `application/problem+json`. Match on `code`, which is stable; ' +
    '`title` and `detail` are for people.',
  required: ['type', 'title', 'status', 'code', 'detail', 'instance', 'requestId'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      description: 'A URI naming the kind of problem, derived from `code`',
    },
    title: { type: 'string', description: 'The HTTP status phrase', example: 'Bad Request' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', description: 'What went wrong with this request' },
    instance: { type: 'string', description: 'The request path', example: '/v1/orders' },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      description: 'Stable machine-readable code, e.g. `VALIDATION_FAILED`, `ORDER_NOT_FOUND`',
      example: 'VALIDATION_FAILED',
    },
    errors: {
      type: 'array',
      description: 'The offending inputs, one entry per failure',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: {
            type: 'string',
            description: 'A JSON path into the body (`lines[0].quantity`), or a query, path or header name',
            example: 'lines[0].quantity',
          },
          message: { type: 'string', example: 'must not be less than 1' },
        },
      },
    },
    requestId: {
      type: 'string',
      description: 'The request id, also in the `x-request-id` header and in the logs',
    },
  },
};

function response(
  description: string,
  status: number,
  title: string,
  code: string,
  detail: string,
  errors?: { field: string; message: string }[],
): ResponseObject {
  const example = {
    type: `https://tradehub.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    instance: '/v1/orders/0190d3b4-7c1e-7a35-9b1a-2f4c5d6e7f80/shipments',
    code,
    ...(errors ? { errors } : {}),
    requestId: '5b0c8a3e-2f4d-4b6a-9c1e-7d8f9a0b1c2d',
  };
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF, example } } };
}

const RESPONSES = {
  BadRequest: response(
    'The request is malformed or fails validation (`VALIDATION_FAILED`, `MALFORMED_JSON`, ' +
      '`INVALID_IDEMPOTENCY_KEY`, ...); `errors[].field` names each offending input.',
    400,
    'Bad Request',
    'VALIDATION_FAILED',
    'lines[0].quantity: must not be less than 1',
    [{ field: 'lines[0].quantity', message: 'must not be less than 1' }],
  ),
  Unauthorized: response(
    'No bearer token, or one that is invalid or expired (`UNAUTHENTICATED`, `INVALID_TOKEN`).',
    401,
    'Unauthorized',
    'UNAUTHENTICATED',
    'A bearer token is required',
    [{ field: 'authorization', message: 'missing bearer token' }],
  ),
  NotFound: response(
    'No such resource in the stores granted to the caller: one of another store answers exactly the same (API-2).',
    404,
    'Not Found',
    'ORDER_NOT_FOUND',
    'No such order',
  ),
  Conflict: response(
    'The request conflicts with the current state (the `code` says how), or a request with the same ' +
      '`Idempotency-Key` is still running (`IDEMPOTENT_REQUEST_IN_PROGRESS`): retry later.',
    409,
    'Conflict',
    'IDEMPOTENT_REQUEST_IN_PROGRESS',
    'A request with this Idempotency-Key is still being processed; retry later',
    [{ field: 'idempotency-key', message: 'request in progress' }],
  ),
  ContentTooLarge: response(
    'The body is larger than allowed (`BODY_TOO_LARGE`: 1 MiB of JSON; `FILE_TOO_LARGE`: `PROOF_MAX_BYTES`).',
    413,
    'Content Too Large',
    'BODY_TOO_LARGE',
    'Request body is too large',
    [{ field: 'body', message: 'Request body is too large' }],
  ),
  UnsupportedMediaType: response(
    'The `Content-Type` is not one this operation accepts (`UNSUPPORTED_MEDIA_TYPE`).',
    415,
    'Unsupported Media Type',
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported Media Type: application/xml',
    [{ field: 'content-type', message: 'Unsupported Media Type: application/xml' }],
  ),
  UnprocessableContent: response(
    'Well-formed, but a business rule refuses it (the `code` names the rule, e.g. `ORDER_NOT_CANCELLABLE`), ' +
      'or the `Idempotency-Key` was already used with another request (`IDEMPOTENCY_KEY_REUSED`).',
    422,
    'Unprocessable Content',
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was used with a different request',
    [{ field: 'idempotency-key', message: 'already used with a different request' }],
  ),
  InternalError: response(
    'An unexpected fault (`INTERNAL_ERROR`); it is logged with the `requestId`. A retry with the same ' +
      '`Idempotency-Key` is safe.',
    500,
    'Internal Server Error',
    'INTERNAL_ERROR',
    'An unexpected error occurred; it has been logged with the request id.',
  ),
  ServiceUnavailable: response(
    'The database (`DATABASE_UNAVAILABLE`) or another context (`CONTEXT_UNAVAILABLE`) cannot answer now; ' +
      'nothing was changed. Retry after the `Retry-After` seconds, with the same `Idempotency-Key`.',
    503,
    'Service Unavailable',
    'DATABASE_UNAVAILABLE',
    'The database cannot be reached right now; nothing was changed. Retry shortly.',
  ),
};

RESPONSES.ServiceUnavailable.headers = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
};

const RESPONSE_NAMES: Record<string, keyof typeof RESPONSES> = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '404': 'NotFound',
  '409': 'Conflict',
  '413': 'ContentTooLarge',
  '415': 'UnsupportedMediaType',
  '422': 'UnprocessableContent',
  '500': 'InternalError',
  '503': 'ServiceUnavailable',
};
