import { lazy, Suspense } from 'react';
import type { DayChartProps } from './DayChart';

// recharts is loaded with the first chart, so the console's main chunk stays as small as it was.
const DayChart = lazy(() => import('./DayChart'));

/** A day chart, loaded on first use; until then an empty box of its size. */
export function LazyDayChart(props: DayChartProps) {
  return (
    <Suspense fallback={<div className="health-chart" />}>
      <DayChart {...props} />
    </Suspense>
  );
}
