// A small scenario runner: each scenario has a time limit, and ends as passed,
// failed or pending (a feature the extension does not have yet: counted as
// skipped, never as passed). It prints one line per scenario and closes with
// 'N passed, N failed, N skipped'.

export class Pending extends Error {}

/** Ends the running scenario as pending, with the reason. */
export function pending(reason: string): never {
  throw new Pending(reason);
}

export interface Scenario {
  name: string;
  timeoutMs: number;
  run(): Promise<void>;
}

export interface Outcome {
  name: string;
  status: 'passed' | 'failed' | 'pending';
  ms: number;
  detail?: string;
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export async function runScenarios(
  list: Scenario[],
  hooks: { onFailure?: (s: Scenario, e: unknown) => Promise<void>; log?: (line: string) => void } = {},
): Promise<Outcome[]> {
  const log = hooks.log ?? ((l: string) => console.log(l));
  const out: Outcome[] = [];
  for (const s of list) {
    const t0 = Date.now();
    try {
      await withTimeout(s.run(), s.timeoutMs, s.name);
      out.push({ name: s.name, status: 'passed', ms: Date.now() - t0 });
      log(`  ✓ ${s.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      const ms = Date.now() - t0;
      if (e instanceof Pending) {
        out.push({ name: s.name, status: 'pending', ms, detail: e.message });
        log(`  - ${s.name}: PENDING: ${e.message}`);
      } else {
        const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
        out.push({ name: s.name, status: 'failed', ms, detail });
        log(`  ✗ ${s.name} (${ms} ms)\n      ${detail.split('\n').join('\n      ')}`);
        if (hooks.onFailure) await hooks.onFailure(s, e).catch(() => undefined);
      }
    }
  }
  return out;
}

export function summary(outcomes: Outcome[]): string {
  const n = (st: Outcome['status']) => outcomes.filter((o) => o.status === st).length;
  return `${n('passed')} passed, ${n('failed')} failed, ${n('pending')} skipped`;
}
