import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { decodeSequenceCursor, encodeCursor, Page } from '@tradehub/kernel';
import { CurrentPrincipal } from '../auth/decorators';
import { RequiredScope } from '../auth/scopes';
import type { Principal } from '../auth/principal';
import { StoreScope } from '../auth/store-scope';
import { PlatformDatabase } from '../database/unit-of-work';
import { PageRequest } from '../http/page.request';

export class AuditLogRequest extends PageRequest {
  @ApiPropertyOptional({ example: 'order' }) @IsOptional() @IsString() @MaxLength(64) subjectType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) subjectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) storeId?: string;
  @ApiPropertyOptional({ description: 'Actor (principal id)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  actor?: string;
}

export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() actorKind!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) storeId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Field -> { from, to }' })
  changes!: Record<string, unknown>;
  @ApiProperty({
    description: 'Integration events the change raised (outbox ids)',
    type: 'array',
    items: { type: 'object' },
  })
  events!: { id: string; type: string }[];
}

export class AuditPageResponse implements Page<AuditEntryResponse> {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

interface AuditRow {
  seq: string;
  id: string;
  at: Date;
  actor: string;
  actor_kind: string;
  request_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  store_id: string | null;
  changes: Record<string, unknown>;
  events: { id: string; type: string }[];
}

/**
 * CMP-6: the append-only audit trail, newest first, for operations and auditors (and services);
 * seller staff and their apps read their own stores' records (the console's order page), with the
 * platform's staff named only as `platform`.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/audit-log')
export class AuditLogController {
  constructor(private readonly uow: PlatformDatabase) {}

  @Get()
  @RequiredScope('audit:read')
  @ApiOperation({
    summary:
      "Who changed what, when, and in which request (CMP-6); sellers see their stores' records, with operators named `platform`",
  })
  @ApiOkResponse({ type: AuditPageResponse })
  async list(
    @Query() filter: AuditLogRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<AuditEntryResponse>> {
    const where: string[] = [];
    const params: unknown[] = [];
    StoreScope.of(principal).restrict(where, params);
    const columns = {
      subjectType: 'subject_type',
      subjectId: 'subject_id',
      storeId: 'store_id',
      actor: 'actor',
    } as const;
    for (const [key, column] of Object.entries(columns)) {
      const value = filter[key as keyof typeof columns];
      if (value) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (filter.cursor) {
      where.push('seq < ?::bigint');
      params.push(decodeSequenceCursor(filter.cursor));
    }
    const limit = filter.limit ?? 50;
    const rows = await this.uow
      .reader()
      .query<AuditRow>(
        `select * from platform.audit_log ${where.length ? `where ${where.join(' and ')}` : ''} order by seq desc limit ?`,
        [...params, limit + 1],
      );
    const page = rows.slice(0, limit);
    const seller = principal.kind === 'seller_staff' || principal.kind === 'partner_app';
    return {
      items: page.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        // Which of the platform's staff decided is the platform's own business.
        actor: seller && r.actor_kind === 'operator' ? 'platform' : r.actor,
        actorKind: r.actor_kind,
        requestId: r.request_id,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        storeId: r.store_id,
        changes: r.changes,
        events: r.events,
      })),
      nextCursor: rows.length > limit ? encodeCursor([String(page.at(-1)!.seq)]) : null,
    };
  }
}
