/**
 * Reading an option's value the same way in every command: `--name=value` or
 * `--name value`. A missing value is said on standard error.
 */
import type { Io } from './main';

/** The value of the option at `args[i]`, and the index of the last argument it used. */
export function optionValue(args: string[], i: number, name: string, io: Io): { value: string | undefined; i: number } {
  const a = args[i];
  const eq = a.indexOf('=');
  if (a.startsWith('--') && eq > 0) return { value: a.slice(eq + 1), i };
  const value = args[i + 1];
  if (value === undefined) io.err(`inspection-reports: ${name} needs a value`);
  return { value, i: i + 1 };
}
