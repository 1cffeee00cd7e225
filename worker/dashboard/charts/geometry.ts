/**
 * Where every part of a horizontal bar chart goes, as plain numbers (no DOM), so the layout is unit
 * tested and the SVG writer only maps it to elements. Count axes get whole-number ticks: a chart of
 * 5 teachers reads 0 1 2 3 4 5, never 0 1.3 2.5 3.8 5.
 */

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
  /** A fixed axis maximum (1 for shares); the data's nice maximum when absent. */
  max?: number;
  /** True for counts of people or schools: ticks on whole numbers only. */
  integer?: boolean;
  tickFormat: (value: number) => string;
  legend?: { name: string; color: string }[];
}

export interface Metrics {
  width: number;
  font: number;
}

export interface Axis {
  max: number;
  ticks: number[];
}

/** At most this many intervals between gridlines, so tick labels never collide at 1366 px. */
const MAX_INTERVALS = 5;

/**
 * The axis for data up to `dataMax`: a step of 1, 2 or 5 (or 2.5 for fractional data) times a power
 * of ten, the smallest that needs at most five intervals, and the maximum a whole number of steps.
 */
export function niceAxis(dataMax: number, integer: boolean): Axis {
  const top = dataMax > 0 ? dataMax : 1;
  const steps = integer ? [1, 2, 5] : [1, 2, 2.5, 5];
  let magnitude = 10 ** Math.floor(Math.log10(top / MAX_INTERVALS));
  if (integer) magnitude = Math.max(1, magnitude);
  for (;;) {
    for (const s of steps) {
      const step = s * magnitude;
      const n = Math.ceil(top / step - 1e-9);
      if (n <= MAX_INTERVALS) return { max: n * step, ticks: Array.from({ length: n + 1 }, (_, i) => round(i * step)) };
    }
    magnitude *= 10;
  }
}

/** A fixed maximum (shares: 0 to 100 %) in quarters. */
function fixedAxis(max: number): Axis {
  return { max, ticks: [0, 1, 2, 3, 4].map((i) => round((max * i) / 4)) };
}

const round = (v: number): number => Math.round(v * 1e9) / 1e9;

/** CJK glyphs are about one em wide, Latin about half: enough to size the label column without measuring. */
export function textWidth(text: string, font: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? font : font * 0.6;
  return w;
}

/** A label longer than its column is cut with an ellipsis; the full text stays in the tooltip. */
export function fit(text: string, room: number, font: number): string {
  if (textWidth(text, font) <= room) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, font) > room) break;
    out += ch;
  }
  return `${out}…`;
}

export interface RectBox {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  name: string;
}

export interface RowLayout {
  label: string;
  shownLabel: string;
  href?: string;
  baseline: number;
  labelX: number;
  rects: RectBox[];
  valueX: number;
  valueLabel: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  font: number;
  tickFont: number;
  top: number;
  plotLeft: number;
  plotWidth: number;
  ticks: { x: number; label: string }[];
  legend: { x: number; y: number; size: number; textX: number; textY: number; name: string; color: string }[];
  rows: RowLayout[];
}

export function layoutChart(opts: BarChartOptions, { width, font }: Metrics): ChartLayout {
  const rowH = Math.round(font * 2);
  const barH = Math.round(font * 1.3);
  const axisH = Math.round(font * 1.9);
  const tickFont = Math.round(font * 0.85);
  const totals = opts.rows.map((r) => r.segments.reduce((sum, seg) => sum + Math.max(0, seg.value), 0));
  const axis = opts.max !== undefined ? fixedAxis(opts.max) : niceAxis(Math.max(0, ...totals), opts.integer ?? false);
  // Bold value labels run wider than the estimate: a tenth more and an em of air keep them inside the box.
  const valueSpace = Math.max(font * 3, ...opts.rows.map((r) => textWidth(r.valueLabel, font) * 1.1)) + font;
  const labelWidth = Math.min(width * 0.4, Math.max(font * 3, ...opts.rows.map((r) => textWidth(r.label, font)))) + 12;
  const plotWidth = Math.max(40, width - labelWidth - valueSpace);
  const legendHeight = opts.legend ? Math.round(font * 1.9) : 0;
  const top = axisH + legendHeight;
  const height = top + opts.rows.length * rowH + 8;
  const x = (v: number): number => labelWidth + (plotWidth * v) / axis.max;

  const legend: ChartLayout['legend'] = [];
  let lx = labelWidth;
  for (const item of opts.legend ?? []) {
    legend.push({ x: lx, y: font * 0.35, size: font, textX: lx + font * 1.4, textY: font * 1.2, ...item });
    lx += font * 2.6 + textWidth(item.name, font);
  }

  const rows = opts.rows.map((row, i): RowLayout => {
    const y = top + i * rowH;
    let start = 0;
    const rects: RectBox[] = [];
    for (const seg of row.segments) {
      if (seg.value <= 0) continue;
      const w = Math.max(1, x(start + seg.value) - x(start));
      rects.push({ x: x(start), y: y + (rowH - barH) / 2, width: w, height: barH, color: seg.color, name: seg.name });
      start += seg.value;
    }
    return {
      label: row.label,
      shownLabel: fit(row.label, labelWidth - 12, font),
      ...(row.href ? { href: row.href } : {}),
      baseline: y + rowH / 2 + font / 3,
      labelX: labelWidth - 10,
      rects,
      valueX: x(start) + 6,
      valueLabel: row.valueLabel,
    };
  });

  return {
    width,
    height,
    font,
    tickFont,
    top,
    plotLeft: labelWidth,
    plotWidth,
    ticks: axis.ticks.map((v) => ({ x: x(v), label: opts.tickFormat(v) })),
    legend,
    rows,
  };
}
