/**
 * Excel-like horizontal bar charts as inline SVG: labels on the left, gridlines with tick values,
 * each bar's value written beside it, so the chart reads on a projector without hovering. The chart
 * is drawn at its box's real width in CSS pixels, so its text stays the size of the page's text
 * instead of shrinking with a scaled viewBox.
 */
import { h, s } from '../dom.js';

export interface BarSegment {
  value: number;
  color: string;
  name: string;
}

export interface BarRow {
  label: string;
  segments: BarSegment[];
  valueLabel: string;
  href?: string;
}

export interface BarChartOptions {
  title: string;
  rows: BarRow[];
  /** The axis maximum; the largest row total when absent. */
  max?: number;
  tickFormat: (value: number) => string;
  legend?: { name: string; color: string }[];
}

interface Metrics {
  width: number;
  font: number;
}

/** CJK glyphs are about one em wide, Latin about half: enough to size the label column without measuring. */
function textWidth(text: string, font: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? font : font * 0.6;
  return w;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** A label longer than its column is cut with an ellipsis; the full text stays in the tooltip. */
function fit(text: string, room: number, font: number): string {
  if (textWidth(text, font) <= room) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, font) > room) break;
    out += ch;
  }
  return `${out}…`;
}

function draw(opts: BarChartOptions, { width, font }: Metrics): SVGElement {
  const rowH = Math.round(font * 2);
  const barH = Math.round(font * 1.3);
  const axis = Math.round(font * 1.9);
  const tickFont = Math.round(font * 0.85);
  const totals = opts.rows.map((r) => r.segments.reduce((sum, seg) => sum + seg.value, 0));
  const max = opts.max ?? niceMax(Math.max(0, ...totals));
  const valueSpace = Math.max(font * 3, ...opts.rows.map((r) => textWidth(r.valueLabel, font))) + 14;
  const labelWidth = Math.min(width * 0.4, Math.max(font * 3, ...opts.rows.map((r) => textWidth(r.label, font)))) + 12;
  const plotWidth = Math.max(40, width - labelWidth - valueSpace);
  const legendHeight = opts.legend ? Math.round(font * 1.9) : 0;
  const top = axis + legendHeight;
  const height = top + opts.rows.length * rowH + 8;
  const x = (v: number): number => labelWidth + (plotWidth * v) / max;

  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'chart', role: 'img', 'aria-label': opts.title, 'font-size': font });

  if (opts.legend) {
    let lx = labelWidth;
    for (const item of opts.legend) {
      svg.append(s('rect', { x: lx, y: font * 0.35, width: font, height: font, fill: item.color }));
      svg.append(s('text', { x: lx + font * 1.4, y: font * 1.2 }, item.name));
      lx += font * 2.6 + textWidth(item.name, font);
    }
  }

  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const gx = x(v);
    svg.append(s('line', { x1: gx, x2: gx, y1: top - 4, y2: height - 8, class: 'grid' }));
    svg.append(s('text', { x: gx, y: top - 8, 'text-anchor': 'middle', class: 'tick', 'font-size': tickFont }, opts.tickFormat(v)));
  }

  opts.rows.forEach((row, i) => {
    const y = top + i * rowH;
    const baseline = y + rowH / 2 + font / 3;
    const g = s('g', { class: 'bar-row' });
    const label = s('text', { x: labelWidth - 10, y: baseline, 'text-anchor': 'end' }, fit(row.label, labelWidth - 12, font), s('title', {}, row.label));
    if (row.href) g.append(s('a', { href: row.href }, label));
    else g.append(label);
    let start = 0;
    for (const seg of row.segments) {
      if (seg.value <= 0) continue;
      const rect = s('rect', { x: x(start), y: y + (rowH - barH) / 2, width: Math.max(1, x(start + seg.value) - x(start)), height: barH, fill: seg.color });
      rect.append(s('title', {}, `${row.label} · ${seg.name}`));
      g.append(rect);
      start += seg.value;
    }
    g.append(s('text', { x: x(start) + 6, y: baseline, class: 'value' }, row.valueLabel));
    svg.append(g);
  });
  svg.append(s('line', { x1: labelWidth, x2: labelWidth, y1: top - 4, y2: height - 8, class: 'axis' }));
  return svg;
}

/**
 * The chart's box; the SVG is (re)drawn whenever the box's width changes, in the page's own font
 * size (which grows on large screens).
 */
export function barChart(opts: BarChartOptions): HTMLElement {
  const box = h('div', { class: 'chart-box' });
  let drawnWidth = 0;
  const observer = new ResizeObserver(() => {
    if (!box.isConnected) return observer.disconnect();
    const width = Math.floor(box.clientWidth);
    if (width === drawnWidth || width === 0) return;
    drawnWidth = width;
    const font = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    box.replaceChildren(draw(opts, { width, font: Math.round(font * 0.95) }));
  });
  observer.observe(box);
  return box;
}
