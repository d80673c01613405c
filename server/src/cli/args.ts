/**
 * Reading a command's arguments the same way in every command: options as
 * `--name=value` or `--name value`, a missing value said on standard error.
 *
 *   const r = new ArgReader(args, io);
 *   for (let a = r.next(); a !== undefined; a = r.next()) {
 *     if (r.is('--out', '-o')) { const v = r.value('--out'); ... }
 *   }
 */
import type { Io } from './main';

export class ArgReader {
  private i = -1;

  constructor(private readonly args: readonly string[], private readonly io: Io) {}

  /** The next argument, or undefined after the last. */
  next(): string | undefined {
    this.i++;
    return this.args[this.i];
  }

  /** Whether the current argument is the option `name` (alone or as `name=value`) or one of `aliases`. */
  is(name: string, ...aliases: string[]): boolean {
    const a = this.args[this.i] ?? '';
    return a === name || a.startsWith(`${name}=`) || aliases.includes(a);
  }

  /** The current option's value: after its '=', or the next argument (then consumed). Undefined, said, when missing. */
  value(name: string): string | undefined {
    const a = this.args[this.i] ?? '';
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
    this.i++;
    const v = this.args[this.i];
    if (v === undefined) this.io.err(`inspection-reports: ${name} needs a value`);
    return v;
  }
}
