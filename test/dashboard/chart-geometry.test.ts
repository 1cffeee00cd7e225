import { describe, expect, it } from 'vitest';
import { type BarChartOptions, layoutChart, niceAxis } from '../../worker/dashboard/charts/geometry.js';

const count = (values: number[]): BarChartOptions => ({
  title: 't',
  integer: true,
  tickFormat: String,
  rows: values.map((v, i) => ({
    label: `规则${i}`,
    segments: [{ value: v, color: '#000', name: 'n' }],
    valueLabel: String(v),
  })),
});

describe('chart axes', () => {
  it('should tick a count axis of five on every whole number, not at 1.3 and 2.5', () => {
    expect(niceAxis(5, true)).toEqual({ max: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(niceAxis(3, true).ticks).toEqual([0, 1, 2, 3]);
    expect(niceAxis(1, true).ticks).toEqual([0, 1]);
    expect(niceAxis(0, true).ticks).toEqual([0, 1]);
  });

  it('should keep every count tick whole and the axis above the data for any count', () => {
    for (let n = 1; n <= 5000; n += n < 30 ? 1 : 37) {
      const axis = niceAxis(n, true);
      expect(axis.max).toBeGreaterThanOrEqual(n);
      expect(axis.ticks.length).toBeLessThanOrEqual(6);
      for (const tick of axis.ticks) expect(Number.isInteger(tick)).toBe(true);
      const step = axis.ticks[1]! - axis.ticks[0]!;
      expect(axis.ticks.every((t, i) => t === i * step)).toBe(true);
    }
  });

  it('should allow fractional steps for data that is not a count', () => {
    expect(niceAxis(0.33, false).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });
});

describe('chart layout', () => {
  it('should place the ticks evenly across the plot and each bar in proportion to its value', () => {
    const l = layoutChart(count([5, 2, 0]), { width: 600, font: 16 });
    expect(l.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(l.ticks[0]!.x).toBeCloseTo(l.plotLeft);
    expect(l.ticks.at(-1)!.x).toBeCloseTo(l.plotLeft + l.plotWidth);
    const [full, part, none] = l.rows;
    expect(full!.rects[0]!.width).toBeCloseTo(l.plotWidth);
    expect(part!.rects[0]!.width).toBeCloseTo((l.plotWidth * 2) / 5);
    expect(none!.rects).toHaveLength(0);
    expect(l.plotLeft + l.plotWidth).toBeLessThanOrEqual(600);
  });

  it('should stack segments end to end and keep shares on a fixed 0–100 % axis', () => {
    const l = layoutChart(
      {
        title: 't',
        max: 1,
        tickFormat: (v) => `${Math.round(v * 100)}%`,
        rows: [
          {
            label: '甲校',
            segments: [
              { value: 0.5, color: 'a', name: 'a' },
              { value: 0.25, color: 'b', name: 'b' },
            ],
            valueLabel: '50%',
          },
        ],
      },
      { width: 800, font: 16 },
    );
    expect(l.ticks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    const [a, b] = l.rows[0]!.rects;
    expect(b!.x).toBeCloseTo(a!.x + a!.width);
    expect(a!.width + b!.width).toBeCloseTo(l.plotWidth * 0.75);
  });

  it('should cut a label longer than its column and keep the full text for the tooltip', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const l = layoutChart(
      { ...count([1]), rows: [{ label: long, segments: [], valueLabel: '1' }] },
      { width: 400, font: 16 },
    );
    expect(l.rows[0]!.shownLabel.endsWith('…')).toBe(true);
    expect(l.rows[0]!.label).toBe(long);
  });
});
