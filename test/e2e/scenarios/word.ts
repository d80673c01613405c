// Scenarios for issue 15: the Markdown preview of a report looks like the
// printed report (the extension's markdown-it plugin and styles), and "Export
// to Word" writes a .docx where the user chose, after asking about errors.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { commandTitle, fail, shot, type Ctx } from '../context';
import type { Scenario } from '../harness';
import { PRIMARY_DRAFT } from './diagnostics';

export function wordScenarios(ctx: Ctx): Scenario[] {
  return [
    {
      name: 'Export to Word: asks where, warns about the errors, writes the .docx on "Export Anyway"',
      timeoutMs: 60_000,
      run: async () => {
        const out = path.join(ctx.ws, PRIMARY_DRAFT.replace(/\.md$/, '.docx'));
        fs.rmSync(out, { force: true });
        await ctx.wb.open(PRIMARY_DRAFT);
        // Not ctx.wb.command: the save dialog is itself a quick input, so the palette's never hides.
        const page = ctx.wb.page;
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        const palette = page.locator('.quick-input-widget input');
        await palette.waitFor({ state: 'visible', timeout: 10_000 });
        await palette.fill(`>${commandTitle(ctx, 'inspectionReports.exportWord')}`);
        await page.locator('.quick-input-list .monaco-list-row.focused').first().waitFor({ state: 'visible', timeout: 10_000 });
        await page.keyboard.press('Enter');
        // code-server's save dialog: a quick input holding a path, titled with the command.
        const input = page.locator('.quick-input-widget input[aria-label*="Export to Word"]');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        // Keep the name the dialog proposes (the draft's, as .docx, beside it): typing over it races the
        // dialog filling it in.
        await ctx.wb.page.waitForTimeout(500);
        await ctx.wb.page.keyboard.press('Enter');
        const dialog = ctx.wb.page.locator('.monaco-dialog-box');
        await dialog.waitFor({ state: 'visible', timeout: 15_000 });
        const text = await dialog.innerText();
        assert.ok(/Not exported: the report has \d+ errors?\b/.test(text), `the dialog does not say why: ${text}`);
        await shot(ctx, '21-export-errors');
        await dialog.getByRole('button', { name: 'Export Anyway' }).click();
        const deadline = Date.now() + 15_000;
        while (!fs.existsSync(out) && Date.now() < deadline) await ctx.wb.page.waitForTimeout(200);
        assert.ok(fs.existsSync(out), `${out} was not written`);
        const head = fs.readFileSync(out).subarray(0, 2).toString('latin1');
        assert.ok(head === 'PK', `${out} is not a .docx (starts '${head}')`);
        await shot(ctx, '22-export-done');
      },
    },
    {
      name: 'the Markdown preview of a report shows it as printed: title block, judgement table, printed numbers',
      timeoutMs: 60_000,
      run: async () => {
        await ctx.wb.open(PRIMARY_DRAFT);
        // Its key binding (markdown.showPreview): the palette ranks other preview commands above it in code-server.
        await ctx.wb.page.keyboard.press('Control+Shift+V');
        // The preview is a webview (an iframe holding the document's iframe); other webviews may be open
        // (an earlier scenario's history view), so look for the frame that holds the report.
        let doc: import('playwright-core').Frame | undefined;
        for (let i = 0; i < 60 && !doc; i++) {
          for (const f of ctx.wb.page.frames()) {
            if (await f.locator('.ir-report').count().catch(() => 0)) doc = f;
          }
          if (!doc) await ctx.wb.page.waitForTimeout(500);
        }
        if (!doc) {
          await shot(ctx, '20-preview-FAILED');
          fail('the preview has no .ir-report: the markdown-it plugin did not run (markdown.markdownItPlugins / extendMarkdownIt)');
        }
        const report = doc.locator('.ir-report');
        const kind = (await doc.locator('.ir-title-block .ir-kind').innerText()).trim();
        assert.ok(/ILACS/i.test(kind), `the title block names the kind '${kind}'`);
        assert.ok((await doc.locator('table.ir-judgements td.ir-grade').count()) >= 4, 'the judgement table is not styled');
        // The draft jumps from 14 to 16: the preview must show 16, as printed.
        assert.ok((await doc.locator('ol.ir-numbered > li[value="16"]').count()) === 1, 'paragraph 16 does not show its printed number');
        const font = await report.evaluate((e) => getComputedStyle(e).fontFamily);
        assert.ok(/Tahoma|Verdana|DejaVu/i.test(font), `media/preview.css is not applied (font-family ${font})`);
        await doc.locator('li[value="13"]').scrollIntoViewIfNeeded();
        await shot(ctx, '20-preview');
        await ctx.wb.page.keyboard.press('Escape');
        // code-server shows the preview in the draft's own tab and keeps it for the file: this scenario runs last.
      },
    },
  ];
}
