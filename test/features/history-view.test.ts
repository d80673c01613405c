import * as assert from 'assert';
import { chartSeries, escapeXml, gradeLevel, historyChartSvg } from '../../server/src/features/historyChart';
import { contentSecurityPolicy, historyPage } from '../../server/src/features/historyPage';
import type { HistoryView } from '../../server/src/history/editor';
import type { RecurringConcern } from '../../server/src/history/types';

const EQUIVALENTS = new Map<string, string[]>([
  ['in-care', ['in-care-and-leavers']],
  ['care-leavers', ['in-care-and-leavers']],
]);

/** Two inspections (2018 judgement set, then 2023), a letter between them, and a draft. Made up. */
function view(): HistoryView {
  const concern: RecurringConcern = {
    findingId: 'para-14', span: { start: 10, end: 20 }, line: 41, severity: 'info',
    message: 'This concern was an improvement item in the 2019 inspection ("Homeless 16- and 17-year-olds"). Say what progress has been made since then.',
    earlier: {
      target: { uri: '/h/2019.md', findingId: 'wni-4', span: { start: 1, end: 2 }, line: 30, range: { start: { line: 30, character: 0 }, end: { line: 30, character: 1 } } }, score: 0.6, kind: 'ilacs', kindLabel: 'ILACS inspection report',
      date: '2019-07-26', excerpt: 'Homeless 16- and 17-year-olds', linkText: '2019 inspection, improvement item 4', href: '../h/2019.md#wni-4',
      mentioned: false, linked: false, sharedTerms: [], reportLabel: '2019 inspection',
    },
  };
  return {
    authority: 'Riverby & Dale <City> Council',
    judgements: [
      { key: 'leaders', name: 'The impact of leaders on social work practice with children and families' },
      { key: 'help-protection', name: 'The experiences and progress of children who need help and protection' },
      { key: 'in-care', name: 'The experiences and progress of children in care' },
      { key: 'care-leavers', name: 'The experiences and progress of care leavers' },
      { key: 'overall', name: 'Overall effectiveness' },
      { key: 'in-care-and-leavers', name: 'The experiences and progress of children in care and care leavers' },
    ],
    reports: [
      { uri: '/h/2019.md', label: '2019 inspection', kind: 'ilacs', date: '2019-07-26', graded: true, current: false,
        grades: { leaders: 'Inadequate', 'help-protection': 'Inadequate', 'in-care-and-leavers': 'Requires improvement to be good', overall: 'Inadequate' } },
      { uri: '/h/2021.md', label: 'focused visit, May 2021', kind: 'focused-visit', date: '2021-06-22', graded: false, current: false, grades: {} },
      // A letter with a stray grade heading: letters carry no grades, so it gives no point.
      { uri: '/h/2024.md', label: 'eleventh monitoring visit, September 2024', kind: 'monitoring-visit', date: '2024-10-08', graded: false, current: false, grades: { 'help-protection': 'Good' } },
      { uri: '/d/2025.md', label: '2025 inspection', kind: 'ilacs', date: '2025-03-28', graded: true, current: true,
        grades: { leaders: 'Requires improvement to be good', 'help-protection': 'Good', 'in-care': 'Good', 'care-leavers': 'Requires improvement', overall: 'Requires improvement to be good' } },
    ],
    concerns: [concern],
  };
}

