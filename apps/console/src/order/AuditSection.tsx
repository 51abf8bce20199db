import { Instant } from '../orders/Instant';
import { isForbidden, LoadProblem } from '../common/LoadProblem';
import { AUDIT_LIMIT, type AuditTrail } from './loaders';
import { useOrderMessages, type OrderMessages } from './messages';
import { Section } from '../common/Section';
import type { AuditEntry } from './types';
import type { Loaded } from '../common/useLoad';

interface AuditSectionProps {
  trail: Loaded<AuditTrail>;
  onRetry: () => void;
}

/**
 * CMP-6: who changed what and when. Operators read every store's records and seller staff their
 * own stores' (the platform's staff named `platform`); a caller the API refuses (403, an app
 * without the scope) sees no section.
 */
export function AuditSection({ trail, onRetry }: AuditSectionProps) {
  const m = useOrderMessages();
  if (trail.state === 'failed' && isForbidden(trail.error)) return null;
  if (trail.state === 'loading') return null;
  return (
    <Section title={m.sections.audit} className="order-section">
      {trail.state === 'failed' && <LoadProblem error={trail.error} notFound={m.noAudit} onRetry={onRetry} />}
      {trail.state === 'ready' && <AuditTable trail={trail.data} />}
    </Section>
  );
}

function AuditTable({ trail }: { trail: AuditTrail }) {
  const m = useOrderMessages();
  if (trail.entries.length === 0) return <p>{m.noAudit}</p>;
  return (
    <>
      {trail.truncated && <p className="order-note">{m.auditTruncated(AUDIT_LIMIT)}</p>}
      <table className="order-table order-audit">
        <caption>{m.auditCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colWhen}</th>
            <th scope="col">{m.colWho}</th>
            <th scope="col">{m.colWhat}</th>
            <th scope="col">{m.colChanges}</th>
          </tr>
        </thead>
        <tbody>
          {trail.entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <Instant iso={entry.at} />
              </td>
              <td>
                {entry.actor}
                <span className="order-note">{entry.actorKind}</span>
              </td>
              <td>
                <span className="order-code">{entry.action}</span>
                <span className="order-note">
                  {entry.subjectType} {entry.subjectId}
                </span>
              </td>
              <td>
                <Changes entry={entry} m={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A value as it was recorded: text as is, anything else as JSON, nothing as "empty". */
function shown(value: unknown, m: OrderMessages): string {
  if (value === null || value === undefined || value === '') return m.empty;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Most records say { from, to } per field; some (a fact recorded, a count) give the value alone. */
function isFromTo(change: unknown): change is { from: unknown; to: unknown } {
  return typeof change === 'object' && change !== null && 'from' in change && 'to' in change;
}

/** The changed fields, folded (a created order records every field). */
function Changes({ entry, m }: { entry: AuditEntry; m: OrderMessages }) {
  const fields = Object.entries(entry.changes);
  if (fields.length === 0) return <>{m.noChanges}</>;
  return (
    <details>
      <summary>{m.changedFields(fields.length)}</summary>
      <dl className="order-changes">
        {fields.map(([field, change]) => (
          <div key={field}>
            <dt>{field}</dt>
            <dd>
              {isFromTo(change) ? `${shown(change.from, m)} → ${shown(change.to, m)}` : shown(change, m)}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
