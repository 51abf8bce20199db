import { Injectable } from '@nestjs/common';
import { ValidationError } from '@tradehub/kernel';
import type { Sql, Tx } from '@tradehub/platform';
import type { EvidenceRef, EvidenceType } from '../domain';

/** Evidence files by content: uploaded once, then named by their sha256 in requests and answers. */
@Injectable()
export class EvidenceRepository {
  /** True when this caller had not uploaded this content before; the file's row is written by its first upload. */
  async record(tx: Tx, ref: EvidenceRef, by: string, at: Date): Promise<boolean> {
    await tx.query(
      `insert into disputes.evidence_files (sha256, content_type, size_bytes, file_name, first_uploaded_at, first_uploaded_by)
       values (?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing`,
      [ref.sha256, ref.contentType, ref.sizeBytes, ref.fileName, at, by],
    );
    const rows = await tx.query(
      `insert into disputes.evidence_uploads (sha256, uploaded_by, uploaded_at) values (?, ?, ?)
       on conflict do nothing returning sha256`,
      [ref.sha256, by, at],
    );
    return rows.length > 0;
  }

  /**
   * The uploaded files named, in the order given; a name never uploaded (by `uploadedBy`, when given)
   * is refused with its position, so nobody cites a file they only know the hash of.
   */
  async resolve(
    sql: Sql,
    shas: readonly string[],
    uploadedBy: string | null,
    field = 'evidence',
  ): Promise<EvidenceRef[]> {
    if (shas.length === 0) return [];
    const rows = await sql.query<{
      sha256: string;
      content_type: EvidenceType;
      size_bytes: number;
      file_name: string;
    }>(
      `select f.sha256, f.content_type, f.size_bytes, f.file_name from disputes.evidence_files f
        where f.sha256 = any(?::text[])
          and (?::text is null or exists (select 1 from disputes.evidence_uploads u
                                           where u.sha256 = f.sha256 and u.uploaded_by = ?))`,
      [`{${shas.join(',')}}`, uploadedBy, uploadedBy],
    );
    const bySha = new Map(rows.map((r) => [r.sha256, r]));
    return shas.map((sha, i) => {
      const row = bySha.get(sha);
      if (!row)
        throw new ValidationError(
          'no evidence file with this sha256 was uploaded by the caller (POST /v1/disputes/evidence)',
          `${field}[${i}]`,
        );
      return {
        sha256: sha,
        contentType: row.content_type,
        sizeBytes: row.size_bytes,
        fileName: row.file_name,
      };
    });
  }
}
