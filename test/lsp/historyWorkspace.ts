// A workspace for the history protocol tests: a copy of examples/ (one made-up
// authority's earlier reports and drafts) in a temporary folder, so that tests
// can add, change and delete files. Helpers to wait for the server's history.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { HistoryStatus, StatsResult } from '../../server/src/lsp/protocol';
import { fileUri, ROOT, type LspClient } from './client';

export function copyExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-history-'));
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `test` passes (bounded). */
export async function eventually<T>(what: string, get: () => Promise<T>, test: (v: T) => boolean, ms = 8_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T = await get();
  while (!test(last)) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}; last: ${JSON.stringify(last).slice(0, 500)}`);
    await sleep(25);
    last = await get();
  }
  return last;
}

/** Waits until the server's history index has finished loading. */
export async function historyReady(client: LspClient, ms = 15_000): Promise<HistoryStatus> {
  const stats = await eventually('the history index', () => client.request<StatsResult>('inspectionReports/stats', {}), (s) => s.history?.state === 'ready', ms);
  return stats.history!;
}

/** 0-based line of the first line of a file that starts with `prefix`. */
export function lineStarting(file: string, prefix: string): number {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting '${prefix}' in ${file}`);
  return i;
}

/** Position of the first occurrence of `needle` in a text (0-based), plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** An earlier letter for the file-change tests: a focused visit in March 2023 about disabled children. Made up. */
export const FOCUSED_VISIT_2023 = `---
report: focused-visit
authority: Wexbridge City Council
inspection-dates: 2023-03-07 to 2023-03-08
published: 2023-04-04
inspectors: [Nadia Example]
---

# Focused visit to Wexbridge City Council children's services

Dear Alison Example,

This letter summarises the findings of a focused visit to Wexbridge City Council children's services on 7 and 8 March 2023. The inspector was Nadia Example, His Majesty's Inspector.

Inspectors looked at the local authority's arrangements for disabled children and their families.

## Overview

Services for disabled children are improving, although some families wait too long for short breaks.

## Findings

- Social workers in the disabled children's team communicate skilfully with children who do not use speech, using signing, pictures and objects of reference.
- Short breaks are not always well matched to families' needs, and some families wait several months for an overnight short break.

Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.

Yours sincerely,

Nadia Example
His Majesty's Inspector
`;

export const uriIn = (dir: string, rel: string) => fileUri(path.join(dir, rel));
