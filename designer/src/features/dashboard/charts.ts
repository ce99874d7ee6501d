import type { ChartOption } from './Chart.tsx';

/** The dashboard's colours: open, overdue, closed on time, closed late, and the trend's started. */
export const COLOURS = { open: '#1677ff', overdue: '#c8102e', closedOnTime: '#389e0d', closedLate: '#d46b08', started: '#8c8c8c' };

interface Series {
  readonly name: string;
  readonly colour: string;
  readonly values: readonly number[];
}

const base = (categories: readonly string[]): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0, hideOverlap: true } },
  yAxis: { type: 'value', minInterval: 1 },
});

/** Bars per unit, one colour per count. */
export function barsOption(categories: readonly string[], series: readonly Series[]): ChartOption {
  return {
    ...base(categories),
    series: series.map((s) => ({ type: 'bar', name: s.name, data: [...s.values], itemStyle: { color: s.colour }, barMaxWidth: 28 })),
  };
}

/** Lines over the periods. */
export function linesOption(categories: readonly string[], series: readonly Series[]): ChartOption {
  return {
    ...base(categories),
    series: series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], itemStyle: { color: s.colour }, smooth: false })),
  };
}
