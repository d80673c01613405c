import { checkText, type CheckOptions } from './check';
import { applyEdits } from './core/edits';
import type { Diagnostic, TextEdit } from './core/types';
import { hasMechanicalFix } from './rules/index';

export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
  /** What is left after fixing. */
  diagnostics: Diagnostic[];
}

/**
 * Applies every available fix (optionally of one rule), re-checking after each
 * pass, because one fix can reveal or settle another. Fixes whose edits overlap
 * wait for the next pass. Stops when a pass changes nothing.
 */
export function fixAll(text: string, uri: string, options: CheckOptions, onlyRule?: string, maxPasses = 10): FixAllResult {
  let current = text;
  let applied = 0;
  let result = checkText(current, uri, options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixable = result.diagnostics.filter((d) => hasMechanicalFix(d) && (!onlyRule || d.ruleId === onlyRule));
    if (fixable.length === 0) break;
    const edits: TextEdit[] = [];
    let count = 0;
    const taken: TextEdit[] = [];
    for (const d of fixable) {
      const fixEdits = d.fix!.edits;
      // Take a fix whole or not at all: never half of one.
      if (fixEdits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
      taken.push(...fixEdits);
      edits.push(...fixEdits);
      count++;
    }
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    current = next;
    applied += count;
    result = checkText(current, uri, options);
  }
  return { text: current, applied, diagnostics: result.diagnostics };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === b.start);
}
