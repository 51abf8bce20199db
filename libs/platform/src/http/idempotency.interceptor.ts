import { createHash } from 'node:crypto';
import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, Observable, of, switchMap, throwError } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PlatformDatabase } from '../database/unit-of-work';
import { Principal } from '../auth/principal';
import { bigintJson } from '../database/sql';
import { problem, ProblemException } from './problem';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface KeyRow {
  request_hash: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
  claimed: boolean;
}

/**
 * API-3: an `Idempotency-Key` on a mutating call makes retries safe. The same key and body
 * replays the first answer with no second effect; the same key with another body is refused
 * (422); a duplicate arriving while the first is still running gets 409. A failed attempt
 * changed nothing (its transaction rolled back), so its key is released for a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly uow: PlatformDatabase,
    private readonly reflector: Reflector,
    /** `idempotencyLeaseSeconds`: how long a crashed first attempt blocks its retries (409) before one may run again. */
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (!MUTATING.has(request.method) || key === undefined) return next.handle();
    // A multipart body is read by the handler itself, so it cannot be fingerprinted here; uploads are
    // idempotent by content instead (the same file answers with the first result).
    if (String(request.headers['content-type'] ?? '').startsWith('multipart/')) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      throw new ProblemException(
        problem(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-255 characters', [
          { field: 'idempotency-key', message: 'must be 1-255 characters' },
        ]),
      );
    }
    const owner = request.principal?.id ?? 'anonymous';
    const path = request.url.split('?')[0];
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null, fingerprinted)}`)
      .digest('hex');
    return from(this.claim(owner, key, request.method, path, hash)).pipe(
      switchMap((row) => {
        if (row.claimed) return this.runFirst(next, reply, owner, key, this.secretFields(context));
        if (row.request_hash !== hash) {
          throw new ProblemException(
            problem(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request', [
              { field: 'idempotency-key', message: 'already used with a different request' },
            ]),
          );
        }
        if (row.state === 'in_progress') {
          throw new ProblemException(
            problem(
              409,
              'IDEMPOTENT_REQUEST_IN_PROGRESS',
              'A request with this Idempotency-Key is still being processed; retry later',
              [{ field: 'idempotency-key', message: 'request in progress' }],
            ),
          );
        }
        void reply.status(row.response_status ?? 200).header('idempotent-replayed', 'true');
        return of(row.response_body);
      }),
    );
  }

  /** Fields of the answer shown once (a client secret): never stored, so a replay answers without them. */
  private secretFields(context: ExecutionContext): readonly string[] {
    return this.reflector.get<string[] | undefined>(SECRET_FIELDS, context.getHandler()) ?? [];
  }

  private runFirst(
    next: CallHandler,
    reply: FastifyReply,
    owner: string,
    key: string,
    secrets: readonly string[],
  ): Observable<unknown> {
    return next.handle().pipe(
      switchMap((body) =>
        from(
          this.uow
            .reader()
            .query(
              `update platform.idempotency_keys set state = 'completed', response_status = ?, response_body = ?::jsonb where principal = ? and key = ?`,
              [
                reply.statusCode,
                JSON.stringify(withoutSecrets(body, secrets) ?? null, bigintJson),
                owner,
                key,
              ],
            ),
        ).pipe(switchMap(() => of(body))),
      ),
      catchError((error: unknown) =>
        from(
          this.uow
            .reader()
            .query(`delete from platform.idempotency_keys where principal = ? and key = ?`, [owner, key]),
        ).pipe(switchMap(() => throwError(() => error))),
      ),
    );
  }

  /** Takes the key for this attempt, or returns the row that holds it. An expired in-progress lease is taken over. */
  private async claim(
    owner: string,
    key: string,
    method: string,
    path: string,
    hash: string,
  ): Promise<KeyRow> {
    const [row] = await this.uow.reader().query<KeyRow>(
      `insert into platform.idempotency_keys (principal, key, method, path, request_hash, state, locked_until)
       values (?, ?, ?, ?, ?, 'in_progress', clock_timestamp() + make_interval(secs => ?))
       on conflict (principal, key) do update set locked_until = excluded.locked_until
         where platform.idempotency_keys.state = 'in_progress'
           and platform.idempotency_keys.locked_until < clock_timestamp()
           and platform.idempotency_keys.request_hash = excluded.request_hash
       returning request_hash, state, response_status, response_body, true as claimed`,
      [owner, key, method, path, hash, this.config.idempotencyLeaseSeconds],
    );
    if (row) return row;
    const [existing] = await this.uow
      .reader()
      .query<KeyRow>(
        `select request_hash, state, response_status, response_body, false as claimed from platform.idempotency_keys where principal = ? and key = ?`,
        [owner, key],
      );
    // Released by a failed first attempt between our two statements: try to take it again.
    return existing ?? this.claim(owner, key, method, path, hash);
  }
}

export const SECRET_FIELDS = 'tradehub:secret-fields';

/** The answer's top-level fields that are shown once: an Idempotency-Key replay answers without them. */
export const SecretInAnswer = (...fields: string[]): MethodDecorator => SetMetadata(SECRET_FIELDS, fields);

function withoutSecrets(body: unknown, secrets: readonly string[]): unknown {
  if (!secrets.length || typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => !secrets.includes(name)));
}

/**
 * The body as fingerprinted: bigints as text; passwords left out, so the stored fingerprint cannot
 * be brute-forced at hash speed (a retry differing only in a password replays the first answer).
 */
function fingerprinted(key: string, value: unknown): unknown {
  return key === 'password' ? undefined : bigintJson(key, value);
}
