/**
 * The history view as one HTML page: the chart (historyChart.ts), the grades as
 * a table for those who would rather read them, and the recurring concerns.
 * No scripts at all; the Content-Security-Policy allows only the page's own
 * style element (by nonce). Links are whatever `linkFor` makes of a place: the
 * language server gives command URIs that the VS Code extension opens.
 */
import { findingLabel } from '../history/labels';
import type { HistoryView } from '../history/editor';
import type { Catalog } from '../profiles/types';
import { CHART_WIDTH, datedAs, describeKind, escapeXml, historyChartSvg } from './historyChart';

export interface PageOptions {
  /** The judgement catalogue: the grade scale the chart draws. */
  catalog: Catalog;
  /** Nonce for the style element; the CSP names it. Letters and digits only. */
  nonce: string;
  /** Synonyms' `judgements:`: how a judgement carries across eras. */
  equivalents?: ReadonlyMap<string, readonly string[]>;
  /** A link to a place in a report (0-based line). Default: none (plain text). */
  linkFor?: (uri: string, line: number) => string | undefined;
  width?: number;
}

export const contentSecurityPolicy = (nonce: string) => `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:;`;

const STYLE = `
body { color: var(--vscode-foreground, #1f1f1f); background: var(--vscode-editor-background, #ffffff);
  font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px); margin: 16px 24px; max-width: 980px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 0 0 2px; }
h2 { font-size: 1.15em; font-weight: 600; margin: 24px 0 8px; }
.sub { opacity: 0.75; margin: 0 0 12px; }
figure { margin: 0; }
svg.history-chart { display: block; width: 100%; height: auto; max-width: ${CHART_WIDTH}px; }
ul.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 18px; max-width: ${CHART_WIDTH}px; }
ul.legend li { display: flex; align-items: center; gap: 6px; }
ul.legend svg { flex: none; }
a { color: var(--vscode-textLink-foreground, #0066b8); text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--vscode-editorWidget-border, #c8c8c8); padding: 3px 8px; text-align: left; vertical-align: top; }
th { font-weight: 600; }
details { margin: 8px 0 0; }
summary { cursor: pointer; opacity: 0.85; }
ul.concerns { padding-left: 18px; }
ul.concerns li { margin: 0 0 10px; }
.where { font-weight: 600; }
.quote { display: block; opacity: 0.8; margin-top: 2px; }
.none { opacity: 0.75; }
`;

function link(text: string, href: string | undefined): string {
  return href ? `<a href="${escapeXml(href)}">${escapeXml(text)}</a>` : escapeXml(text);
}

/** The page. `title` is also the tab's title. */
export function historyPage(view: HistoryView, options: PageOptions): { html: string; title: string } {
  const nonce = options.nonce.replace(/[^A-Za-z0-9]/g, '');
  const chart = historyChartSvg(view, options.catalog, options.equivalents, { width: options.width });
  const authority = view.authority ?? 'This authority';
  const title = `History: ${authority}`;
  const current = view.reports.find((r) => r.current);
  const dates = view.reports.map((r) => r.date).filter((d): d is string => !!d).sort();
  const span = dates.length ? ` from ${dates[0].slice(0, 4)} to ${dates[dates.length - 1].slice(0, 4)}` : '';
  const graded = view.reports.filter((r) => r.graded).length;
  const sub = `${view.reports.length} report${view.reports.length === 1 ? '' : 's'}${span}, ${graded} of them graded inspections.`
    + ' Each judgement\u2019s grade at each inspection; hover over a mark for the details.';

  const rows: string[] = [];
  const gradedReports = view.reports.filter((r) => r.graded);
  if (gradedReports.length > 0) {
    rows.push(`<tr><th>Judgement</th>${gradedReports.map((r) => `<th>${escapeXml(r.label)}${r.current ? ' (this report)' : ''}</th>`).join('')}</tr>`);
    for (const j of view.judgements) {
      if (!gradedReports.some((r) => r.grades[j.key])) continue;
      rows.push(`<tr><td>${escapeXml(j.name)}</td>${gradedReports.map((r) => `<td>${escapeXml(r.grades[j.key] ?? '')}</td>`).join('')}</tr>`);
    }
  }
  // Reports without grades: letters (visits) and committee reports, each named as its kind, with the date its kind has.
  const ungraded = view.reports.filter((r) => !r.graded).map((r) => {
    return `<li>${link(r.label, options.linkFor?.(r.uri, 0))} (${escapeXml(describeKind(r).label)}), ${escapeXml(datedAs(r))}${r.current ? ' (this report)' : ''}</li>`;
  });
  const legend = chart.legend.map((e) => `<li>${e.svg}<span>${escapeXml(e.text)}</span></li>`);

  const concerns = view.concerns.map((c) => {
    const here = current ? link(findingLabel(c.findingId), options.linkFor?.(current.uri, c.line)) : escapeXml(findingLabel(c.findingId));
    const earlier = link(c.earlier.linkText, options.linkFor?.(c.earlier.target.uri, c.earlier.target.line));
    return `<li><span class="where">${here}</span> matches ${earlier}<span class="quote">${escapeXml(c.message)}</span></li>`;
  });

  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<h1>${escapeXml(authority)}</h1>
<p class="sub">${escapeXml(sub)}</p>
<figure>${chart.svg}${legend.length ? `<figcaption><ul class="legend">${legend.join('')}</ul></figcaption>` : ''}</figure>
${rows.length ? `<details><summary>The grades as a table</summary><table>${rows.join('')}</table></details>` : ''}
${ungraded.length ? `<details><summary>Reports without grades (${ungraded.length})</summary><ul>${ungraded.join('')}</ul></details>` : ''}
<h2>Recurring concerns (${view.concerns.length})</h2>
${concerns.length ? `<ul class="concerns">${concerns.join('')}</ul>` : '<p class="none">No finding of this report repeats an earlier improvement item.</p>'}
</body>
</html>
`;
  return { html, title };
}
