/**
 * Geometry of the "findings by profile" bar chart (inline SVG, no library): one horizontal bar per profile,
 * stacked by severity. The template only draws the rectangles computed here.
 */
import type { Severity } from '../../validation/finding.js';
import type { ReportLabels } from './labels.js';

export interface BarChart {
  width: number;
  height: number;
  labelX: number;
  rows: { y: number; textY: number; label: string; total: number; totalX: number; segments: { severity: Severity; x: number; width: number; title: string }[] }[];
  legend: { severity: Severity; label: string; x: number; textX: number; y: number; textY: number }[];
}

interface ProfileCounts {
  short: string;
  counts: { severity: Severity; label: string; count: number }[];
  total: number;
}

const MAX_ROWS = 12;
const WIDTH = 680;
const LABEL_W = 230;
const BAR_W = 390;
const ROW_H = 22;
const BAR_H = 14;
const LEGEND_H = 26;

export function barChart(profiles: readonly ProfileCounts[], t: ReportLabels): BarChart {
  const shown: ProfileCounts[] = profiles.slice(0, MAX_ROWS);
  if (profiles.length > MAX_ROWS) {
    const rest = profiles.slice(MAX_ROWS);
    shown.push({
      short: `+ ${rest.length} ${t.truncated}`,
      counts: rest[0].counts.map((c, k) => ({ ...c, count: rest.reduce((n, p) => n + p.counts[k].count, 0) })),
      total: rest.reduce((n, p) => n + p.total, 0),
    });
  }
  const max = Math.max(1, ...shown.map((p) => p.total));
  const rows = shown.map((p, n) => {
    const y = LEGEND_H + n * ROW_H;
    let x = LABEL_W;
    const segments = p.counts.filter((c) => c.count > 0).map((c) => {
      const width = round((c.count / max) * BAR_W);
      const seg = { severity: c.severity, x: round(x), width: Math.max(width, 1), title: `${p.short} : ${c.count} ${c.label.toLowerCase()}` };
      x += width;
      return seg;
    });
    return { y: y + (ROW_H - BAR_H) / 2, textY: y + ROW_H / 2 + 4, label: truncate(p.short, 34), total: p.total, totalX: round(x + 6), segments };
  });
  const severities = shown[0]?.counts ?? [];
  const legend = severities.map((c, k) => ({ severity: c.severity, label: c.label, x: LABEL_W + k * 100, textX: LABEL_W + k * 100 + 16, y: 4, textY: 15 }));
  return { width: WIDTH, height: LEGEND_H + rows.length * ROW_H + 4, labelX: LABEL_W - 8, rows, legend };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
