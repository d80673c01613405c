/**
 * The history view's chart: each judgement's grade at each inspection of an
 * authority, as an inline SVG (no scripts, no fonts or images to fetch).
 * Pure: HistoryView data in, SVG text out. Text and axes use `currentColor`,
 * so the page around it decides light or dark; series colours are the
 * Okabe-Ito palette, and each series also has its own marker shape.
 */
import type { HistoryView } from '../history/editor';
import { formatOfsted } from '../core/dates';
import { gradeLevel, gradeScale, levelLabel } from '../domain/grades';
import type { Catalog } from '../profiles/types';

type ViewReport = HistoryView['reports'][number];

/** What the view says of a report's kind: its name and whether it is a letter (a committee's report is not). */
export function describeKind(r: ViewReport): { label: string; letter: boolean } {
  return { label: r.kindLabel ?? (r.kind ? `${r.kind} report` : 'report'), letter: r.letter ?? false };
}

/** The report's date with what it is: 'published 3 March 2025', 'meeting 10 September 2025'. */
export function datedAs(r: ViewReport): string {
  if (r.published) return `published ${formatOfsted(r.published)}`;
  if (r.meetingDate) return `meeting ${formatOfsted(r.meetingDate)}`;
  return r.date ? `dated ${formatOfsted(r.date)}` : 'undated';
}

/** A grade's level on the chart: 4 for the best grade down to 1 (domain/grades.ts `gradeScale`, from the catalogue). */
export type GradeLevel = number;

export interface ChartPoint {
  /** Index into view.reports. */
  report: number;
  level: GradeLevel;
  grade: string;
  /** The judgement key the grade was given under, when it is an earlier era's equivalent. */
  via?: string;
}

export interface ChartSeries {
  key: string;
  name: string;
  overall: boolean;
  points: ChartPoint[];
}

/**
 * One series per judgement of the latest table; a judgement of an earlier era
 * is drawn on the line of its successor (`equivalents`: synonyms.yaml
 * `judgements:`), and gets a line of its own only when no successor took it.
 * Only graded reports (inspections) give points: letters carry no grades.
 */
export function chartSeries(view: HistoryView, catalog: Catalog, equivalents: ReadonlyMap<string, readonly string[]> = new Map()): ChartSeries[] {
  const overall = new Set(catalog.eras.map((e) => e.overall).filter((k): k is string => k !== undefined));
  const names = new Map(view.judgements.map((j) => [j.key, j.name]));
  const used = new Set<string>();
  const out: ChartSeries[] = [];
  for (const j of view.judgements) {
    if (used.has(j.key)) continue;
    const points: ChartPoint[] = [];
    view.reports.forEach((r, i) => {
      if (!r.graded) return;
      for (const k of [j.key, ...(equivalents.get(j.key) ?? [])]) {
        const level = gradeLevel(catalog, r.grades[k]);
        if (!level) continue;
        points.push({ report: i, level, grade: r.grades[k], via: k === j.key ? undefined : k });
        break;
      }
    });
    if (points.length === 0) continue;
    for (const p of points) used.add(p.via ?? j.key);
    out.push({ key: j.key, name: names.get(j.key) ?? j.key, overall: overall.has(j.key), points });
  }
  return out;
}

export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'];

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** A marker of one of six shapes, centred on (x, y). */
function marker(shape: number, x: number, y: number, r: number): string {
  switch (shape % 6) {
    case 0: return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}"/>`;
    case 1: return `<rect x="${n(x - r)}" y="${n(y - r)}" width="${n(2 * r)}" height="${n(2 * r)}"/>`;
    case 2: return `<path d="M${n(x)} ${n(y - r * 1.2)}L${n(x + r * 1.1)} ${n(y + r * 0.8)}L${n(x - r * 1.1)} ${n(y + r * 0.8)}Z"/>`;
    case 3: return `<path d="M${n(x)} ${n(y - r * 1.3)}L${n(x + r * 1.3)} ${n(y)}L${n(x)} ${n(y + r * 1.3)}L${n(x - r * 1.3)} ${n(y)}Z"/>`;
    case 4: return `<path d="M${n(x)} ${n(y + r * 1.2)}L${n(x + r * 1.1)} ${n(y - r * 0.8)}L${n(x - r * 1.1)} ${n(y - r * 0.8)}Z"/>`;
    default: return `<path d="M${n(x - r)} ${n(y - r * 0.35)}h${n(r * 0.65)}v${n(-r * 0.65)}h${n(r * 0.7)}v${n(r * 0.65)}h${n(r * 0.65)}v${n(r * 0.7)}h${n(-r * 0.65)}v${n(r * 0.65)}h${n(-r * 0.7)}v${n(-r * 0.65)}h${n(-r * 0.65)}Z"/>`;
  }
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 86_400_000;
}

export interface ChartOptions {
  width?: number;
  /** Prefix for element ids, so that two charts can share a page. */
  idPrefix?: string;
}

