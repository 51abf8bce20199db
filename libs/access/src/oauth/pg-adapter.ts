import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Sql } from '@tradehub/platform';

type Row = { payload: AdapterPayload; consumed_at: Date | null };

/**
 * oidc-provider's storage (codes, sessions, interactions, refresh tokens, grants) in one table,
 * `access.oidc_model`, one row per model instance. Clients are not stored here: they are the
 * registered apps (`clientLoader`). An expired row is as good as gone; a consumed one says so,
 * which refresh-token rotation and code replay detection depend on. `grantChanged` runs after a
 * write that may change or end a grant (a token's standing), so this replica applies it at once.
 */
export function pgAdapter(
  sql: Sql,
  clientLoader: (id: string) => Promise<AdapterPayload | undefined>,
  grantChanged: () => void = () => undefined,
) {
  return class PgAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    /** Writes a grant's row, or rows of every kind that belong to a grant. */
    private async write(text: string, params: unknown[], aboutGrant = this.kind === 'Grant'): Promise<void> {
      await sql.query(text, params);
      if (aboutGrant) grantChanged();
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await this.write(
        `insert into access.oidc_model (kind, id, payload, grant_id, uid, user_code, expires_at, consumed_at)
         values (?, ?, ?::jsonb, ?, ?, ?, case when ?::int is null then null else now() + make_interval(secs => ?::int) end, null)
         on conflict (kind, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
           uid = excluded.uid, user_code = excluded.user_code, expires_at = excluded.expires_at, consumed_at = null`,
        [
          this.kind,
          id,
          JSON.stringify(payload),
          payload.grantId ?? null,
          payload.uid ?? null,
          payload.userCode ?? null,
          expiresIn ?? null,
          expiresIn ?? null,
        ],
      );
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.kind === 'Client') return clientLoader(id);
      return this.one('id = ?', id);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.one('uid = ?', uid);
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.one('user_code = ?', userCode);
    }

    async consume(id: string): Promise<void> {
      await this.write(`update access.oidc_model set consumed_at = now() where kind = ? and id = ?`, [
        this.kind,
        id,
      ]);
    }

    async destroy(id: string): Promise<void> {
      await this.write(`delete from access.oidc_model where kind = ? and id = ?`, [this.kind, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await this.write(
        `delete from access.oidc_model where kind = ? and grant_id = ?`,
        [this.kind, grantId],
        true,
      );
    }

    private async one(where: string, value: string): Promise<AdapterPayload | undefined> {
      const [row] = await sql.query<Row>(
        `select payload, consumed_at from access.oidc_model
          where kind = ? and ${where} and (expires_at is null or expires_at > now())`,
        [this.kind, value],
      );
      if (!row) return undefined;
      return row.consumed_at
        ? { ...row.payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) }
        : row.payload;
    }
  };
}
