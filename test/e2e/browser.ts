// Debian's Chromium, driven by playwright-core. Headless, no sandbox (root in a
// container), no GPU, and nothing that phones out.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

export interface BrowserSession {
  browser: Browser;
  page: Page;
  pid?: number;
  close(): Promise<void>;
}

const open = new Set<BrowserSession>();

/** Closes every browser this process opened and has not closed yet. */
export async function closeAll(): Promise<void> {
  await Promise.all([...open].map((b) => b.close()));
}

export async function openBrowser(url: string, opts: { width?: number; height?: number } = {}): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 },
    // The clipboard is used by nothing, but VS Code asks; grant so no prompt can appear.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
  };
  const session: BrowserSession = { browser, page, close: async () => { open.delete(session); await close(); } };
  open.add(session);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return session;
}
