// Scenarios that read what the extension shows without editing: the workspace
// opens, drafts' planted mistakes reach the Problems panel, the status bar and
// the rule links, and plain Markdown is left alone.
import * as fs from 'fs';
import * as path from 'path';
import { expectPanelMatchesCli, fail, shot, type Ctx } from '../context';
import { coreCount, planted } from '../expect';
import type { Scenario } from '../harness';
import { readProblems, showMarker, type Marker } from '../problems';

export const PRIMARY_DRAFT = 'drafts/2025-02-ilacs.md';

/** Every planted mistake of `rel` is in `markers` (rule id and line; any line where the list says so). */
function missingPlanted(rel: string, markers: Marker[]): string[] {
  return planted().filter((p) => p.file === rel)
    .filter((p) => !markers.some((m) => m.code === p.ruleId && (p.anyLine || m.line === p.line)))
    .map((p) => `${p.ruleId} at line ${p.line} (${p.what})`);
}

async function checkDraft(ctx: Ctx, rel: string, shotName?: string): Promise<Marker[]> {
  const file = path.join(ctx.ws, rel);
  if (!planted().some((p) => p.file === rel)) fail(`test/fixtures/examples-expected.json lists no mistakes for ${rel}`);
  await ctx.wb.open(rel);
  const { markers } = await expectPanelMatchesCli(ctx, file, 45_000);
  const missing = missingPlanted(rel, markers);
  if (shotName) await shot(ctx, shotName);
  if (missing.length) fail(`the Problems panel lacks planted mistakes of ${rel}:\n  ${missing.join('\n  ')}\n  panel: ${markers.map(showMarker).join('\n         ')}`);
  return markers;
}

export function diagnosticScenarios(ctx: Ctx): Scenario[] {
  return [
    {
      name: 'the examples workspace opens with the extension installed',
      timeoutMs: 90_000,
      run: async () => {
        await ctx.wb.ready();
        const names = await ctx.wb.explorerNames();
        for (const want of ['drafts', 'history', '.inspection-reports.yaml']) {
          if (!names.includes(want)) fail(`the explorer does not show ${want}: ${names.join(', ')}`);
        }
        if (!fs.existsSync(path.join(ctx.ext.folder, 'package.json'))) fail('the extension is not in the extensions folder');
        await shot(ctx, '01-workspace');
      },
    },
    {
      name: `a draft with known mistakes (${PRIMARY_DRAFT}): the Problems panel lists them by rule id and line`,
      timeoutMs: 90_000,
      run: async () => { await checkDraft(ctx, PRIMARY_DRAFT, '02-diagnostics'); },
    },
    {
      name: 'each diagnostic links its rule id to the rule\'s page',
      timeoutMs: 30_000,
      run: async () => {
        const file = path.join(ctx.ws, PRIMARY_DRAFT);
        const markers = (await readProblems(ctx.wb.page)).filter((m) => m.file === file && m.source === 'inspection-reports');
        if (markers.length === 0) fail(`no markers for ${PRIMARY_DRAFT} to look at`);
        const bad = markers.filter((m) => !m.codeHref || !new RegExp(`/${m.code}(\\.md|\\.html|/)?(#.*)?$`).test(m.codeHref));
        if (bad.length) fail(`codes without a link to their rule's page: ${bad.map((m) => `${m.code} -> ${m.codeHref ?? 'no link'}`).join('; ')}`);
      },
    },
    {
      name: 'the status bar shows the report\'s kind and its error and warning counts',
      timeoutMs: 30_000,
      run: async () => {
        await ctx.wb.open(PRIMARY_DRAFT);
        const file = path.join(ctx.ws, PRIMARY_DRAFT);
        const markers = (await readProblems(ctx.wb.page)).filter((m) => m.file === file && m.source === 'inspection-reports');
        const errors = markers.filter((m) => m.severity === 'error').length;
        const warnings = markers.filter((m) => m.severity === 'warning').length;
        const want = new RegExp(`^ilacs: ${errors} errors?, ${warnings} warnings?$`, 'i');
        const end = Date.now() + 15_000;
        let items: string[] = [];
        while (Date.now() < end) {
          items = await ctx.wb.statusBar();
          if (items.some((t) => want.test(t))) return;
          await ctx.wb.page.waitForTimeout(300);
        }
        fail(`no status bar item matching ${want}: ${items.join(' | ')}`);
      },
    },
    ...['drafts/2025-11-focused-visit.md', 'drafts/2024-09-monitoring-visit.md', 'drafts/2025-04-scrutiny.md', 'drafts/2026-09-ilacs.md']
      .filter((rel) => fs.existsSync(path.join(ctx.ws, rel)))
      .map((rel): Scenario => ({
        name: `${rel}: the Problems panel lists its planted mistakes`,
        timeoutMs: 60_000,
        run: async () => { await checkDraft(ctx, rel); },
      })),
    {
      name: 'a plain Markdown file (no report: front matter) gets no diagnostics',
      timeoutMs: 60_000,
      run: async () => {
        const body = [
          '# Notes from the visit', '',
          'The visit focussed on care leavers; 15 per cent had no plan, eg those aged 18.', '',
          '| Judgement | Grade |', '| --- | --- |', '| Overall effectiveness | Requires improvement |', '',
          'Signed by Her Majesty\'s Inspector on 28th March 2025.', '',
        ].join('\n');
        // The same text as a report would be flagged: so silence below means the file was left alone.
        const asReport = `---\nreport: ilacs\nauthority: Wexbridge City Council\ninspection-dates: 2025-02-03 to 2025-02-14\n---\n\n${body}`;
        const n = coreCount(path.join(ctx.ws, 'notes', 'as-report.md'), asReport);
        if (n === 0) fail('sanity: the core finds nothing in the plain text even as a report, so this scenario could not fail');
        const rel = 'notes/plain.md';
        fs.mkdirSync(path.join(ctx.ws, 'notes'), { recursive: true });
        fs.writeFileSync(path.join(ctx.ws, rel), body);
        await ctx.wb.open(rel);
        await ctx.wb.page.keyboard.press('Control+End');
        await ctx.wb.page.keyboard.type('More notes, 20 per cent.\n');
        await ctx.wb.page.waitForTimeout(3_000); // ten times the default debounce
        const plain = path.join(ctx.ws, rel);
        const mine = (await readProblems(ctx.wb.page)).filter((m) => m.file === plain && m.source === 'inspection-reports');
        await shot(ctx, '07-plain-markdown');
        if (mine.length) fail(`diagnostics on a plain Markdown file: ${mine.map(showMarker).join('; ')}`);
        const status = await ctx.wb.statusBar();
        if (status.some((t) => /: \d+ errors?, \d+ warnings?$/.test(t))) fail(`the status bar shows a report status for a plain file: ${status.join(' | ')}`);
        // And the server is still at work: the report keeps its diagnostics.
        const report = path.join(ctx.ws, PRIMARY_DRAFT);
        if (!(await readProblems(ctx.wb.page)).some((m) => m.file === report)) fail('the report\'s diagnostics are gone: is the server still running?');
        await ctx.wb.page.keyboard.press('Control+Z');
      },
    },
  ];
}
