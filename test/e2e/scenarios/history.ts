// Issue 12's workspace: a few published reports imported into `history/` with
// the CLI, `.inspection-reports.yaml` naming that folder, and a new 2026 draft
// for the same authority (test/e2e/fixtures/issue-12-draft.md, written for this
// suite). The scenarios check, in VS Code, that a related location of a history
// diagnostic opens the right line of the earlier report, and take the issue's
// screenshots: the history view in the side pane (item 2), the hover on a
// finding with a problem (item 7), the snippets (item 8), the outline (item 9).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { commandTitle, fail, shot, type Ctx } from '../context';
import { pending, type Scenario } from '../harness';
import { showProblems, waitForMarkers } from '../problems';
import { E2E, ROOT } from '../paths';

/** The folder inside the workspace that is shaped like issue 12's workspace. */
export const ISSUE12 = 'issue-12';
const DRAFT = `${ISSUE12}/drafts/2026-07-nottingham-city.md`;
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');

export interface Prepared {
  ok: boolean;
  /** Why not (the scenarios then end as pending with it). */
  reason?: string;
  imported: string[];
}

function runCli(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * Builds the workspace before code-server starts: imports the seeds with the CLI
 * (the 2022 report names no authority or dates in its text, so it is imported on
 * its own with --set, as a user would after the first attempt's warnings), writes
 * the settings file and the draft.
 */
export function prepareIssue12(ws: string): Prepared {
  const seeds = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
  if (seeds.length < 5) return { ok: false, reason: `the seeds are not in ${SEEDS} (../shared is absent): issue 12's workspace cannot be built`, imported: [] };
  const root = path.join(ws, ISSUE12);
  const history = path.join(root, 'history');
  fs.mkdirSync(path.join(root, 'drafts'), { recursive: true });
  fs.writeFileSync(path.join(root, '.inspection-reports.yaml'), '# Issue 12: the earlier reports, imported with `inspection-reports import`.\nhistory: [history]\n');
  const [first, second, ...rest] = seeds.map((f) => path.join(SEEDS, f));
  const a = runCli(['import', first, ...rest, '--out', history]);
  const b = runCli(['import', second, '--out', history, '--set', 'authority=Nottingham City Council',
    '--set', 'inspection-dates=2022-07-04 to 2022-07-15', '--set', 'published=2022-09-02', '--set', 'lead-inspector=Lead Inspector']);
  if (a.status !== 0 || b.status !== 0) return { ok: false, reason: `the import failed:\n${a.out}\n${b.out}`, imported: [] };
  fs.copyFileSync(path.join(E2E, 'fixtures', 'issue-12-draft.md'), path.join(ws, DRAFT));
  const imported: string[] = [];
  const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : imported.push(path.join(d, e.name)); };
  walk(history);
  return { ok: true, imported: imported.sort() };
}

/** The 1-based line of `file` where `needle` (the start of an earlier finding) stands. */
function lineOfText(file: string, needle: string): number {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `'${needle}' is not in ${path.basename(file)}`);
  return i + 1;
}

interface RelatedRow { index: number; resource: string; where: string; description: string }

const RELATED_ROWS = `[...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((e) => e.querySelector('.related-info-resource')).map((e) => ({
  index: Number(e.getAttribute('data-index')),
  resource: (e.querySelector('.related-info-resource') || {}).innerText || '',
  where: (e.querySelector('.marker-line') || {}).innerText || '',
  description: (e.querySelector('.marker-description') || {}).innerText || '',
}))`;

/** Scrolls the Problems panel until a related-information row whose text matches shows; clicks it. */
async function openRelated(page: Page, test: (r: RelatedRow) => boolean): Promise<RelatedRow> {
  await showProblems(page);
  const list = page.locator('.markers-panel .monaco-list').first();
  const box = await list.boundingBox();
  assert.ok(box, 'the Problems panel has no list');
  await page.mouse.move(box.x + box.width - 12, box.y + Math.min(box.height / 2, 30));
  for (let i = 0; i < 60; i++) await page.mouse.wheel(0, -2000);
  const seen: RelatedRow[] = [];
  for (let i = 0; i < 300; i++) {
    const rows = (await page.evaluate(RELATED_ROWS)) as RelatedRow[];
    seen.push(...rows);
    const hit = rows.find(test);
    if (hit) {
      await page.locator(`.markers-panel .monaco-list-row[data-index="${hit.index}"]`).click();
      await page.keyboard.press('Enter');
      return hit;
    }
    // A marker whose related rows are folded: unfold it.
    const folded = page.locator('.markers-panel .monaco-list-row[aria-expanded="false"][aria-level="2"]').first();
    if (await folded.isVisible().catch(() => false)) {
      await folded.locator('.monaco-tl-twistie').click().catch(() => undefined);
      continue;
    }
    await page.mouse.wheel(0, Math.max(44, Math.floor(box.height * 0.5)));
    await page.waitForTimeout(60);
  }
  fail(`no related location in the Problems panel matches; saw: ${[...new Set(seen.map((r) => `${r.resource} ${r.where} ${r.description.slice(0, 60)}`))].join(' | ') || 'none'}`);
}

