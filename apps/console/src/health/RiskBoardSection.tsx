import { useState } from 'react';
import { formatLocalTime } from '../format/time';
import { useLoad } from '../common/useLoad';
import { orderPath } from '../routing/paths';
import { Link } from '../routing/Link';
import { loadBoardCounts, loadOpenFlags, type FlagFilters } from './loaders';
import { LoadedView } from './LoadedView';
import { useHealthMessages } from './messages';
import { Section } from '../common/Section';
import type { BoardCounts, BoardFlag } from './types';
import { LoadProblem } from '../common/LoadProblem';
import { labelOf, useCommonMessages } from '../common/messages';
import { useCursorPages } from '../common/useCursorPages';

/** The rulebook's 17 risk types, in its order (the filter lists them all, whatever is open now). */
export const RISK_CODES = [
  'SHIP_DEADLINE_NEAR',
  'SHIP_DEADLINE_MISSED',
  'LATE_SHIPMENT_STRIKES',
  'INVALID_TRACKING_NUMBER',
  'NO_FIRST_SCAN',
  'LOGISTICS_STALLED',
  'PROOF_REVIEW_OVERDUE',
  'FAKE_SHIPMENT_SUSPECTED',
  'REFUND_RESPONSE_DUE',
  'RETURN_INSPECTION_DUE',
  'ADDRESS_AMBIGUOUS',
  'PAYMENT_ANOMALY',
  'SERIAL_RETURNER',
  'NEGATIVE_REVIEW_TENDENCY',
  'DISPUTE_RATE_HIGH',
  'SLOW_FULFILLMENT_SHARE_HIGH',
  'DSR_BELOW_CAMPAIGN_BAR',
] as const;

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

const NO_FILTERS: FlagFilters = { type: '', severity: '' };

/** CMP-5: a badge per risk type (red while any flag of it is open), and the open flags with filters. */
export function RiskBoardSection({ storeId }: { storeId: string }) {
  const { h } = useHealthMessages();
  const counts = useLoad(storeId, (signal) => loadBoardCounts(storeId, signal));
  const [filters, setFilters] = useState<FlagFilters>(NO_FILTERS);
  return (
    <Section title={h.sections.riskBoard} className="health-section">
      <LoadedView loaded={counts.loaded} onRetry={counts.retry}>
        {(data) => <Badges counts={data} />}
      </LoadedView>
      <FlagFilterBar filters={filters} onChange={setFilters} />
      <FlagList storeId={storeId} filters={filters} />
    </Section>
  );
}

function Badges({ counts }: { counts: BoardCounts }) {
  const { h } = useHealthMessages();
  return (
    <>
      <p className="health-board-total">{h.openTotal(counts.open)}</p>
      <ul className="risk-badges" aria-label={h.badges}>
        {counts.types.map((type) => (
          <li key={type.code} className={type.open > 0 ? 'risk-type hot' : 'risk-type'} data-code={type.code}>
            <span className="risk-type-name">{labelOf(h.riskTypes, type.code)}</span>
            <span className="risk-count">
              <span aria-hidden="true">{type.open}</span>
              <span className="visually-hidden">{h.openOfType(type.open)}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function FlagFilterBar({ filters, onChange }: { filters: FlagFilters; onChange: (f: FlagFilters) => void }) {
  const { h } = useHealthMessages();
  return (
    <div role="group" aria-label={h.flagFilters} className="filters health-flag-filters">
      <div className="field">
        <label htmlFor="flag-type">{h.riskType}</label>
        <select
          id="flag-type"
          value={filters.type}
          onChange={(event) => onChange({ ...filters, type: event.target.value })}
        >
          <option value="">{h.allTypes}</option>
          {RISK_CODES.map((code) => (
            <option key={code} value={code}>
              {labelOf(h.riskTypes, code)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="flag-severity">{h.severity}</label>
        <select
          id="flag-severity"
          value={filters.severity}
          onChange={(event) => onChange({ ...filters, severity: event.target.value })}
        >
          <option value="">{h.allSeverities}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {labelOf(h.severities, severity)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function FlagList({ storeId, filters }: { storeId: string; filters: FlagFilters }) {
  const { h } = useHealthMessages();
  const c = useCommonMessages();
  // Other filters or another store start afresh from the first page.
  const flags = useCursorPages(`${storeId}|${filters.type}|${filters.severity}`, (cursor, signal) =>
    loadOpenFlags(storeId, filters, cursor, signal),
  );
  if (!flags.started) return <p className="health-muted">{c.loading}</p>;
  if (flags.items.length === 0 && flags.error !== undefined)
    return <LoadProblem error={flags.error} onRetry={flags.retry} />;
  if (flags.items.length === 0) return <p>{h.noFlags}</p>;
  return (
    <>
      <FlagTable flags={flags.items} showStore={storeId === ''} />
      {flags.error !== undefined && <LoadProblem error={flags.error} onRetry={flags.retry} />}
      {flags.hasMore && flags.error === undefined && (
        <button type="button" disabled={flags.loading} onClick={flags.loadMore}>
          {flags.loading ? c.loading : h.moreFlags}
        </button>
      )}
    </>
  );
}

function FlagTable({ flags, showStore }: { flags: BoardFlag[]; showStore: boolean }) {
  const { h, locale } = useHealthMessages();
  return (
    <div className="health-table-wrap">
      <table className="health-table health-flags">
        <caption>{h.flagsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{h.colType}</th>
            <th scope="col">{h.colSeverity}</th>
            {showStore && <th scope="col">{h.colStore}</th>}
            <th scope="col">{h.colConcerns}</th>
            <th scope="col">{h.colReason}</th>
            <th scope="col">{h.colRaised}</th>
            <th scope="col">{h.colSource}</th>
          </tr>
        </thead>
        <tbody>
          {flags.map((flag) => (
            <tr key={flag.id}>
              <th scope="row">{labelOf(h.riskTypes, flag.code)}</th>
              <td>
                <span className={`severity ${flag.severity}`}>{labelOf(h.severities, flag.severity)}</span>
              </td>
              {showStore && <td>{flag.storeId}</td>}
              <td>
                {flag.orderId ? (
                  <Link href={orderPath(flag.orderId)} className="health-code">
                    {flag.orderId}
                  </Link>
                ) : (
                  h.storeLevel
                )}
                {flag.packageId && (
                  <span className="health-muted health-code">
                    {' '}
                    {h.packageRef} {flag.packageId}
                  </span>
                )}
              </td>
              <td>{flag.reason}</td>
              <td>
                <time dateTime={flag.raisedAt}>{formatLocalTime(flag.raisedAt, locale)}</time>
              </td>
              <td>{labelOf(h.sources, flag.source)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
