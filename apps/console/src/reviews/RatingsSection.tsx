import { LoadProblem } from '../common/LoadProblem';
import { useCommonMessages } from '../common/messages';
import type { Loaded } from '../common/useLoad';
import { formatCount, formatMean, formatRate } from '../format/numbers';
import { Instant } from '../orders/Instant';
import { useReviewsMessages } from './messages';
import { Section } from '../common/Section';
import type { DsrDimension, DsrFigure, RatingsOverview, StoreRatings } from './types';

const DIMENSIONS: DsrDimension[] = ['ITEM_AS_DESCRIBED', 'COMMUNICATION', 'SHIPPING_SPEED'];

/** REV-5: a deduction is something only when it is above zero ("0.0000" is none). */
const deducts = (deduction: string): boolean => /[1-9]/.test(deduction);

interface RatingsSectionProps {
  /** One store, or '' for every store the person reaches. */
  storeId: string;
  /** The stores the person reaches: each gets a row, "not rated" when the window has no review of it. */
  storeIds: readonly string[];
  ratings: Loaded<RatingsOverview>;
  onRetry: () => void;
}

/** A store the API did not list: nothing rated in the window. */
const unrated = (storeId: string, like: StoreRatings): StoreRatings => ({
  storeId,
  windowDays: like.windowDays,
  asOf: like.asOf,
  reviews: 0,
  positive: 0,
  positiveRate: null,
  dsr: [],
});

/** The rows to show: the chosen store, or each store the person reaches (and any other the API listed). */
function rowsOf(overview: RatingsOverview, storeId: string, storeIds: readonly string[]): StoreRatings[] {
  const listed = new Map(overview.stores.map((s) => [s.storeId, s]));
  const ids = storeId
    ? [storeId]
    : [...storeIds, ...[...listed.keys()].filter((id) => !storeIds.includes(id))];
  return ids.map((id) => listed.get(id) ?? unrated(id, overview.all));
}

/**
 * REV-3..REV-5: the positive rate and the DSR per dimension over the window, per store; the
 * shipping-speed DSR is the one the store is shown, its raw mean and the strikes' deduction beside it.
 */
export function RatingsSection({ storeId, storeIds, ratings, onRetry }: RatingsSectionProps) {
  const { v } = useReviewsMessages();
  const c = useCommonMessages();
  return (
    <Section title={v.ratings} className="reviews-section">
      {ratings.state === 'loading' && <p>{c.loading}</p>}
      {ratings.state === 'failed' && <LoadProblem error={ratings.error} onRetry={onRetry} />}
      {ratings.state === 'ready' && (
        <RatingsTable
          rows={rowsOf(ratings.data, storeId, storeIds)}
          all={storeId ? undefined : ratings.data.all}
        />
      )}
    </Section>
  );
}

function RatingsTable({ rows, all }: { rows: StoreRatings[]; all: StoreRatings | undefined }) {
  const { v } = useReviewsMessages();
  const period = all ?? rows[0];
  const anyUnrated = [...rows, ...(all ? [all] : [])].some((r) => r.positiveRate === null);
  return (
    <>
      {period && (
        <p className="hint reviews-window">
          {v.window(period.windowDays)} <Instant iso={period.asOf} />
        </p>
      )}
      <div className="reviews-table-wrap">
        <table className="reviews-table">
          <caption>{v.ratingsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{v.colStore}</th>
              <th scope="col" className="reviews-number">
                {v.colReviews}
              </th>
              <th scope="col">{v.colPositiveRate}</th>
              {DIMENSIONS.map((d) => (
                <th scope="col" key={d}>
                  {v.dimensions[d]}
                  <span className="secondary reviews-block">{v.dsrScale}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <RatingsRow key={row.storeId} row={row} name={row.storeId} />
            ))}
          </tbody>
          {all && (
            <tfoot>
              <RatingsRow row={all} name={v.allStoresRow} total />
            </tfoot>
          )}
        </table>
      </div>
      {anyUnrated && <p className="hint">{v.notRatedHint}</p>}
      {all && <p className="hint">{v.allStoresNote}</p>}
    </>
  );
}

function RatingsRow({ row, name, total = false }: { row: StoreRatings; name: string; total?: boolean }) {
  const { v, locale } = useReviewsMessages();
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="reviews-number">{formatCount(row.reviews, locale)}</td>
      <td>
        {row.positiveRate === null ? (
          v.notRated
        ) : (
          <>
            <span className="reviews-figure">{formatRate(row.positiveRate, locale)}</span>
            <span className="secondary reviews-block">
              {v.positiveOf(formatCount(row.positive, locale), formatCount(row.reviews, locale))}
            </span>
          </>
        )}
      </td>
      {DIMENSIONS.map((d) => (
        <td key={d}>
          <DsrCell figure={row.dsr.find((f) => f.dimension === d)} total={total} />
        </td>
      ))}
    </tr>
  );
}

/** REV-4, and for shipping speed REV-5: the figure shown, then the raw mean and the strikes' deduction. */
function DsrCell({ figure, total }: { figure: DsrFigure | undefined; total: boolean }) {
  const { v, locale } = useReviewsMessages();
  if (!figure || figure.mean === null || figure.shown === null) return <>{v.notRated}</>;
  const shipping = figure.dimension === 'SHIPPING_SPEED' && !total;
  return (
    <>
      <span className="reviews-figure">{formatMean(figure.shown, locale)}</span>
      {shipping && (
        <>
          <span className="secondary reviews-block">{v.rawMean(formatMean(figure.mean, locale))}</span>
          {deducts(figure.deduction) ? (
            <span className="secondary reviews-block">
              {v.deduction(formatMean(figure.deduction, locale), figure.strikes)}
            </span>
          ) : (
            figure.strikes > 0 && (
              <span className="secondary reviews-block">{v.strikesNoDeduction(figure.strikes)}</span>
            )
          )}
        </>
      )}
    </>
  );
}
