import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../server/src/cli/main';

/** The CLI run in-process, with what it prints collected by stream. */
export async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(...s.split('\n')), err: (s) => err.push(...s.split('\n')), cwd };
  const code = await run(argv, io);
  return { code, out, err };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ir-${prefix}-`));
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A clean report of the project's own (a valid fixture without its expect block). */
export function cleanReport(): string {
  return fs.readFileSync(path.join(FIXTURES, 'valid', 'ilacs-2023-sections.md'), 'utf8').replace(/<!--\s*expect\b[\s\S]*?-->\s*$/, '');
}

/** A report with a mistake the checker reports as an error (a grade wrongly worded) and a fix for it. */
export function reportWithError(): string {
  return cleanReport().replace('| Overall effectiveness | Good |', '| Overall effectiveness | good |');
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Lines of the CLI's stderr that name a file. */
export function linesAbout(err: string[], name: string): string[] {
  return err.filter((l) => l.includes(name));
}
