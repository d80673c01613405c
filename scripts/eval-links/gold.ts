/**
 * The gold set for `npm run eval:links` (test/fixtures/links-gold.yaml): pairs
 * of consecutive reports of one authority, and for each finding of the later
 * report the findings of the earlier one that it revisits. Ids only, no text.
 * Reading never throws: problems come back as messages.
 */
import * as fs from 'fs';
import { parse } from 'yaml';

export interface GoldReport {
  /** The PDF's name in ../shared/corpus/ilacs. */
  source: string;
  /** Where `inspection-reports import` writes it, relative to --out. */
  file: string;
  /** How many findings the history index kept of it when it was labelled. */
  findings: number;
}

export interface GoldPair {
  name: string;
  /** 'tune': the matcher may be tuned on it; 'held-out': reported separately. */
  set: 'tune' | 'held-out';
  era: string;
  why?: string;
  earlier: GoldReport;
  later: GoldReport;
  /** Later finding id -> earlier finding ids it revisits. */
  links: Map<string, string[]>;
}

export interface GoldSet {
  pairs: GoldPair[];
  errors: string[];
}

const FINDING_ID = /^(?:para|wni|finding|rec|priority)-\d+(?:\.\d+)?$/;

function report(v: unknown, where: string, errors: string[]): GoldReport | undefined {
  const r = v as Partial<GoldReport> | undefined;
  if (!r || typeof r !== 'object') {
    errors.push(`${where}: missing`);
    return undefined;
  }
  const ok = typeof r.source === 'string' && /\.pdf$/i.test(r.source) && typeof r.file === 'string' && /\.md$/.test(r.file) &&
    typeof r.findings === 'number' && Number.isInteger(r.findings) && r.findings > 0;
  if (!ok) {
    errors.push(`${where}: needs source (a .pdf name), file (a .md path) and findings (a count)`);
    return undefined;
  }
  return { source: r.source!, file: r.file!, findings: r.findings! };
}

/** Parses the gold set's text; `errors` lists whatever is malformed (those pairs or links are left out). */
export function parseGold(text: string): GoldSet {
  const errors: string[] = [];
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { pairs: [], errors: [`not valid YAML: ${(e as Error).message}`] };
  }
  const raw = (doc as { pairs?: unknown })?.pairs;
  if (!Array.isArray(raw)) return { pairs: [], errors: ['no `pairs:` list'] };
  const pairs: GoldPair[] = [];
  const names = new Set<string>();
  raw.forEach((p: Record<string, unknown>, k) => {
    const where = `pair ${k + 1}${typeof p?.name === 'string' ? ` (${p.name})` : ''}`;
    if (!p || typeof p !== 'object' || typeof p.name !== 'string' || !p.name) {
      errors.push(`${where}: needs a name`);
      return;
    }
    if (names.has(p.name)) errors.push(`${where}: name used twice`);
    names.add(p.name);
    if (p.set !== 'tune' && p.set !== 'held-out') errors.push(`${where}: set must be 'tune' or 'held-out'`);
    const earlier = report(p.earlier, `${where} earlier`, errors);
    const later = report(p.later, `${where} later`, errors);
    if (!earlier || !later) return;
    const links = new Map<string, string[]>();
    const rawLinks = p.links as Record<string, unknown> | undefined;
    if (!rawLinks || typeof rawLinks !== 'object') errors.push(`${where}: no links`);
    for (const [from, to] of Object.entries(rawLinks ?? {})) {
      if (!FINDING_ID.test(from)) {
        errors.push(`${where}: '${from}' is not a finding id`);
        continue;
      }
      const targets = Array.isArray(to) ? to : [];
      const bad = targets.filter((t) => typeof t !== 'string' || !FINDING_ID.test(t));
      if (!Array.isArray(to) || targets.length === 0 || bad.length > 0) {
        errors.push(`${where}: ${from} needs a list of finding ids${bad.length ? ` (not: ${bad.map(String).join(', ')})` : ''}`);
        continue;
      }
      if (new Set(targets).size !== targets.length) errors.push(`${where}: ${from} names a finding twice`);
      links.set(from, [...new Set(targets as string[])]);
    }
    pairs.push({
      name: p.name, set: p.set === 'held-out' ? 'held-out' : 'tune', era: String(p.era ?? ''),
      why: typeof p.why === 'string' ? p.why : undefined, earlier, later, links,
    });
  });
  return { pairs, errors };
}

export function readGold(file: string): GoldSet {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { pairs: [], errors: [`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`] };
  }
  return parseGold(text);
}

/** Number of (later, earlier) links in a set of pairs. */
export function linkCount(pairs: readonly GoldPair[]): number {
  let n = 0;
  for (const p of pairs) for (const to of p.links.values()) n += to.length;
  return n;
}
