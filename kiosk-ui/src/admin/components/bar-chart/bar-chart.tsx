import { useId } from 'preact/hooks';

export interface Bar {
  label: string;
  value: number;
  /** What to print for the value (default: the number); e.g. — when there is no value. */
  display?: string;
}

interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  /** One sentence with every value, for screen readers (the SVG's accessible name). */
  summary: string;
  labelHeader: string;
  valueHeader: string;
  showTable: string;
  testId: string;
}

const HEIGHT = 220;
const PLOT_TOP = 24;
const PLOT_BOTTOM = 188;
const MIN_SLOT = 56;
const BAR = 36;

/** Wide enough for the longest label at 13 px: CJK characters are full width, others about half. */
function slotWidth(bars: readonly Bar[]): number {
  const longest = Math.max(0, ...bars.map((b) => [...b.label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 14 : 8), 0)));
  return Math.max(MIN_SLOT, longest + 12);
}

/**
 * A plain inline-SVG bar chart with its numbers as a table beside it (in a disclosure): the
 * chart is for the eye, the table for screen readers, keyboards and copying.
 */
export function BarChart({ title, bars, summary, labelHeader, valueHeader, showTable, testId }: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = slotWidth(bars);
  const width = Math.max(bars.length * slot, slot);
  const scale = (v: number) => ((PLOT_BOTTOM - PLOT_TOP) * v) / max;
  return (
    <figure class="chart" data-testid={testId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId} preserveAspectRatio="xMinYMin meet">
        <desc id={descId}>{summary}</desc>
        <line x1={0} x2={width} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} class="axis" />
        {bars.map((bar, i) => {
          const h = scale(bar.value);
          const x = i * slot + (slot - BAR) / 2;
          return (
            <g key={bar.label} data-label={bar.label} data-value={bar.value}>
              <rect x={x} y={PLOT_BOTTOM - h} width={BAR} height={h} class="bar">
                <title>{`${bar.label}: ${bar.display ?? bar.value}`}</title>
              </rect>
              <text x={x + BAR / 2} y={PLOT_BOTTOM - h - 6} class="value" text-anchor="middle">
                {bar.display ?? bar.value}
              </text>
              <text x={x + BAR / 2} y={PLOT_BOTTOM + 22} class="label" text-anchor="middle">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{showTable}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.display ?? bar.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
