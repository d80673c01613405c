// What every scenario shares: the workbench, the temporary copy of examples/
// it works on, the manifest, and where screenshots go.
import * as fs from 'fs';
import * as path from 'path';
import type { ExtensionInfo } from './extension';
import { key, cliCheck, type CliDiagnostic } from './expect';
import { showMarker, waitForMarkers, type Marker } from './problems';
import type { Workbench } from './workbench';

export interface Ctx {
  wb: Workbench;
  /** The temporary copy of examples/ that code-server has open. */
  ws: string;
  ext: ExtensionInfo;
  shots: string;
}

export function shot(ctx: Ctx, name: string): Promise<void> {
  fs.mkdirSync(ctx.shots, { recursive: true });
  return ctx.wb.screenshot(path.join(ctx.shots, `${name}.png`));
}

export function fail(message: string): never {
  throw new Error(message);
}

/** `Category: Title` of a contributed command, as the palette shows it. */
export function commandTitle(ctx: Ctx, id: string): string {
  const cmds = ((ctx.ext.manifest.contributes ?? {}) as { commands?: { command: string; title: string; category?: string }[] }).commands ?? [];
  const c = cmds.find((x) => x.command === id);
  if (!c) fail(`package.json contributes no command ${id}`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

/**
 * The history's diagnostics (server/src/history/editor.ts, HISTORY_RULES) need the
 * workspace's earlier reports, which `check` on one file does not read: the
 * comparison with the CLI leaves them out (the history scenarios test them).
 */
const HISTORY_RULE_IDS = new Set(['finding-links', 'recurring-concern', 'quoted-grade']);
const notHistory = (m: Marker) => !HISTORY_RULE_IDS.has(m.code);

/**
 * Waits until the Problems panel shows, for `file`, exactly what the CLI
 * reports for the file on disk (rule id, line, column, severity). Returns both
 * lists; fails with the difference when they do not agree in time.
 */
export async function expectPanelMatchesCli(
  ctx: Ctx, file: string, timeoutMs = 30_000, extra: (ms: Marker[]) => boolean = () => true,
): Promise<{ markers: Marker[]; cli: CliDiagnostic[] }> {
  const cli = cliCheck(file);
  const want = cli.map((d) => key(d)).sort();
  const { markers: all, ok } = await waitForMarkers(ctx.wb.page, file, (ms) => {
    const got = ms.filter(notHistory).map((m) => key(m)).sort();
    return got.length === want.length && got.every((g, i) => g === want[i]) && extra(ms);
  }, timeoutMs);
  const markers = all.filter(notHistory);
  if (!ok) {
    const got = markers.map((m) => key(m));
    const missing = want.filter((w) => !got.includes(w));
    const unexpected = got.filter((g) => !want.includes(g));
    fail(`Problems panel for ${path.relative(ctx.ws, file)} does not match the CLI after ${timeoutMs} ms.\n`
      + `  missing (CLI has, panel lacks): ${missing.join('; ') || 'none'}\n`
      + `  unexpected (panel has, CLI lacks): ${unexpected.join('; ') || 'none'}\n`
      + `  panel: ${markers.map(showMarker).join('\n         ') || '(nothing)'}`);
  }
  return { markers, cli };
}
