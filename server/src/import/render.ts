/**
 * Writes the dialect: YAML front matter, then the body blocks as CommonMark.
 */
import type { ImportedFrontMatter, TableRow } from './types';

export type Block =
  | { t: 'title'; text: string }
  /** `level` is the number of #'s, 2 unless a Word heading style (or a SIF's nesting) says otherwise. */
  | { t: 'heading'; text: string; level?: number }
  | { t: 'para'; lines: string[] }
  | { t: 'numbered'; printed: string; text: string }
  | { t: 'bullet'; text: string }
  | { t: 'table'; rows: TableRow[] }
  /** Any other table; its first row is the header. */
  | { t: 'grid'; rows: string[][] };

/** A YAML scalar: plain where that is safe, otherwise double-quoted. */
export function yamlScalar(s: string): string {
  if (/^[A-Za-z][A-Za-z0-9 ,.’'()&/-]*$/.test(s) && !/:\s|\s#|,$/.test(s) && !/^(true|false|yes|no|on|off|null)$/i.test(s)) return s;
  return JSON.stringify(s);
}

export function renderFrontMatter(fm: ImportedFrontMatter): string {
  const lines = ['---', `report: ${fm.report}`];
  if (fm.authority) lines.push(`authority: ${yamlScalar(fm.authority)}`);
  const dates = fm.inspectionDates ?? [];
  const one = (r: { start: string; end: string }) => (r.start === r.end ? r.start : `${r.start} to ${r.end}`);
  if (dates.length === 1) lines.push(`inspection-dates: ${one(dates[0])}`);
  else if (dates.length > 1) lines.push(`inspection-dates: [${dates.map(one).join(', ')}]`);
  if (fm.published) lines.push(`published: ${fm.published}${fm.publishedSource ? `   # from the ${fm.publishedSource}` : ''}`);
  if (fm.leadInspector) lines.push(`lead-inspector: ${yamlScalar(fm.leadInspector)}`);
  if (fm.inspectors && fm.inspectors.length > 0) lines.push(`inspectors: [${fm.inspectors.map(yamlScalar).join(', ')}]`);
  if (fm.inspectionType) lines.push(`inspection-type: ${fm.inspectionType}`);
  if (fm.visitNumber !== undefined) lines.push(`visit-number: ${fm.visitNumber}`);
  if (fm.meeting) lines.push(`meeting: ${yamlScalar(fm.meeting)}`);
  if (fm.meetingDate) lines.push(`meeting-date: ${fm.meetingDate}`);
  lines.push('---');
  return lines.join('\n');
}

/** Escapes what CommonMark would read as markup inside running text. */
export function escapeInline(s: string): string {
  return s
    .replace(/([*`\\])/g, '\\$1')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/(^|\s)_(?=\S)/g, '$1\\_')
    .replace(/\[(?=[^\]]*\]\()/g, '\\[');
}

/** Escapes a line that would otherwise start a block construct. */
function escapeLineStart(s: string): string {
  if (/^(#{1,6}(\s|$)|>|[+=|~]|-{3,}\s*$|\d{1,9}[.)](\s|$)|[-*](\s|$))/.test(s)) {
    const m = /^(\d{1,9})([.)])/.exec(s);
    if (m) return `${m[1]}\\${m[2]}${s.slice(m[0].length)}`;
    return `\\${s}`;
  }
  return s;
}

function cell(s: string): string {
  return escapeInline(s).replace(/\|/g, '\\|');
}

export function renderBlocks(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.t) {
      case 'title': out.push(`# ${escapeInline(b.text)}`); break;
      case 'heading': out.push(`${'#'.repeat(Math.min(6, Math.max(2, b.level ?? 2)))} ${escapeInline(b.text)}`); break;
      case 'para': out.push(b.lines.map((l) => escapeLineStart(escapeInline(l))).join('\n')); break;
      case 'numbered': out.push(`${b.printed} ${escapeInline(b.text)}`); break;
      case 'bullet': out.push(`- ${escapeLineStart(escapeInline(b.text))}`); break;
      case 'table':
        out.push(['| Judgement | Grade |', '| --- | --- |', ...b.rows.map((r) => `| ${cell(r.name)} | ${cell(r.grade)} |`)].join('\n'));
        break;
      case 'grid': {
        const row = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
        out.push([row(b.rows[0]), row(b.rows[0].map(() => '---')), ...b.rows.slice(1).map(row)].join('\n'));
        break;
      }
    }
  }
  // Consecutive bullets form one tight list.
  let text = '';
  blocks.forEach((b, k) => {
    if (k > 0) text += b.t === 'bullet' && blocks[k - 1].t === 'bullet' ? '\n' : '\n\n';
    text += out[k];
  });
  return text + '\n';
}