/** One entry of the legend: a small SVG of its line and mark, and its words. The page lays them out (they wrap). */
export interface LegendEntry {
  svg: string;
  text: string;
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
  series: ChartSeries[];
  legend: LegendEntry[];
}

/** The default width: fits half of a laptop's editor area; narrower panes scale it down (viewBox). */
export const CHART_WIDTH = 640;

/** Roughly how wide a text is at the chart's 12px font (for keeping labels inside the picture). */
const textWidth = (t: string) => t.length * 6.6;

/** The mark of a report without grades: a diamond for a letter, a square for any other (a committee's report). */
const UNGRADED_SHAPE = (letter: boolean) => (letter ? 3 : 1);

/** The chart as SVG text. A view with no graded report gives a chart with a note in place of lines. */
export function historyChartSvg(view: HistoryView, catalog: Catalog, equivalents?: ReadonlyMap<string, readonly string[]>, options: ChartOptions = {}): Chart {
  const series = chartSeries(view, catalog, equivalents);
  const scale = gradeScale(catalog);
  const levels = Math.max(1, scale.length);
  const id = options.idPrefix ?? 'history-chart';
  const W = Math.max(480, options.width ?? CHART_WIDTH);
  const left = 150;
  const right = 24;
  const top = 40;
  const rowH = 50;
  const plotH = rowH * levels;
  const axisY = top + plotH;
  const plotW = W - left - right;

  // Time scale: whole years around the reports' dates; undated reports at the right-hand end.
  const dated = view.reports.map((r) => (r.date ? dayNumber(r.date) : undefined));
  const known = dated.filter((d): d is number => d !== undefined);
  const years = known.length ? known.map((d) => new Date(d * 86_400_000).getUTCFullYear()) : [new Date().getUTCFullYear()];
  const y0 = Math.min(...years);
  const y1 = Math.max(...years) + 1;
  const d0 = dayNumber(`${y0}-01-01`);
  const d1 = dayNumber(`${y1}-01-01`);
  const xOf = (i: number) => left + 12 + ((dated[i] ?? d1) - d0) / (d1 - d0) * (plotW - 24);
  const yOf = (level: number) => top + (levels - level) * rowH + rowH / 2;

  const parts: string[] = [];
  const title = `Grades at each inspection${view.authority ? `: ${view.authority}` : ''}`;
  const desc = series.length
    ? series.map((s) => `${s.name}: ${s.points.map((p) => `${p.grade.toLowerCase()} (${view.reports[p.report].label})`).join(', ')}`).join('. ')
    : 'No graded inspection of this authority is in the history.';
  parts.push(`<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>`);

  // Grade rows, labels and the axis.
  parts.push('<g class="grid">');
  scale.forEach((grade, i) => {
    const y = yOf(grade.level);
    const label = levelLabel(grade);
    if (i % 2 === 0) parts.push(`<rect x="${left}" y="${n(y - rowH / 2)}" width="${plotW}" height="${rowH}" fill="currentColor" fill-opacity="0.05"/>`);
    parts.push(`<line x1="${left}" y1="${n(y)}" x2="${W - right}" y2="${n(y)}" stroke="currentColor" stroke-opacity="0.18" stroke-dasharray="2 4"/>`);
    const lines = label.map((t, k) => `<tspan x="${left - 10}" dy="${k === 0 ? n(-(label.length - 1) * 7 + 4) : 14}">${escapeXml(t)}</tspan>`).join('');
    parts.push(`<text class="grade" y="${n(y)}" text-anchor="end" fill="currentColor">${lines}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${axisY}" x2="${W - right}" y2="${axisY}" stroke="currentColor" stroke-opacity="0.5"/>`);
  const step = y1 - y0 > 12 ? 2 : 1;
  for (let y = y0; y <= y1; y += step) {
    const x = left + 12 + (dayNumber(`${y}-01-01`) - d0) / (d1 - d0) * (plotW - 24);
    parts.push(`<line x1="${n(x)}" y1="${axisY}" x2="${n(x)}" y2="${axisY + 5}" stroke="currentColor" stroke-opacity="0.5"/>`);
    if (y < y1) parts.push(`<text x="${n(x + (plotW - 24) / (y1 - y0) * step / 2)}" y="${axisY + 18}" text-anchor="middle" fill="currentColor" fill-opacity="0.75">${y}</text>`);
  }
  parts.push('</g>');

  // Each inspection: a guide line and its label above the plot; each letter: a mark below the axis.
  parts.push('<g class="reports">');
  let lastLabelX = -Infinity;
  view.reports.forEach((r, i) => {
    const x = xOf(i);
    const when = r.date ? ` (${formatOfsted(r.date)})` : '';
    if (r.graded) {
      parts.push(`<line x1="${n(x)}" y1="${top - 6}" x2="${n(x)}" y2="${axisY}" stroke="currentColor" stroke-opacity="0.3"${r.current ? ' stroke-dasharray="4 3"' : ''}/>`);
      const text = r.current ? `${r.label} (this report)` : r.label;
      const dy = x - lastLabelX < 110 ? -14 : 0;
      lastLabelX = dy === 0 ? x : lastLabelX;
      // Kept inside the picture: a label near an edge is anchored at its end or start, not its middle.
      const half = textWidth(text) / 2;
      const [tx, anchor] = x + half > W - 2 ? [W - 2, 'end'] : x - half < 2 ? [2, 'start'] : [x, 'middle'];
      parts.push(`<text x="${n(tx)}" y="${top - 12 + dy}" text-anchor="${anchor}" fill="currentColor" font-weight="${r.current ? 'bold' : 'normal'}"><title>${escapeXml(r.label + when)}</title>${escapeXml(text)}</text>`);
    } else {
      const y = axisY + 32;
      const info = describeKind(r);
      const what = `${info.label}, ${datedAs(r)}${r.current ? ' (this report)' : ''}: no grades`;
      parts.push(`<g fill="currentColor" fill-opacity="${r.current ? 1 : 0.6}"><title>${escapeXml(`${r.label}: ${what}`)}</title>${marker(UNGRADED_SHAPE(info.letter), x, y, 4)}</g>`);
    }
  });
  parts.push('</g>');

  // The series: lines, then markers; overall effectiveness in the text colour, thicker.
  const offset = (i: number) => (series.length > 1 ? (i - (series.length - 1) / 2) * Math.min(4, 16 / series.length) : 0);
  series.forEach((s, i) => {
    const colour = s.overall ? 'currentColor' : PALETTE[i % PALETTE.length];
    const pts = s.points.map((p) => ({ p, x: xOf(p.report), y: yOf(p.level) + offset(i) }));
    parts.push(`<g class="series" data-judgement="${escapeXml(s.key)}">`);
    for (let k = 1; k < pts.length; k++) {
      const a = pts[k - 1];
      const b = pts[k];
      const dashed = view.reports[b.p.report].current ? ' stroke-dasharray="6 4"' : '';
      parts.push(`<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke="${colour}" stroke-width="${s.overall ? 3.5 : 2}"${dashed}/>`);
    }
    for (const { p, x, y } of pts) {
      const r = view.reports[p.report];
      const when = r.date ? `, ${formatOfsted(r.date)}` : '';
      const via = p.via ? ` (given as '${view.judgements.find((j) => j.key === p.via)?.name ?? p.via}')` : '';
      const fill = r.current ? 'none' : colour;
      parts.push(`<g fill="${fill}" stroke="${colour}" stroke-width="2"><title>${escapeXml(`${r.label}${when}${r.current ? ' (this report)' : ''}\n${s.name}: ${p.grade}${via}`)}</title>${marker(i, x, y, s.overall ? 5.5 : 4.5)}</g>`);
    }
    parts.push('</g>');
  });

  if (series.length === 0) {
    parts.push(`<text x="${n(left + plotW / 2)}" y="${n(top + plotH / 2)}" text-anchor="middle" fill="currentColor" fill-opacity="0.75">No graded inspection of this authority is in the history yet.</text>`);
  }

  // The legend: entries the page lays out in HTML, so that they wrap in a narrow pane.
  const legend: LegendEntry[] = [];
  const key = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="30" height="14" viewBox="0 0 30 14" aria-hidden="true">${body}</svg>`;
  series.forEach((s, i) => {
    const colour = s.overall ? 'currentColor' : PALETTE[i % PALETTE.length];
    legend.push({
      svg: key(`<line x1="1" y1="7" x2="29" y2="7" stroke="${colour}" stroke-width="${s.overall ? 3.5 : 2}"/><g fill="${colour}" stroke="${colour}" stroke-width="2">${marker(i, 15, 7, 4)}</g>`),
      text: s.name,
    });
  });
  // One entry per kind of report without grades: a scrutiny report is not a letter.
  const ungraded = new Map<string, { label: string; letter: boolean }>();
  for (const r of view.reports) if (!r.graded && !ungraded.has(r.kind)) ungraded.set(r.kind, describeKind(r));
  for (const info of ungraded.values()) {
    const name = info.label.charAt(0).toUpperCase() + info.label.slice(1);
    legend.push({ svg: key(`<g fill="currentColor" fill-opacity="0.6">${marker(UNGRADED_SHAPE(info.letter), 15, 7, 4)}</g>`), text: `${name} (${info.letter ? 'a letter: ' : ''}no grades)` });
  }
  if (view.reports.some((r) => r.current && r.graded)) {
    legend.push({ svg: key(`<g fill="none" stroke="currentColor" stroke-width="2">${marker(0, 15, 7, 4)}</g>`), text: 'This report (a hollow mark; the dashed line leads to it)' });
  }

  const height = axisY + (view.reports.some((r) => !r.graded) ? 44 : 28);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="history-chart" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">${parts.join('')}</svg>`;
  return { svg, width: W, height, series, legend };
}
