import { formatDay } from './days';
import type { ChartLine, ChartPoint } from './DayChart';
import type { HealthMessages } from './messages';

/**
 * A chart's numbers in words, for its text alternative: per line the latest value, the highest and
 * the lowest, each with its day (the first such day when values repeat).
 */
export function summarise(
  data: ChartPoint[],
  lines: ChartLine[],
  format: (value: number) => string,
  h: HealthMessages,
  locale: string,
): string {
  return lines
    .map((line) => {
      const points = data.flatMap((p) => {
        const value = p[line.key];
        return typeof value === 'number' ? [{ day: p.day, value }] : [];
      });
      if (points.length === 0) return h.noDayRated(line.name);
      const at = (point: { day: string; value: number }) =>
        h.valueOn(format(point.value), formatDay(point.day, locale));
      const high = points.reduce((best, p) => (p.value > best.value ? p : best));
      const low = points.reduce((best, p) => (p.value < best.value ? p : best));
      return h.lineSummary(line.name, at(points[points.length - 1]), at(high), at(low));
    })
    .join(' ');
}
