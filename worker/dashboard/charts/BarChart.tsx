/**
 * Excel-like horizontal bar charts as inline SVG: labels on the left, gridlines with tick values,
 * each bar's value written beside it, so the chart reads on a projector without hovering. The chart
 * is drawn at its box's real width in CSS pixels, so its text stays the size of the page's text
 * (which grows with the screen and the large-type option). The layout is geometry.ts (unit tested).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type BarChartOptions, layoutChart, type Metrics } from './geometry.js';

export type { BarChartOptions, BarRow, BarSegment } from './geometry.js';

function Svg({ opts, metrics }: { opts: BarChartOptions; metrics: Metrics }) {
  const l = layoutChart(opts, metrics);
  const bottom = l.height - 8;
  return (
    <svg
      viewBox={`0 0 ${l.width} ${l.height}`}
      width={l.width}
      height={l.height}
      class="chart"
      role="img"
      aria-label={opts.title}
      font-size={l.font}
    >
      {l.legend.map((item) => (
        <>
          <rect x={item.x} y={item.y} width={item.size} height={item.size} fill={item.color} />
          <text x={item.textX} y={item.textY}>
            {item.name}
          </text>
        </>
      ))}
      {l.ticks.map((tick) => (
        <>
          <line x1={tick.x} x2={tick.x} y1={l.top - 4} y2={bottom} class="grid" />
          <text x={tick.x} y={l.top - 8} text-anchor="middle" class="tick" font-size={l.tickFont}>
            {tick.label}
          </text>
        </>
      ))}
      {l.rows.map((row) => {
        const label = (
          <text x={row.labelX} y={row.baseline} text-anchor="end">
            {row.shownLabel}
            <title>{row.label}</title>
          </text>
        );
        return (
          <g class="bar-row">
            {row.href ? <a href={row.href}>{label}</a> : label}
            {row.rects.map((r) => (
              <rect x={r.x} y={r.y} width={r.width} height={r.height} fill={r.color}>
                <title>{`${row.label} · ${r.name}`}</title>
              </rect>
            ))}
            <text x={row.valueX} y={row.baseline} class="value">
              {row.valueLabel}
            </text>
          </g>
        );
      })}
      <line x1={l.plotLeft} x2={l.plotLeft} y1={l.top - 4} y2={bottom} class="axis" />
    </svg>
  );
}

export function BarChart(opts: BarChartOptions) {
  const box = useRef<HTMLDivElement>(null);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = (): void => {
      const width = Math.floor(el.clientWidth);
      const font = Math.round((Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) * 0.95);
      if (width > 0) setMetrics((m) => (m && m.width === width && m.font === font ? m : { width, font }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div class="chart-box" ref={box}>
      {metrics ? <Svg opts={opts} metrics={metrics} /> : null}
    </div>
  );
}
