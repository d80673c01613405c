/**
 * The list of English local authorities and children's services trusts
 * (server/profiles/authorities.yaml), read purely from its text, and the
 * questions the importer asks of it: which authority a trust's title means,
 * and which authority a text names most.
 */
import { escapeRegExp } from '../domain/text';
import { parseYamlData, type DataProblem } from '../profiles/load';

export interface Authority {
  /** The name written to the front matter. */
  name: string;
  /** Every name the text may use for it, the name first. */
  forms: string[];
}

export interface AuthorityList {
  authorities: Authority[];
  /** A trust's name and the names of the authorities it serves. */
  trusts: { name: string; authorities: string[] }[];
}

export function emptyAuthorities(): AuthorityList {
  return { authorities: [], trusts: [] };
}

function names(v: unknown): string[] | undefined {
  if (typeof v === 'string' && v.trim()) return [v.trim()];
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim())) return v.map((x: string) => x.trim());
  return undefined;
}

/** Reads authorities.yaml; problems are collected (bad entries skipped), never thrown. */
export function readAuthorities(text: string, source: string, problems: DataProblem[]): AuthorityList {
  const out = emptyAuthorities();
  const data = parseYamlData(text, source, problems) as Record<string, unknown> | undefined | null;
  if (data === undefined || data === null) return out;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ source, message: "the authorities file must be a mapping with 'authorities' and 'trusts'" });
    return out;
  }
  const list = (key: string): unknown[] => {
    const v = data[key];
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    problems.push({ source, message: `'${key}' must be a list` });
    return [];
  };
  list('authorities').forEach((e, i) => {
    const n = names(e);
    if (n) out.authorities.push({ name: n[0], forms: n });
    else problems.push({ source, message: `authorities entry ${i + 1} must be a name or a list of names` });
  });
  const known = new Set(out.authorities.map((a) => a.name));
  list('trusts').forEach((e, i) => {
    const n = names(e);
    const unknown = n?.slice(1).filter((a) => !known.has(a)) ?? [];
    if (!n || n.length < 2) problems.push({ source, message: `trusts entry ${i + 1} must list the trust, then the authorities it serves` });
    else if (unknown.length > 0) problems.push({ source, message: `trusts entry ${i + 1} names authorities not in the list: ${unknown.join(', ')}` });
    else out.trusts.push({ name: n[0], authorities: n.slice(1) });
  });
  return out;
}

/** Curly apostrophes and runs of spaces made plain, for comparing names. */
function plain(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * How often the text names each authority, whole names only ("Nottingham"
 * is not counted inside "Nottinghamshire"), longest form first so that
 * "Nottingham City" counts once. Sorted, most named first.
 */
export function authorityMentions(text: string, list: AuthorityList): { name: string; count: number }[] {
  const owner = new Map<string, string>();
  for (const a of list.authorities) for (const f of a.forms) if (!owner.has(plain(f))) owner.set(plain(f), a.name);
  if (owner.size === 0) return [];
  const forms = [...owner.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\w-])(${forms.map(escapeRegExp).join('|')})(?![\\w-])`, 'g');
  const counts = new Map<string, number>();
  for (const m of plain(text).matchAll(re)) {
    const name = owner.get(m[1])!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The trust a title names ("Inspection of Bradford Children and Families Trust"), if the list knows it. */
export function trustInTitle(title: string, list: AuthorityList): { name: string; authorities: string[] } | undefined {
  const t = plain(title).toLowerCase();
  return list.trusts.find((tr) => t.includes(plain(tr.name).toLowerCase()));
}
