/**
 * A markdown-it plugin for VS Code's built-in Markdown preview
 * (`markdown.markdownItPlugins`): the preview of a report shows what the Word
 * export prints. The front matter becomes a title block (and a letter's date
 * and addressee), the judgement table is styled with its grades, numbered
 * paragraphs show their printed numbers (a list item numbered 16 after 14
 * shows 16, not 15), scrutiny N.M numbers hang in the margin, and links to
 * earlier findings read as references. Files that are not reports are left
 * exactly as markdown-it renders them. Pure: no vscode, no file system; the
 * styles are media/preview.css.
 */
import type MarkdownIt from 'markdown-it';
import { formatOfsted } from '../core/dates';
import { frontMatterLines } from '../model/frontMatter';
import { parseReport } from '../model/parse';
import type { ReportModel } from '../model/types';
import type { ProfileSet } from '../profiles/types';
import { formatOfstedRange } from '../rules/shared/dateText';
import { LABEL, letterhead, SCRUTINY_NUMBER } from './layout';
import { isReportLink, readableReference } from './runs';

type Md = MarkdownIt.MarkdownIt;
type Token = MarkdownIt.Token;
type State = MarkdownIt.StateCore;

export interface PreviewOptions {
  /** The report kinds (called once per render of a report; cache it). */
  profiles(): ProfileSet;
}

/** `md.use(reportPreview, { profiles })`. */
export function reportPreview(md: Md, options: PreviewOptions): void {
  md.core.ruler.push('inspection_report', (state) => {
    try {
      decorate(state, options);
    } catch {
      // A preview must never break: a report the plugin cannot read shows as plain Markdown.
    }
  });
  const esc = md.utils.escapeHtml;
  md.renderer.rules.ir_report_open = (tokens, i) => `<div class="${esc(String(tokens[i].attrGet('class') ?? ''))}">\n`;
  md.renderer.rules.ir_report_close = () => '</div>\n';
  md.renderer.rules.ir_html = (tokens, i) => tokens[i].content;
  md.renderer.rules.ir_number = (tokens, i) => `<span class="ir-num">${esc(tokens[i].content)}</span>`;
  md.renderer.rules.ir_label = (tokens, i) => `<strong class="ir-label">${esc(tokens[i].content)}</strong> `;
}

function looksLikeReport(src: string): boolean {
  return /^---\r?\n/.test(src) && /^report\s*:/m.test(src.slice(0, 4000));
}

function decorate(state: State, options: PreviewOptions): void {
  if (!looksLikeReport(state.src)) return;
  const model = parseReport(state.src, 'preview.md', options.profiles());
  if (!model.isReport || !model.frontMatter) return;
  const tokens = state.tokens;
  dropFrontMatter(model, tokens);
  const byLine = new Map(model.numbered.map((n) => [n.line, n]));
  const lists: boolean[] = [];
  let title = false;
  let cell = -1;
  let inJudgementTable = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const line = t.map?.[0] ?? -1;
    switch (t.type) {
      case 'heading_open':
        if (t.tag === 'h1' && !title) {
          title = true;
          t.attrJoin('class', 'ir-title');
        }
        break;
      case 'ordered_list_open':
      case 'bullet_list_open':
        lists.push(t.type === 'ordered_list_open');
        if (lists.length === 1 && t.type === 'ordered_list_open') t.attrJoin('class', 'ir-numbered');
        break;
      case 'ordered_list_close':
      case 'bullet_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const n = lists.length === 1 && lists[0] ? byLine.get(line) : undefined;
        if (n) t.attrSet('value', n.printed);
        break;
      }
      case 'paragraph_open':
        if (lists.length === 0) paragraph(model, t, tokens[i + 1], byLine.get(line)?.style === 'plain', state);
        break;
      case 'table_open':
        inJudgementTable = model.table !== undefined && line === model.table.line;
        t.attrJoin('class', inJudgementTable ? 'ir-table ir-judgements' : 'ir-table');
        break;
      case 'table_close':
        inJudgementTable = false;
        break;
      case 'tr_open':
        cell = -1;
        break;
      case 'td_open':
        cell++;
        if (inJudgementTable && cell === 1) {
          const grade = tokens[i + 1]?.content.trim() ?? '';
          t.attrJoin('class', `ir-grade ir-grade-${grade.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}`);
        }
        break;
      case 'inline':
        links(t, state);
        break;
      default:
        break;
    }
  }
  const open = new state.Token('ir_report_open', 'div', 1);
  open.attrSet('class', `ir-report ir-kind-${(model.kind ?? 'report').replace(/[^a-z0-9-]/gi, '')}${model.profile?.letter ? ' ir-letter' : ''}`);
  const block = new state.Token('ir_html', '', 0);
  block.content = titleBlock(model, state.md.utils.escapeHtml);
  tokens.unshift(open, block);
  tokens.push(new state.Token('ir_report_close', 'div', -1));
}

