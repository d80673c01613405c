/**
 * Which authority a report is about. Names are written many ways: "Nottingham
 * City Council", "Nottingham", "Nottingham City local authority children's
 * services", the slug "nottingham". They are reduced to one key by taking off
 * the prefixes and suffixes that name the kind of council; the keys are then
 * compared whole, never by prefix: "Nottinghamshire County Council" has the
 * key "nottinghamshire" and is another authority (dialect.md, "Front matter").
 */

/** Taken off the front, repeatedly. Longest first. */
const PREFIXES = [
  'inspection of ',
  'the ',
  'council of the ',
  'london borough of ',
  'royal borough of ',
  'metropolitan borough of ',
  'city and county of ',
  'borough of ',
  'county of ',
  'city of ',
  'county ', // "County Durham"
];

/** Taken off the end, repeatedly. Longest first (the list is sorted below). */
const SUFFIXES = [
  "local authority children's services",
  "local authority childrens services",
  "children's social care services",
  "children's social care",
  "children's services",
  "childrens services",
  "children's trust",
  'local authority',
  'metropolitan borough council',
  'metropolitan district council',
  'metropolitan council',
  'borough council',
  'district council',
  'county council',
  'city council',
  'unitary authority',
  'metropolitan borough',
  'metropolitan district',
  'council',
  'corporation',
  ', city of',
  ', county of',
  'city of',
  'county of',
  'district',
  'borough',
  'city',
  'county',
].sort((a, b) => b.length - a.length);

/** Keys that keep a prefix because without it they would name something else. */
const KEEP_WHOLE = new Set(['city of london']);

/** Lower case, straight apostrophes, '&' as 'and', hyphens and full stops as spaces, no accents. */
function clean(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[-\u2010-\u2015_/.]+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key an authority's name is compared by, or undefined for a blank name.
 * `aliases` maps keys to the key they stand for ('hull' -> 'kingston upon hull');
 * it comes from server/profiles/synonyms.yaml.
 */
export function authorityKey(name: unknown, aliases?: ReadonlyMap<string, string>): string | undefined {
  if (typeof name !== 'string') return undefined;
  let s = clean(name);
  if (!s) return undefined;
  // Suffixes first, so that "City of London Corporation" is seen whole before "city of " goes.
  for (let changed = true; changed && !KEEP_WHOLE.has(s);) {
    changed = false;
    for (const x of SUFFIXES) {
      // Whole words only: "Scarborough" does not end in the word "borough".
      const before = s.charAt(s.length - x.length - 1);
      if (s.endsWith(x) && s.length > x.length && (x.startsWith(',') || before === ' ' || before === ',')) {
        const rest = s.slice(0, s.length - x.length).replace(/[\s,]+$/, '');
        if (!rest) continue;
        s = rest;
        changed = true;
        break;
      }
    }
    if (changed || KEEP_WHOLE.has(s)) continue;
    for (const p of PREFIXES) {
      if (s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length).trim();
        changed = true;
        break;
      }
    }
  }
  s = s.replace(/'/g, '').replace(/,/g, '').replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  return aliases?.get(s) ?? s;
}

/** Whether two names are the same authority. Blank names are never the same. */
export function sameAuthority(a: unknown, b: unknown, aliases?: ReadonlyMap<string, string>): boolean {
  const ka = authorityKey(a, aliases);
  return ka !== undefined && ka === authorityKey(b, aliases);
}

/** Builds the alias map from data: each entry lists names of one authority, the first is the key kept. */
export function authorityAliases(groups: readonly (readonly string[])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const g of groups) {
    const keys = g.map((n) => authorityKey(n)).filter((k): k is string => !!k);
    if (keys.length < 2) continue;
    for (const k of keys.slice(1)) if (k !== keys[0]) map.set(k, keys[0]);
  }
  return map;
}

/**
 * The authority named by a title such as "Inspection of Nottingham City local
 * authority children's services" or "Focused visit to Nottinghamshire County
 * Council children's services", for reports without `authority:`.
 */
export function authorityFromTitle(title: string): string | undefined {
  const t = title.replace(/\s+/g, ' ').trim();
  const m = /^(?:inspection of|focused visit to|monitoring visit to|monitoring visit of)\s+(.+)$/i.exec(t);
  if (!m) return undefined;
  return m[1];
}
