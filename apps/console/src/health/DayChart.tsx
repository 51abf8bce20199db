import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatDayShort } from './days';

/** One line of a chart: the data key it plots and its name in the legend and tooltip. */
export interface ChartLine {
  key: string;
  name: string;
}

/** One point per UTC day; a null value is a day with nothing to rate (a gap in the line). */
export type ChartPoint = { day: string } & Record<string, number | string | null>;

export interface DayChartProps {
  data: ChartPoint[];
  lines: ChartLine[];
  /** The chart's text alternative: what it shows, with its numbers. */
  summary: string;
  /** A value as the tooltip shows it (and the axis, unless `axisFormat` is given). */
  format: (value: number) => string;
  /** A value on the axis, shorter. */
  axisFormat?: (value: number) => string;
  locale: string;
  /** The value axis' bounds when they are fixed (a score 0..100, a DSR 1..5). */
  domain?: [number, number];
  /** The axis' top while every value is 0 (a rate: 1, for 0..100%); recharts' own would be odd. */
  zeroTop?: number;
}

/** Colours distinct in hue and AA-contrasting on white; the legend names each line. */
const COLOURS = ['#0a58ca', '#146c2e', '#a34700', '#6f42c1'];
const INK = '#4a5360';

/**
 * A small chart of a metric over the window's days (recharts). Screen readers get it as one image
 * named by `summary`; the page also offers the figures as a table. Not animated: the numbers are
 * there at once, and no one who asked for reduced motion sees lines grow.
 */
export default function DayChart({
  data,
  lines,
  summary,
  format,
  axisFormat,
  locale,
  domain,
  zeroTop = 4,
}: DayChartProps) {
  const allZero = data.every((point) => lines.every((line) => !point[line.key]));
  return (
    <div className="health-chart">
      <LineChart
        responsive
        data={data}
        accessibilityLayer={false}
        role="img"
        aria-label={summary}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#d5dae1" vertical={false} />
        <XAxis
          dataKey="day"
          tickFormatter={(day: string) => formatDayShort(day, locale)}
          minTickGap={28}
          tick={{ fill: INK, fontSize: 12 }}
          stroke={INK}
        />
        <YAxis
          tickFormatter={(value: number) => (axisFormat ?? format)(value)}
          domain={domain ?? (allZero ? [0, zeroTop] : [0, 'auto'])}
          width={64}
          tick={{ fill: INK, fontSize: 12 }}
          stroke={INK}
          allowDecimals
        />
        <Tooltip
          formatter={(value, name) => [typeof value === 'number' ? format(value) : String(value), name]}
          labelFormatter={(day) => formatDay(String(day), locale)}
        />
        {lines.length > 1 && <Legend wrapperStyle={{ fontSize: 13 }} />}
        {lines.map((line, i) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth={2}
            dot={{ r: 1.5 }}
            activeDot={{ r: 4 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
