// Scenarios that act in the editor: hovers, the judgement table snippet, a
// quick fix, fix all, and the history features.
import * as fs from 'fs';
import * as path from 'path';
import { commandTitle, expectPanelMatchesCli, fail, shot, type Ctx } from '../context';
import { cliCheck, planted, tableSnippets, textAfterFix, textAfterFixAll } from '../expect';
import { pending, type Scenario } from '../harness';
import { waitForMarkers } from '../problems';
import { serverHovers } from '../probe';
import { PRIMARY_DRAFT } from './diagnostics';

const norm = (s: string) => s.replace(/[*_`>]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

interface HistoryLink {
  /** 1-based positions in the draft to hover: the link, and the number of the paragraph it is in. */
  at: { line: number; column: number; what: string }[];
  target: string;
  para: number;
  /** The first words of the earlier finding. */
  needle: string;
}

/** The first link from the draft to an earlier report's numbered paragraph, and that paragraph's opening words. */
function historyLink(draftFile: string): HistoryLink {
  const lines = fs.readFileSync(draftFile, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /\]\(([^)\s]+\.md)#para-(\d+)\)/.exec(lines[i]);
    if (!m) continue;
    const target = path.resolve(path.dirname(draftFile), m[1]);
    if (!fs.existsSync(target)) continue;
    const para = Number(m[2]);
    const earlier = fs.readFileSync(target, 'utf8').split('\n');
    const start = earlier.findIndex((l) => l.startsWith(`${para}. `));
    if (start < 0) continue;
    const words = earlier[start].slice(`${para}. `.length).split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
    let p = i;
    while (p > 0 && !/^\d+\.\s/.test(lines[p])) p--;
    return {
      at: [
        { line: i + 1, column: lines[i].indexOf('](') - 2, what: 'the link to the earlier finding' },
        { line: p + 1, column: 1, what: 'the number of the paragraph that links to it' },
      ],
      target, para, needle: norm(words),
    };
  }
  fail(`${draftFile} has no link to an earlier report's numbered paragraph`);
}

export function editingScenarios(ctx: Ctx): Scenario[] {
  const draft = () => path.join(ctx.ws, PRIMARY_DRAFT);
  return [
    {
      name: 'hover on a grade in the judgement table explains it',
      timeoutMs: 30_000,
      run: async () => {
        await ctx.wb.open(PRIMARY_DRAFT);
        const lines = fs.readFileSync(draft(), 'utf8').split('\n');
        const i = lines.findIndex((l) => /^\|.*\| (Good|Inadequate|Outstanding) \|\s*$/.test(l));
        if (i < 0) fail(`${PRIMARY_DRAFT} has no judgement table row with a one-word grade`);
        const grade = /\| (\w+) \|\s*$/.exec(lines[i])![1];
        await ctx.wb.goTo(i + 1, lines[i].lastIndexOf(grade) + 2);
        const text = await ctx.wb.hoverAtCursor(10_000);
        await shot(ctx, '04-hover-grade');
        await ctx.wb.page.keyboard.press('Escape');
        if (!text) fail(`no hover on '${grade}' at line ${i + 1}`);
        if (!text.toLowerCase().includes(grade.toLowerCase())) fail(`the hover on '${grade}' does not mention it: ${text}`);
      },
    },
    {
      name: 'hover on a finding that has history shows the earlier report\'s finding',
      timeoutMs: 60_000,
      run: async () => {
        const link = historyLink(draft());
        const hovers = await serverHovers(ctx.ws, draft(), fs.readFileSync(draft(), 'utf8'), link.at);
        const i = hovers.findIndex((h) => norm(h).includes(link.needle));
        if (i < 0) {
          pending(`the language server's hover has no history yet: at ${link.at.map((a, k) => `${a.what} (${a.line}:${a.column}) it gives ${hovers[k] ? `'${hovers[k].slice(0, 80).replace(/\n/g, ' ')}...'` : 'nothing'}`).join(', and at ')}; `
            + `expected text of ${path.basename(link.target)} paragraph ${link.para} ('${link.needle}...')`);
        }
        await ctx.wb.open(PRIMARY_DRAFT);
        await ctx.wb.goTo(link.at[i].line, link.at[i].column);
        const text = await ctx.wb.hoverAtCursor(10_000);
        await shot(ctx, '05-hover-history');
        await ctx.wb.page.keyboard.press('Escape');
        if (!norm(text).includes(link.needle)) fail(`the server's hover has the earlier finding but VS Code shows: ${text || 'no hover'}`);
      },
    },
    {
      name: 'typing ir- suggests the snippets unasked, the table of the report\'s era first, and accepting it inserts the table',
      timeoutMs: 60_000,
      run: async () => {
        const snippets = tableSnippets();
        if (snippets.length === 0) fail('snippets/judgement-tables.json holds no judgement table snippet');
        // An inspection that started in May 2024: the 2023 set is the report's.
        const snip = snippets.find((s) => s.prefix === 'ir-table-2023') ?? fail('no ir-table-2023 snippet');
        const rel = 'drafts/new-report.md';
        const start = '---\nreport: ilacs\nauthority: Wexbridge City Council\ninspection-dates: 2024-05-06 to 2024-05-17\n---\n\n# Inspection of Wexbridge City local authority children\'s services\n\n';
        fs.writeFileSync(path.join(ctx.ws, rel), start);
        await ctx.wb.open(rel);
        await ctx.wb.focusEditor();
        await ctx.wb.page.keyboard.press('Control+End');
        // Quick suggestions are off in Markdown: the list must come from typing alone ('-' is a trigger character).
        await ctx.wb.page.keyboard.type('ir-', { delay: 60 });
        const focused = ctx.wb.page.locator('.suggest-widget.visible .monaco-list-row.focused');
        await focused.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => fail('no suggestions appeared after typing ir- (without Ctrl+Space)'));
        const rows = async () => ctx.wb.page.$$eval('.suggest-widget.visible .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        const label = (await focused.getAttribute('aria-label')) ?? '';
        if (!label.startsWith(snip.prefix)) fail(`the suggestion list does not put '${snip.prefix}' first: ${(await rows()).join(' | ')}`);
        for (const other of ['ir-table-2018', 'ir-table-2026']) {
          if (!(await rows()).some((r) => r.startsWith(other))) fail(`'${other}' is not offered after the report's own: ${(await rows()).join(' | ')}`);
        }
        // The labels are whole: none cut to 'ir-table-20…'.
        const cut = await ctx.wb.page.$$eval('.suggest-widget.visible .monaco-list-row .label-name', (els) =>
          els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''));
        if (cut.length) fail(`suggestion labels cut short: ${cut.join(', ')}`);
        await shot(ctx, '06a-snippet-suggest');
        await ctx.wb.page.keyboard.press('Enter');
        await ctx.wb.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
        await ctx.wb.page.waitForTimeout(500);
        await shot(ctx, '06b-snippet-inserted');
        await ctx.wb.page.keyboard.press('Escape');
        await ctx.wb.page.keyboard.press('Escape');
        await ctx.wb.save();
        const got = fs.readFileSync(path.join(ctx.ws, rel), 'utf8');
        if (got !== start + snip.expanded) fail(`after the snippet '${snip.prefix}' the file reads:\n${got}\n--- expected:\n${start + snip.expanded}`);
      },
    },
    {
      name: 'a quick fix (grade wording) changes the text and its diagnostic goes',
      timeoutMs: 90_000,
      run: async () => {
        const file = draft();
        const before = fs.readFileSync(file, 'utf8');
        const p = planted().find((x) => x.file === PRIMARY_DRAFT && x.ruleId === 'grade-wording');
        if (!p) fail(`examples-expected.json lists no grade-wording mistake in ${PRIMARY_DRAFT}`);
        const cli = cliCheck(file).find((d) => d.ruleId === 'grade-wording' && d.line === p.line);
        if (!cli) fail(`the CLI reports no grade-wording at line ${p.line}`);
        const want = textAfterFix(file, before, 'grade-wording', p.line);
        await ctx.wb.open(PRIMARY_DRAFT);
        const shown = await waitForMarkers(ctx.wb.page, file, (ms) => ms.some((m) => m.code === 'grade-wording' && m.line === p.line), 30_000);
        if (!shown.ok) fail(`the Problems panel never showed grade-wording at line ${p.line}`);
        await ctx.wb.goTo(cli.line, cli.column);
        const titles = await ctx.wb.quickFixMenu();
        await shot(ctx, '03a-quick-fix-menu');
        if (!titles.includes(want.title)) {
          await ctx.wb.page.keyboard.press('Escape');
          fail(`the quick fix menu lacks '${want.title}': ${titles.join(' | ')}`);
        }
        await ctx.wb.pickAction(want.title);
        await ctx.wb.save();
        const after = fs.readFileSync(file, 'utf8');
        if (after !== want.text) fail(`after '${want.title}' the text differs from the core's fix (length ${after.length}, expected ${want.text.length})`);
        await expectPanelMatchesCli(ctx, file, 30_000, (ms) => !ms.some((m) => m.code === 'grade-wording' && m.line === p.line));
        await shot(ctx, '03b-quick-fix-applied');
      },
    },
    {
      name: '"fix all" applies every fix and the fixed problems go',
      timeoutMs: 90_000,
      run: async () => {
        const file = draft();
        const before = fs.readFileSync(file, 'utf8');
        const want = textAfterFixAll(file, before);
        if (want === before) fail(`sanity: the core has nothing to fix in ${PRIMARY_DRAFT}, so this scenario could not fail`);
        await ctx.wb.open(PRIMARY_DRAFT);
        await ctx.wb.command(commandTitle(ctx, 'inspectionReports.fixAll'));
        await ctx.wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 15_000 })
          .catch(() => fail('fix all changed nothing in the editor'));
        await ctx.wb.save();
        const after = fs.readFileSync(file, 'utf8');
        if (after !== want) fail(`after fix all the text differs from the core's fixAll (length ${after.length}, expected ${want.length})`);
        const { cli } = await expectPanelMatchesCli(ctx, file, 30_000);
        const fixable = cli.filter((d) => d.fix);
        if (fixable.length) fail(`fixable problems remain after fix all: ${fixable.map((d) => `${d.line} ${d.ruleId}`).join('; ')}`);
        await shot(ctx, '03c-fix-all');
      },
    },
    {
      name: 'the history view (Show history) draws the earlier inspection',
      timeoutMs: 60_000,
      run: async () => {
        await ctx.wb.open(PRIMARY_DRAFT);
        await ctx.wb.command(commandTitle(ctx, 'inspectionReports.showHistory'));
        // The view is a webview: its page lives in nested frames.
        let text = '';
        for (let i = 0; i < 30 && !/2019 inspection/.test(text); i++) {
          await ctx.wb.page.waitForTimeout(500);
          const texts = await Promise.all(ctx.wb.page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
          text = texts.find((t) => /Recurring concerns/.test(t)) ?? '';
        }
        await shot(ctx, '08-history-view');
        if (!/2019 inspection/.test(text)) fail(`the history view does not show the 2019 inspection: ${text.slice(0, 300) || '(no history view found)'}`);
      },
    },
  ];
}