/** Every element opened is closed, in order (enough to catch a broken template). */
function balanced(xml: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${m.index}`);
  }
  return [...problems, ...stack.map((s) => `<${s}> not closed`)];
}

describe('features: the history chart (SVG)', () => {
  it('reads the four grades in either framework\'s wording, and nothing else', () => {
    assert.deepStrictEqual(['Outstanding', 'good', 'Requires improvement to be good', 'requires improvement', 'Inadequate'].map(gradeLevel), [4, 3, 2, 2, 1]);
    assert.deepStrictEqual(['adequate', 'Strong standard', '', undefined].map(gradeLevel), [undefined, undefined, undefined, undefined]);
  });

  it("draws one line per judgement of the latest table, carrying an earlier era's judgement onto its successors", () => {
    const series = chartSeries(view(), EQUIVALENTS);
    assert.deepStrictEqual(series.map((s) => s.key), ['leaders', 'help-protection', 'in-care', 'care-leavers', 'overall']);
    const inCare = series.find((s) => s.key === 'in-care')!;
    assert.deepStrictEqual(inCare.points, [
      { report: 0, level: 2, grade: 'Requires improvement to be good', via: 'in-care-and-leavers' },
      { report: 3, level: 3, grade: 'Good', via: undefined },
    ]);
    // The letter's stray grade gives no point: help and protection goes from the 2019 inspection to the draft.
    assert.deepStrictEqual(series.find((s) => s.key === 'help-protection')!.points.map((p) => p.report), [0, 3]);
    assert.ok(series.find((s) => s.key === 'overall')!.overall);
    // Without the equivalents, the old judgement keeps a line of its own.
    assert.deepStrictEqual(chartSeries(view()).map((s) => s.key), ['leaders', 'help-protection', 'in-care', 'care-leavers', 'overall', 'in-care-and-leavers']);
  });

  it('is well-formed SVG with a title, a description for screen readers, and tooltips on every mark', () => {
    const { svg, series, width, height } = historyChartSvg(view(), EQUIVALENTS);
    assert.deepStrictEqual(balanced(svg), []);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="history-chart" width="760" height="\d+" viewBox="0 0 760 \d+" role="img" aria-labelledby="history-chart-title history-chart-desc"/);
    assert.strictEqual(width, 760);
    assert.ok(height > 300 && height < 520, String(height));
    assert.match(svg, /<title id="history-chart-title">Grades at each inspection: Riverby &amp; Dale &lt;City&gt; Council<\/title>/);
    assert.match(svg, /<desc id="history-chart-desc">[^<]*Overall effectiveness: inadequate \(2019 inspection\), requires improvement to be good \(2025 inspection\)/);
    const points = series.reduce((n, s) => n + s.points.length, 0);
    const markTitles = svg.match(/<title>(2019|2025) inspection, \d+ \w+ \d{4}/g) ?? [];
    assert.strictEqual(markTitles.length, points);
    assert.match(svg, /<title>2019 inspection, 26 July 2019\nThe experiences and progress of children in care: Requires improvement to be good \(given as &#39;The experiences and progress of children in care and care leavers&#39;\)<\/title>/);
    // The draft's marks are hollow and the lines into it dashed; the letters are marks below the axis.
    assert.strictEqual((svg.match(/<g fill="none" stroke="#[0-9A-F]{6}|<g fill="none" stroke="currentColor"/g) ?? []).length, 5 + 1);
    assert.ok((svg.match(/stroke-dasharray="6 4"/g) ?? []).length >= 5);
    assert.match(svg, /<title>focused visit, May 2021 \(22 June 2021\): a letter, no grades<\/title>/);
    assert.ok(!/<script|style=|on[a-z]+=/i.test(svg), 'no scripts, no style attributes, no handlers');
    // Years along the axis, 2019 to 2025.
    for (const y of [2019, 2022, 2025]) assert.match(svg, new RegExp(`>${y}</text>`));
  });

  it('says so when there is no graded inspection to draw', () => {
    const v = view();
    v.reports = v.reports.filter((r) => !r.graded);
    const { svg, series } = historyChartSvg(v, EQUIVALENTS);
    assert.deepStrictEqual(series, []);
    assert.match(svg, /No graded inspection of this authority is in the history yet\./);
    assert.deepStrictEqual(balanced(svg), []);
  });

  it('escapes text for XML', () => {
    assert.strictEqual(escapeXml(`a & <b> "c" 'd'`), 'a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;');
  });
});

describe('features: the history view page (HTML)', () => {
  const links: [string, number][] = [];
  const page = historyPage(view(), {
    nonce: 'abc123"><script>',
    equivalents: EQUIVALENTS,
    linkFor: (uri, line) => {
      links.push([uri, line]);
      return `command:open?${encodeURIComponent(JSON.stringify([uri, line]))}`;
    },
  });

  it('allows nothing but its own style: no scripts, nothing fetched', () => {
    const { html } = page;
    assert.strictEqual(contentSecurityPolicy('n1'), "default-src 'none'; style-src 'nonce-n1'; img-src data:;");
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('abc123script')}">`));
    assert.ok(html.includes('<style nonce="abc123script">'));
    assert.ok(!/<script/i.test(html));
    assert.ok(!/\b(src|href)="https?:/i.test(html));
    assert.deepStrictEqual(balanced(html.replace(/<!DOCTYPE html>|<meta[^>]*>/g, '')), []);
  });

  it('has the authority as title, the chart, the grades as a table and the recurring concerns with links', () => {
    const { html, title } = page;
    assert.strictEqual(title, 'History: Riverby & Dale <City> Council');
    assert.match(html, /<h1>Riverby &amp; Dale &lt;City&gt; Council<\/h1>/);
    assert.match(html, /4 reports from 2019 to 2025, 2 of them graded inspections\./);
    assert.strictEqual((html.match(/<svg /g) ?? []).length, 1);
    assert.match(html, /<tr><th>Judgement<\/th><th>2019 inspection<\/th><th>2025 inspection \(this report\)<\/th><\/tr>/);
    assert.match(html, /<tr><td>The experiences and progress of children in care and care leavers<\/td><td>Requires improvement to be good<\/td><td><\/td><\/tr>/);
    assert.match(html, /<h2>Recurring concerns \(1\)<\/h2>/);
    assert.match(html, /<span class="where"><a href="command:open\?[^"]+">paragraph 14<\/a><\/span> matches <a href="[^"]+">2019 inspection, improvement item 4<\/a>/);
    assert.deepStrictEqual(links.filter(([, l]) => l > 0), [['/d/2025.md', 41], ['/h/2019.md', 30]]);
    assert.match(html, /<summary>Visits without grades \(2\)<\/summary>/);
  });

  it('says when nothing recurs', () => {
    const v = view();
    v.concerns = [];
    assert.match(historyPage(v, { nonce: 'n' }).html, /<p class="none">No finding of this report repeats an earlier improvement item\.<\/p>/);
  });
});