/** The tokens the front matter became (VS Code's front_matter token, or a rule and a heading where no plugin reads it). */
function dropFrontMatter(model: ReportModel, tokens: Token[]): void {
  const fence = model.frontMatter ? frontMatterLines(model.lines) : undefined;
  if (!fence) return;
  let k = 0;
  while (k < tokens.length && !(tokens[k].level === 0 && tokens[k].map && tokens[k].map![0] > fence.end)) k++;
  tokens.splice(0, k);
}

function paragraph(model: ReportModel, open: Token, inline: Token | undefined, typed: boolean, state: State): void {
  const line = open.map?.[0] ?? -1;
  if (model.profile?.letter && model.closingLine !== undefined && line >= model.closingLine) open.attrJoin('class', 'ir-closing');
  const first = inline?.type === 'inline' ? inline.children?.[0] : undefined;
  if (!inline || !first || first.type !== 'text') return;
  const num = typed ? SCRUTINY_NUMBER.exec(first.content) : null;
  const label = num ? null : LABEL.exec(first.content);
  const m = num ?? label;
  if (!m) return;
  const tok = new state.Token(num ? 'ir_number' : 'ir_label', '', 0);
  tok.content = num ? num[1] : `${label![1]}:`;
  first.content = first.content.slice(m[0].length);
  inline.children!.unshift(tok);
  open.attrJoin('class', num ? 'ir-numbered-typed' : 'ir-labelled');
}

/** Links to earlier findings: marked as references, and a bare address given readable text as in print. */
function links(inline: Token, state: State): void {
  const children = inline.children ?? [];
  for (let k = 0; k < children.length; k++) {
    const c = children[k];
    if (c.type !== 'link_open') continue;
    const href = String(c.attrGet('href') ?? '');
    if (!isReportLink(href)) continue;
    let end = k + 1;
    while (end < children.length && children[end].type !== 'link_close') end++;
    const text = children.slice(k + 1, end).map((x) => x.content).join('');
    c.attrJoin('class', 'ir-ref');
    c.attrSet('title', `Earlier finding: ${href}`);
    const readable = readableReference(href, text);
    if (readable !== undefined) {
      const tok = new state.Token('text', '', 0);
      tok.content = readable;
      children.splice(k + 1, end - k - 1, tok);
    }
  }
}

function titleBlock(model: ReportModel, esc: (s: string) => string): string {
  const fm = model.frontMatter?.entries;
  const text = (key: string) => {
    const v = fm?.get(key)?.value;
    return typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.join(', ') : v instanceof Date ? v.toISOString().slice(0, 10) : '';
  };
  const when: string[] = [];
  if (model.inspection) when.push(`${model.profile?.letter ? 'Visit' : 'Inspection'} ${formatOfstedRange(model.inspection)}`);
  if (text('meeting')) when.push(text('meeting'));
  const meetingDate = text('meeting-date');
  if (/^\d{4}-\d\d-\d\d$/.test(meetingDate)) when.push(`meeting ${formatOfsted(meetingDate)}`);
  const published = text('published');
  if (/^\d{4}-\d\d-\d\d$/.test(published)) when.push(`published ${formatOfsted(published)}`);
  const people = text('lead-inspector') ? `Lead inspector ${text('lead-inspector')}` : text('inspectors') ? `Inspectors ${text('inspectors')}` : '';
  let html = '<header class="ir-title-block">'
    + `<div class="ir-kind">${esc(model.profile?.label ?? model.kind ?? 'report')}</div>`
    + (text('authority') ? `<div class="ir-authority">${esc(text('authority'))}</div>` : '')
    + (when.length ? `<div class="ir-when">${esc(when.join(' · '))}</div>` : '')
    + (people ? `<div class="ir-people">${esc(people)}</div>` : '')
    + '</header>\n';
  if (model.profile?.letter) {
    const head = letterhead(model);
    html += '<div class="ir-letterhead">'
      + (head.date ? `<p class="ir-letter-date">${esc(head.date)}</p>` : '')
      + (head.to.length ? `<p class="ir-letter-to">${head.to.map(esc).join('<br>')}</p>` : '')
      + '</div>\n';
  }
  return html;
}
