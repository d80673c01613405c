// Reads the Problems panel from the DOM. The panel is a virtualised tree (file
// rows, marker rows, related-information rows), so it is read while scrolling
// and the rows are put back together by their list index.
import type { Page } from 'playwright-core';

export interface Marker {
  /** Absolute path of the file the marker belongs to. */
  file: string;
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  source: string;
  code: string;
  /** Where the code links (codeDescription), if it is a link. */
  codeHref?: string;
  /** 1-based, as the panel shows them. */
  line: number;
  column: number;
}

interface RawRow {
  index: number;
  level: number;
  file?: string;
  severity?: string;
  message?: string;
  source?: string;
  code?: string;
  codeHref?: string;
  where?: string;
}

// Plain JavaScript, evaluated in the page (kept as a string so that no build
// helper of the test's own transpiler leaks into the page).
// Sticky rows (the tree keeps a file's row pinned while its markers scroll) are copies: skip them.
const VISIBLE_ROWS = `[...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((e) => !e.closest('.monaco-tree-sticky-container')).map((e) => {
  const text = (sel) => { const x = e.querySelector(sel); return x ? x.innerText.trim() : undefined; };
  const icon = e.querySelector('.marker-icon');
  const sev = icon ? (['error', 'warning', 'info'].find((c) => icon.classList.contains(c)) || 'unknown') : undefined;
  const label = e.querySelector('.monaco-icon-label');
  const code = e.querySelector('.marker-code');
  const link = code ? code.closest('a') : null;
  return {
    index: Number(e.getAttribute('data-index')),
    level: Number(e.getAttribute('aria-level')),
    file: label ? label.getAttribute('aria-label') || undefined : undefined,
    severity: sev,
    message: text('.marker-message'),
    source: text('.marker-source'),
    code: text('.marker-code'),
    codeHref: link ? link.getAttribute('href') || undefined : undefined,
    where: text('.marker-line'),
  };
})`;

async function visibleRows(page: Page): Promise<RawRow[]> {
  return page.evaluate(VISIBLE_ROWS) as Promise<RawRow[]>;
}

export async function showProblems(page: Page): Promise<void> {
  if (await page.locator('.markers-panel').isVisible().catch(() => false)) return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

/** Every marker in the Problems panel, in panel order. */
export async function readProblems(page: Page): Promise<Marker[]> {
  await showProblems(page);
  const list = page.locator('.markers-panel .monaco-list').first();
  if (!(await list.isVisible().catch(() => false))) return []; // "No problems have been detected"
  // Scroll with the mouse wheel, which changes neither focus nor selection (the
  // keyboard would: the panel opens the focused marker in the editor).
  const box = await list.boundingBox();
  if (!box) return [];
  const step = Math.max(44, Math.floor(box.height * 0.6));
  const firstIndex = async () => { const ix = (await visibleRows(page)).map((r) => r.index); return ix.length ? Math.min(...ix) : 0; };
  // At the right edge of the list (the "[Ln, Col]" column), not over a message: a long message shows
  // a hover there, and the hover would take the wheel events, leaving the list where it was.
  await page.mouse.move(box.x + box.width - 12, box.y + Math.min(box.height / 2, 30));
  for (let i = 0; i < 200 && (await firstIndex()) > 0; i++) {
    await page.mouse.wheel(0, -step * 3);
    await page.waitForTimeout(40);
  }
  const rows = new Map<number, RawRow>();
  let still = 0;
  for (let i = 0; i < 400 && still < 2; i++) {
    const before = rows.size;
    for (const r of await visibleRows(page)) rows.set(r.index, r);
    still = rows.size === before ? still + 1 : 0;
    await page.mouse.wheel(0, step);
    await page.waitForTimeout(50);
  }
  for (let i = 0; i < 200 && (await firstIndex()) > 0; i++) {
    await page.mouse.wheel(0, -step * 3);
    await page.waitForTimeout(20);
  }
  // Out of the way, so that no tooltip of the panel covers what comes next.
  await page.mouse.move(1, 1);
  const out: Marker[] = [];
  let file = '';
  for (const r of [...rows.values()].sort((a, b) => a.index - b.index)) {
    if (r.level === 1) file = r.file ?? '';
    if (r.level !== 2 || r.severity === undefined) continue;
    const m = /Ln (\d+), Col (\d+)/.exec(r.where ?? '');
    out.push({
      file,
      severity: r.severity as Marker['severity'],
      message: r.message ?? '',
      source: r.source ?? '',
      code: r.code ?? '',
      codeHref: r.codeHref,
      line: m ? Number(m[1]) : 0,
      column: m ? Number(m[2]) : 0,
    });
  }
  return out;
}

export function showMarker(m: Marker): string {
  return `${m.line}:${m.column} ${m.severity} ${m.code || '(no code)'} ${m.message}`;
}

/**
 * Polls the panel until `done` holds for the markers of one file (our source
 * only), or the time is up; returns the last reading either way.
 */
export async function waitForMarkers(
  page: Page, file: string, done: (ms: Marker[]) => boolean, timeoutMs: number, source = 'inspection-reports',
): Promise<{ markers: Marker[]; ok: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let markers: Marker[] = [];
  for (;;) {
    markers = (await readProblems(page)).filter((m) => m.file === file && (!source || m.source === source));
    if (done(markers)) return { markers, ok: true };
    if (Date.now() > deadline) return { markers, ok: false };
    await page.waitForTimeout(400);
  }
}