/** The active editor's tab label and cursor line (1-based), from the tab and the status bar. */
async function whereAmI(page: Page): Promise<{ tab: string; line: number }> {
  const tab = (await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').catch(() => '')) ?? '';
  const items = await page.$$eval('.statusbar-item', (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
  const m = items.map((t) => /^Ln (\d+), Col \d+/.exec(t)).find((x) => x);
  return { tab, line: m ? Number(m[1]) : 0 };
}

export function historyScenarios(ctx: Ctx, prepared: Prepared): Scenario[] {
  const need = () => { if (!prepared.ok) pending(prepared.reason ?? 'issue 12 workspace not prepared'); };
  const draftFile = () => path.join(ctx.ws, DRAFT);
  return [
    {
      name: 'issue 12: a related location of a recurring-concern diagnostic opens the earlier report at the line of its improvement item',
      timeoutMs: 120_000,
      run: async () => {
        need();
        await ctx.wb.open(DRAFT);
        // The history is read in the background: wait for its diagnostics.
        const shown = await waitForMarkers(ctx.wb.page, draftFile(), (ms) => ms.some((m) => m.code === 'recurring-concern'), 60_000);
        assert.ok(shown.ok, `no recurring-concern in the Problems panel for the draft: ${shown.markers.map((m) => `${m.line} ${m.code}`).join('; ')}`);
        await shot(ctx, '10a-issue12-problems');
        const row = await openRelated(ctx.wb.page, (r) => /2022-07-ilacs\.md/.test(r.resource) && /improvement item/.test(r.description));
        const excerpt = row.description.replace(/^[^:]*:\s*/, '').replace(/…$/, '').slice(0, 40);
        const target = prepared.imported.find((f) => f.endsWith(path.join('nottingham-city', '2022-07-ilacs.md')));
        assert.ok(target, `the 2022 report was not imported: ${prepared.imported.join(', ')}`);
        const want = lineOfText(target, excerpt);
        let at = { tab: '', line: 0 };
        for (let i = 0; i < 30; i++) {
          at = await whereAmI(ctx.wb.page);
          if (at.tab.startsWith('2022-07-ilacs.md') && at.line === want) break; // the editor reveals the line after it opens
          await ctx.wb.page.waitForTimeout(300);
        }
        await shot(ctx, '10b-issue12-related-location');
        assert.ok(at.tab.startsWith('2022-07-ilacs.md'), `the related location '${row.resource} ${row.where}' opened '${at.tab}', not the 2022 report`);
        assert.ok(at.line === want, `the related location '${row.description.slice(0, 70)}' (${row.where}) opened line ${at.line} of the 2022 report; the improvement item ('${excerpt}...') is at line ${want}`);
      },
    },
    {
      name: 'issue 12, item 2: the history view in the side pane names the scrutiny report and fits (last inspection and legend inside)',
      timeoutMs: 90_000,
      run: async () => {
        need();
        await ctx.wb.open(DRAFT);
        await ctx.wb.command(commandTitle(ctx, 'inspectionReports.showHistory'));
        type Fit = { text: string; width: number; svgRight: number; legendRight: number; labelsRight: number } | undefined;
        let fit: Fit;
        for (let i = 0; i < 40 && !fit; i++) {
          await ctx.wb.page.waitForTimeout(500);
          for (const f of ctx.wb.page.frames()) {
            // A string, not a function: tsx wraps named functions in a helper the page does not have.
            const r = await f.evaluate<Fit>(`(() => {
              const svg = document.querySelector('svg.history-chart');
              if (!svg) return undefined;
              const legend = document.querySelector('ul.legend');
              const labels = [...svg.querySelectorAll('g.reports text')].map((t) => t.getBoundingClientRect().right);
              return {
                text: document.body.innerText, width: document.documentElement.clientWidth, svgRight: svg.getBoundingClientRect().right,
                legendRight: legend ? legend.getBoundingClientRect().right : -1, labelsRight: Math.max(0, ...labels),
              };
            })()`).catch(() => undefined);
            if (r && /Nottingham/.test(r.text)) fit = r;
          }
        }
        await shot(ctx, '11-issue12-history-view-side-pane');
        assert.ok(fit, 'no history view with the Nottingham City history');
        assert.ok(/council scrutiny report/i.test(fit.text), `the history view does not name the scrutiny report as one: ${fit.text.slice(0, 400)}`);
        assert.ok(!/Focused or monitoring visit/.test(fit.text), 'the history view still calls reports without grades "Focused or monitoring visit"');
        assert.ok(fit.legendRight >= 0, 'the history view has no legend');
        for (const [what, right] of [['chart', fit.svgRight], ['legend', fit.legendRight], ["latest inspection's label", fit.labelsRight]] as const) {
          assert.ok(right <= fit.width + 1, `the ${what} is cut off: it ends at ${Math.round(right)} px in a view ${fit.width} px wide`);
        }
        await ctx.wb.page.keyboard.press('Control+W'); // close the view
      },
    },
    {
      name: 'issue 12, item 7: the hover on a finding with a recurring concern leads with its history',
      timeoutMs: 60_000,
      run: async () => {
        need();
        await ctx.wb.open(DRAFT);
        const lines = fs.readFileSync(draftFile(), 'utf8').split('\n');
        const i = lines.findIndex((l) => l.startsWith('1. Responses to children'));
        await ctx.wb.goTo(i + 1, 1);
        const text = await ctx.wb.hoverAtCursor(10_000);
        await shot(ctx, '12-issue12-hover-history-first');
        await ctx.wb.page.keyboard.press('Escape');
        assert.ok(text, `no hover on paragraph 1 of the draft (line ${i + 1})`);
        const history = text.search(/2022 inspection|Earlier findings/i);
        const rule = text.search(/What it checks|recurring-concern/i);
        assert.ok(history >= 0, `the hover has no history: ${text.slice(0, 300)}`);
        if (rule >= 0 && rule < history) pending(`the hover still puts the rule before the history (the lead's item 7): ${text.slice(0, 200).replace(/\n/g, ' ')}`);
      },
    },
    {
      name: 'issue 12, item 9: one outline (no second group), and the breadcrumbs follow it',
      timeoutMs: 60_000,
      run: async () => {
        need();
        await ctx.wb.open(DRAFT);
        const lines = fs.readFileSync(draftFile(), 'utf8').split('\n');
        await ctx.wb.goTo(lines.findIndex((l) => l.startsWith('2. Young people')) + 1, 1);
        await ctx.wb.command('Explorer: Focus on Outline View', { loose: true });
        const rows = ctx.wb.page.locator('.outline-pane .monaco-list-row');
        await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
        await ctx.wb.page.waitForTimeout(1_000);
        const labels = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-level')}|${(e.querySelector('.label-name') as HTMLElement | null)?.innerText ?? e.getAttribute('aria-label') ?? ''}`));
        const crumbs = await ctx.wb.page.$$eval('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item', (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
        await shot(ctx, '13-issue12-outline-and-breadcrumbs');
        await ctx.wb.focusEditor();
        const groups = labels.filter((l) => /\|(Inspection report|Markdown.*)$/.test(l));
        assert.ok(groups.length === 0, `the outline has provider groups (two outlines): ${labels.join(', ')}`);
        const title = labels.filter((l) => /Inspection of Nottingham City/.test(l));
        assert.ok(title.length === 1, `the report's title is in the outline ${title.length} times: ${labels.join(', ')}`);
        assert.ok(crumbs.some((c) => /help and protection/.test(c)), `the breadcrumbs do not show the section the cursor is in: ${crumbs.join(' > ')}`);
      },
    },
    {
      name: "issue 12, item 8: in the 2026 draft, ir- offers the 2026 table first and the judgement section takes the next number",
      timeoutMs: 60_000,
      run: async () => {
        need();
        await ctx.wb.open(DRAFT);
        await ctx.wb.focusEditor();
        await ctx.wb.page.keyboard.press('Control+End');
        await ctx.wb.page.keyboard.press('Enter');
        await ctx.wb.page.keyboard.type('ir-', { delay: 60 });
        const focused = ctx.wb.page.locator('.suggest-widget.visible .monaco-list-row.focused');
        await focused.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => fail('no suggestions after typing ir-'));
        const first = (await focused.getAttribute('aria-label')) ?? '';
        await shot(ctx, '14-issue12-snippets');
        assert.ok(first.startsWith('ir-table-2026'), `the first suggestion in a 2026 report is '${first}', not ir-table-2026`);
        await ctx.wb.page.keyboard.type('judgement-section', { delay: 20 });
        await ctx.wb.page.waitForTimeout(500);
        const picked = (await focused.getAttribute('aria-label')) ?? '';
        assert.ok(picked.startsWith('ir-judgement-section'), `typing on did not pick ir-judgement-section: '${picked}'`);
        await ctx.wb.page.keyboard.press('Enter');
        await ctx.wb.page.waitForTimeout(400);
        await ctx.wb.page.keyboard.press('Escape');
        await ctx.wb.page.keyboard.press('Escape');
        await ctx.wb.save();
        const text = fs.readFileSync(draftFile(), 'utf8');
        await shot(ctx, '15-issue12-judgement-section-inserted');
        // Put the draft back for any later scenario.
        fs.copyFileSync(path.join(E2E, 'fixtures', 'issue-12-draft.md'), draftFile());
        assert.ok(/\n\n7\.$/.test(text.trimEnd()), `the judgement section does not start at 7 (the draft's paragraphs run to 6):\n${text.slice(-300)}`);
      },
    },
  ];
}
