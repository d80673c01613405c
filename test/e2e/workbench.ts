// Drives the VS Code workbench the way a person does: keyboard shortcuts, the
// quick open box, the command palette, menus. Every wait is bounded.
import * as path from 'path';
import type { Page } from 'playwright-core';

export class Workbench {
  constructor(readonly page: Page, readonly folder: string) {}

  /** Waits for the workbench and its explorer to show the folder. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  async explorerNames(): Promise<string[]> {
    return this.page.$$eval('.explorer-folders-view .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  /** Focuses the active editor's text. */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+1'); // View: Focus First Editor Group
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
  }

  /** Opens a file of the workspace with quick open, and waits for its tab to be active. */
  async open(rel: string): Promise<void> {
    const base = path.basename(rel);
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(rel);
    // The list updates after typing: wait until the focused entry is the file.
    const dir = path.dirname(rel) === '.' ? '' : path.basename(path.dirname(rel));
    await this.page.waitForFunction(([b, d]) => {
      const row = document.querySelector('.quick-input-list .monaco-list-row.focused');
      const label = row?.getAttribute('aria-label') ?? '';
      return label.startsWith(b) && (!d || label.includes(d));
    }, [base, dir] as const, { timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${base}"]`).waitFor({ timeout: 10_000 });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
  }

  /** Moves the cursor with Go to Line (1-based line and column). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await this.page.waitForFunction(
      (want) => [...document.querySelectorAll('.statusbar-item')].some((e) => (e as HTMLElement).innerText.trim().startsWith(want)),
      `Ln ${line}, Col ${column}`, { timeout: 10_000 },
    );
  }

  /** Runs a command from the palette by its full title ("Category: Title"). */
  async command(title: string, opts: { loose?: boolean } = {}): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row.focused').first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    const label = (await row.getAttribute('aria-label')) ?? '';
    const l = label.toLowerCase();
    const t = title.toLowerCase();
    if (opts.loose ? !l.includes(t) : !l.startsWith(t)) {
      await this.page.keyboard.press('Escape');
      throw new Error(`the command palette has no command '${title}' (first match: '${label}')`);
    }
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Saves the active editor and waits until its tab is clean. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Opens the quick fix menu at the cursor and lists its actions' titles. */
  async quickFixMenu(): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    return rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()));
  }

  /** Picks an action in the open quick fix menu by its title. */
  async pickAction(title: string): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    await row.click();
    await this.page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text, or '' if none opens. */
  async hoverAtCursor(timeoutMs = 5_000): Promise<string> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    try {
      await hover.waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
      return '';
    }
    await this.page.waitForTimeout(300); // let it finish rendering Markdown
    return (await hover.innerText()).trim();
  }

  /** Text of the status bar items. */
  async statusBar(): Promise<string[]> {
    return this.page.$$eval('.statusbar-item', (els) => els.map((e) => (e as HTMLElement).innerText.trim()).filter((t) => t));
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}
