/**
 * Excel-like horizontal bar charts as inline SVG: labels on the left, gridlines with tick values,
 * each bar's value written beside it, so the chart reads on a projector without hovering. The chart
 * is drawn at its box's real width in CSS pixels, so its text stays the size of the page's text
 * instead of shrinking with a scaled viewBox. The layout itself is geometry.ts (unit tested).
 */
import { h, s } from '../dom.js';
import { layoutChart, type BarChartOptions, type Metrics } from './geometry.js';

export type { BarChartOptions, BarRow, BarSegment } from './geometry.js';

function draw(opts: BarChartOptions, metrics: Metrics): SVGElement {
  const l = layoutChart(opts, metrics);
  const bottom = l.height - 8;
  const svg = s('svg', { viewBox: `0 0 ${l.width} ${l.height}`, width: l.width, height: l.height, class: 'chart', role: 'img', 'aria-label': opts.title, 'font-size': l.font });
  for (const item of l.legend) {
    svg.append(s('rect', { x: item.x, y: item.y, width: item.size, height: item.size, fill: item.color }));
    svg.append(s('text', { x: item.textX, y: item.textY }, item.name));
  }
  for (const tick of l.ticks) {
    svg.append(s('line', { x1: tick.x, x2: tick.x, y1: l.top - 4, y2: bottom, class: 'grid' }));
    svg.append(s('text', { x: tick.x, y: l.top - 8, 'text-anchor': 'middle', class: 'tick', 'font-size': l.tickFont }, tick.label));
  }
  for (const row of l.rows) {
    const g = s('g', { class: 'bar-row' });
    const label = s('text', { x: row.labelX, y: row.baseline, 'text-anchor': 'end' }, row.shownLabel, s('title', {}, row.label));
    g.append(row.href ? s('a', { href: row.href }, label) : label);
    for (const r of row.rects) {
      g.append(s('rect', { x: r.x, y: r.y, width: r.width, height: r.height, fill: r.color }, s('title', {}, `${row.label} · ${r.name}`)));
    }
    g.append(s('text', { x: row.valueX, y: row.baseline, class: 'value' }, row.valueLabel));
    svg.append(g);
  }
  svg.append(s('line', { x1: l.plotLeft, x2: l.plotLeft, y1: l.top - 4, y2: bottom, class: 'axis' }));
  return svg;
}

/**
 * The chart's box; the SVG is (re)drawn whenever the box's width changes, in the page's own font
 * size (which grows on large screens and with the large-type option).
 */
export function barChart(opts: BarChartOptions): HTMLElement {
  const box = h('div', { class: 'chart-box' });
  let drawn = '';
  const observer = new ResizeObserver(() => {
    if (!box.isConnected) return observer.disconnect();
    const width = Math.floor(box.clientWidth);
    const font = Math.round((parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) * 0.95);
    if (width === 0 || drawn === `${width}/${font}`) return;
    drawn = `${width}/${font}`;
    box.replaceChildren(draw(opts, { width, font }));
  });
  observer.observe(box);
  return box;
}
