import { labelOf } from '../common/messages';
import { useHealthMessages } from './messages';
import { formatFixed, formatMean, formatRate } from '../format/numbers';
import type { SlaPart } from './types';

/** Parts whose value is a mean on the 1-5 scale; the others are rates. */
const MEANS = new Set(['DSR_MEAN']);

/**
 * CMP-1 explained: each part's value over the window, its sub-score, weight and contribution; the
 * contributions of the rated parts add up to the score (the server apportions the rounding).
 */
export function PartsTable({ parts, score }: { parts: SlaPart[]; score: string }) {
  const { h, locale } = useHealthMessages();
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
  const ratedWeight = parts.reduce((sum, p) => sum + (p.subScore === null ? 0 : p.weight), 0);
  const value = (part: SlaPart) =>
    part.value === null
      ? h.notRated
      : MEANS.has(part.metric)
        ? formatMean(part.value, locale)
        : formatRate(part.value, locale);
  const fixed = (text: string | null) => (text === null ? h.notRated : formatFixed(text, 2, locale));

  return (
    <>
      <div className="health-table-wrap">
        <table className="health-table health-parts">
          <caption>{h.partsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{h.colPart}</th>
              <th scope="col" className="num">
                {h.colValue}
              </th>
              <th scope="col" className="num">
                {h.colSubScore}
              </th>
              <th scope="col" className="num">
                {h.colWeight}
              </th>
              <th scope="col" className="num">
                {h.colContribution}
              </th>
            </tr>
          </thead>
          <tbody>
            {parts.map((part) => (
              <tr key={part.metric}>
                <th scope="row">{labelOf(h.partNames, part.metric)}</th>
                <td className="num">{value(part)}</td>
                <td className="num">{fixed(part.subScore)}</td>
                <td className="num">{part.weight}</td>
                <td className="num">{fixed(part.contribution)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{h.totalRow}</th>
              <td />
              <td />
              <td className="num">{totalWeight}</td>
              <td className="num">{formatFixed(score, 2, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {ratedWeight < totalWeight && <p className="hint">{h.unratedNote(ratedWeight)}</p>}
    </>
  );
}
