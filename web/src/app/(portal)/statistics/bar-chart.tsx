import { scaleBand, scaleLinear } from 'd3-scale';
import styles from './statistics.module.css';

export interface Bar {
  label: string;
  /** null: suppressed — drawn as an outlined stub with its "<5" text, never as a length. */
  value: number | null;
  text: string;
}

const WIDTH = 760;
const LABEL_WIDTH = 300;
const ROW = 26;

/**
 * A horizontal bar chart drawn on the server as SVG (d3-scale does the arithmetic): no script reaches the
 * browser. It is a picture for sighted readers; the table beside it carries the same figures for everyone,
 * so the SVG is hidden from assistive technology and only its title is announced with the figure.
 */
export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const height = bars.length * ROW + 8;
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value ?? 0), 1);
  const x = scaleLinear().domain([0, top]).range([0, WIDTH - LABEL_WIDTH - 60]).nice();
  const y = scaleBand<number>().domain(bars.map((_, index) => index)).range([4, height - 4]).padding(0.2);
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="presentation" aria-hidden="true" focusable="false">
        {bars.map((bar, index) => {
          const top = y(index) ?? 0;
          const length = bar.value === null ? 0 : x(bar.value);
          return (
            <g key={index}>
              <text x={LABEL_WIDTH - 8} y={top + y.bandwidth() / 2} dominantBaseline="middle" textAnchor="end" className={styles.chartLabel}>
                {bar.label}
              </text>
              {bar.value === null ? (
                <rect x={LABEL_WIDTH} y={top} width={14} height={y.bandwidth()} className={styles.barSuppressed} />
              ) : (
                <rect x={LABEL_WIDTH} y={top} width={Math.max(length, 1)} height={y.bandwidth()} className={styles.bar} />
              )}
              <text x={LABEL_WIDTH + Math.max(length, 14) + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle" className={styles.chartValue}>
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
