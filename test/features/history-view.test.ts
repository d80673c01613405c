import * as assert from 'assert';
import * as path from 'path';
import { gradeLevel } from '../../server/src/domain/grades';
import { chartSeries, escapeXml, historyChartSvg } from '../../server/src/features/historyChart';
import { contentSecurityPolicy, historyPage } from '../../server/src/features/historyPage';
import { historyView, type HistoryView } from '../../server/src/history/editor';
import { loadHistory } from '../../server/src/io/history';
import { HistoryIndex } from '../../server/src/history/store';
import type { RecurringConcern } from '../../server/src/history/types';
import { data } from '../helpers/data';
import { catalog } from './helpers';


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
      { uri: '/h/2021.md', label: 'focused visit, May 2021', kind: 'focused-visit', kindLabel: 'focused visit letter', letter: true, date: '2021-06-22', published: '2021-06-22', graded: false, current: false, grades: {} },
      // A letter with a stray grade heading: letters carry no grades, so it gives no point.
      { uri: '/h/2024.md', label: 'eleventh monitoring visit, September 2024', kind: 'monitoring-visit', kindLabel: 'monitoring visit letter', letter: true, date: '2024-10-08', published: '2024-10-08', graded: false, current: false, grades: { 'help-protection': 'Good' } },
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
    assert.deepStrictEqual(['Outstanding', 'good', 'Requires improvement to be good', 'requires improvement', 'Inadequate'].map((g) => gradeLevel(catalog(), g)), [4, 3, 2, 2, 1]);
    assert.deepStrictEqual(['Excellent', 'Strong standard', '', undefined].map((g) => gradeLevel(catalog(), g)), [undefined, undefined, undefined, undefined]);
  });

  it("draws one line per judgement of the latest table, carrying an earlier era's judgement onto its successors", () => {
    const series = chartSeries(view(), catalog(), EQUIVALENTS);
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
    assert.deepStrictEqual(chartSeries(view(), catalog()).map((s) => s.key), ['leaders', 'help-protection', 'in-care', 'care-leavers', 'overall', 'in-care-and-leavers']);
  });

  it('is well-formed SVG with a title, a description for screen readers, and tooltips on every mark', () => {
    const { svg, series, width, height } = historyChartSvg(view(), catalog(), EQUIVALENTS);
    assert.deepStrictEqual(balanced(svg), []);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="history-chart" width="640" height="\d+" viewBox="0 0 640 \d+" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="history-chart-title history-chart-desc"/);
    assert.strictEqual(width, 640);
    assert.ok(height > 250 && height < 400, String(height));
    assert.match(svg, /<title id="history-chart-title">Grades at each inspection: Riverby &amp; Dale &lt;City&gt; Council<\/title>/);
    assert.match(svg, /<desc id="history-chart-desc">[^<]*Overall effectiveness: inadequate \(2019 inspection\), requires improvement to be good \(2025 inspection\)/);
    const points = series.reduce((n, s) => n + s.points.length, 0);
    const markTitles = svg.match(/<title>(2019|2025) inspection, \d+ \w+ \d{4}/g) ?? [];
    assert.strictEqual(markTitles.length, points);
    assert.match(svg, /<title>2019 inspection, 26 July 2019\nThe experiences and progress of children in care: Requires improvement to be good \(given as &#39;The experiences and progress of children in care and care leavers&#39;\)<\/title>/);
    // The draft's marks are hollow and the lines into it dashed; the letters are marks below the axis.
    assert.strictEqual((svg.match(/<g fill="none" stroke="#[0-9A-F]{6}|<g fill="none" stroke="currentColor"/g) ?? []).length, 5);
    assert.ok((svg.match(/stroke-dasharray="6 4"/g) ?? []).length >= 5);
    assert.match(svg, /<title>focused visit, May 2021: focused visit letter, published 22 June 2021: no grades<\/title>/);
    assert.ok(!/<script|style=|on[a-z]+=/i.test(svg), 'no scripts, no style attributes, no handlers');
    // Years along the axis, 2019 to 2025.
    for (const y of [2019, 2022, 2025]) assert.match(svg, new RegExp(`>${y}</text>`));
  });

  it('says so when there is no graded inspection to draw', () => {
    const v = view();
    v.reports = v.reports.filter((r) => !r.graded);
    const { svg, series } = historyChartSvg(v, catalog(), EQUIVALENTS);
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
    catalog: catalog(),
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
    assert.strictEqual((html.match(/<svg [^>]*class="history-chart"/g) ?? []).length, 1);
    assert.match(html, /<tr><th>Judgement<\/th><th>2019 inspection<\/th><th>2025 inspection \(this report\)<\/th><\/tr>/);
    assert.match(html, /<tr><td>The experiences and progress of children in care and care leavers<\/td><td>Requires improvement to be good<\/td><td><\/td><\/tr>/);
    assert.match(html, /<h2>Recurring concerns \(1\)<\/h2>/);
    assert.match(html, /<span class="where"><a href="command:open\?[^"]+">paragraph 14<\/a><\/span> matches <a href="[^"]+">2019 inspection, improvement item 4<\/a>/);
    assert.deepStrictEqual(links.filter(([, l]) => l > 0), [['/d/2025.md', 41], ['/h/2019.md', 30]]);
    assert.match(html, /<summary>Reports without grades \(2\)<\/summary>/);
  });

  it('says when nothing recurs', () => {
    const v = view();
    v.concerns = [];
    assert.match(historyPage(v, { nonce: 'n', catalog: catalog() }).html, /<p class="none">No finding of this report repeats an earlier improvement item\.<\/p>/);
  });
});

describe('features: the history view on a scrutiny report and in a narrow pane (issue 12, item 2)', () => {
  /** The view() above with a council scrutiny report (dated by its meeting) between the letter and the draft. */
  function withScrutiny(): HistoryView {
    const v = view();
    v.reports.splice(2, 0, { uri: '/h/2023-scrutiny.md', label: 'scrutiny report, September 2023', kind: 'scrutiny', kindLabel: 'council scrutiny report', letter: false, date: '2023-09-13', meetingDate: '2023-09-13', graded: false, current: false, grades: {} });
    return v;
  }

  it('calls a scrutiny report a scrutiny report, not a visit, and gives its meeting date as a meeting', () => {
    const { svg, legend } = historyChartSvg(withScrutiny(), catalog(), EQUIVALENTS);
    assert.match(svg, /<title>scrutiny report, September 2023: council scrutiny report, meeting 13 September 2023: no grades<\/title><rect /);
    assert.ok(!/scrutiny[^<]*a letter/.test(svg));
    const texts = legend.map((e) => e.text);
    assert.ok(texts.includes('Council scrutiny report (no grades)'), texts.join(' | '));
    assert.ok(texts.includes('Focused visit letter (a letter: no grades)'), texts.join(' | '));
    assert.ok(!texts.some((t) => /Focused or monitoring visit/.test(t)));
    const { html } = historyPage(withScrutiny(), { nonce: 'n', catalog: catalog() });
    assert.match(html, /<summary>Reports without grades \(3\)<\/summary>/);
    assert.match(html, /<li>scrutiny report, September 2023 \(council scrutiny report\), meeting 13 September 2023<\/li>/);
    assert.match(html, /<li>focused visit, May 2021 \(focused visit letter\), published 22 June 2021<\/li>/);
    assert.ok(!/scrutiny report, September 2023[^<]*published/.test(html), 'a meeting date given as published');
    assert.ok(!/Visits without grades/.test(html));
  });

  it('fits a narrow pane: the SVG scales to the width (viewBox), every label inside it, the legend in HTML that wraps', () => {
    const { svg, width, legend } = historyChartSvg(withScrutiny(), catalog(), EQUIVALENTS);
    // No text of the chart starts or ends outside the picture (the latest inspection's label was cut off).
    for (const m of svg.matchAll(/<text x="([\d.]+)"[^>]*text-anchor="(start|middle|end)"[^>]*>(?:<title>[^<]*<\/title>)?([^<]+)<\/text>/g)) {
      const x = Number(m[1]);
      const w = m[3].length * 6.6;
      const [from, to] = m[2] === 'start' ? [x, x + w] : m[2] === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
      assert.ok(from >= 0 && to <= width, `'${m[3]}' runs from ${from} to ${to} in a chart ${width} wide`);
    }
    assert.match(svg, /<text x="638" y="\d+" text-anchor="end" fill="currentColor" font-weight="bold"><title>2025 inspection \(28 March 2025\)<\/title>2025 inspection \(this report\)<\/text>/);
    // The legend is not drawn inside the SVG (where it was cut off) but given to the page.
    assert.ok(!/class="legend"/.test(svg));
    assert.ok(legend.length >= 5 + 2);
    const { html } = historyPage(withScrutiny(), { nonce: 'n', catalog: catalog() });
    assert.match(html, /svg\.history-chart \{ display: block; width: 100%; height: auto; max-width: 640px; \}/);
    assert.match(html, /ul\.legend \{[^}]*flex-wrap: wrap;/);
    assert.match(html, /<figcaption><ul class="legend"><li><svg [^>]*viewBox="0 0 30 14"[^>]*>.*<\/svg><span>The impact of leaders on social work practice with children and families<\/span><\/li>/);
    assert.ok(!/overflow-x: auto/.test(html), 'the chart scrolls sideways instead of fitting');
    assert.deepStrictEqual(balanced(html.replace(/<!DOCTYPE html>|<meta[^>]*>/g, '')), []);
  });
});

describe('features: the history view over a real index (fixtures: Fernbury, with a scrutiny report)', () => {
  it('names each report without grades by its kind and the date its front matter gives', () => {
    const fixtures = path.join(__dirname, '..', 'history', 'fixtures');
    const index = new HistoryIndex({ data });
    loadHistory(index, ['history', 'drafts'], { cwd: fixtures });
    const draft = index.get(path.join(fixtures, 'drafts', '2025-ilacs-draft.md'));
    assert.ok(draft, 'the fixture draft is not in the index');
    const v = historyView(index, draft);
    const scrutiny = v.reports.find((r) => r.kind === 'scrutiny')!;
    assert.ok(scrutiny, v.reports.map((r) => r.kind).join(', '));
    assert.deepStrictEqual([scrutiny.kindLabel, scrutiny.letter], ['council scrutiny report', false]);
    assert.ok(scrutiny.meetingDate);
    const { html } = historyPage(v, { nonce: 'n', catalog: catalog() });
    const item = /<li>scrutiny report, September 2024 \(council scrutiny report\), ([^<]+)<\/li>/.exec(html);
    assert.ok(item, html.slice(html.indexOf('Reports without grades'), html.indexOf('Reports without grades') + 600));
    assert.match(item[1], scrutiny.published ? /^published / : /^meeting \d+ \w+ 2024$/);
    assert.match(html, /<li>first monitoring visit, March 2023 \(monitoring visit letter\), published /);
    const { legend } = historyChartSvg(v, catalog());
    assert.ok(legend.some((e) => e.text === 'Council scrutiny report (no grades)'), legend.map((e) => e.text).join(' | '));
    assert.ok(legend.some((e) => e.text === 'Monitoring visit letter (a letter: no grades)'));
  });
});
