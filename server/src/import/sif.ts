/**
 * The layout of SIF reports (2013 to 2017) beyond what every report has: a
 * contents page, and a second part, the review of the Local Safeguarding
 * Children Board (LSCB), with its own executive summary, recommendations and
 * findings. The contents page is dropped; the LSCB review is kept as one
 * section (`lscb` in server/profiles/sif.yaml) whose own headings become
 * sub-headings, so they are not read as a second copy of the report's.
 */
import { iso, isValidIso } from '../core/dates';
import type { Catalog } from '../profiles/types';
import { importNamesFor } from './names';
import type { Block } from './render';

/** The part of a block of the document these passes read. */
export interface PagedItem {
  text: string;
  page?: number;
  heading?: 1 | 2;
}

/** A contents entry: a heading and its page number ("Executive summary 2"). */
const CONTENTS_ENTRY = /\s\d{1,3}$/;

/**
 * Drops the contents page: the "Contents" heading and what follows it on the
 * same page (PDF), or, without pages (text), the entries that end in a page
 * number and the wrapped lines between them.
 */
export function dropContents<T extends PagedItem>(items: T[]): T[] {
  // "Contents" alone, or run on into its first entry ("Contents Executive summary 2").
  const at = items.findIndex((it, k) => k < 60 && /^(Table of )?Contents(?:$|\s.*\s\d{1,3}$)/i.test(it.text.trim()));
  if (at < 0) return items;
  const page = items[at].page;
  let end = at + 1;
  if (page !== undefined) {
    while (end < items.length && items[end].page === page) end++;
  } else {
    for (let k = at + 1; k < items.length && k < at + 40; k++) {
      if (CONTENTS_ENTRY.test(items[k].text.trim())) end = k + 1;
      else if (k + 1 < items.length && CONTENTS_ENTRY.test(items[k + 1].text.trim()) && items[k].text.length < 120) continue;
      else break;
    }
  }
  return [...items.slice(0, at), ...items.slice(end)];
}

/** The heading that opens the LSCB review (as printed in the reports; no grade in it). */
const LSCB_PART = /^(?:Section 2:\s*)?(?:The\s+)?(?:effectiveness\s+(?:of\s+)?(?:the\s+)?)?(?:Local Safeguarding Children(?:’s|'s)? Board(?:\s+\(LSCB\))?|LSCB)$/i;
/** Headings after the review that belong to the whole report again. */
const AFTER_LSCB = /^(?:Information about this inspection|What the inspection judge?ments mean(?::\s*the local authority)?|Annex\b.*)$/i;

export function isLscbPart(text: string): boolean {
  return LSCB_PART.test(text.trim());
}


/**
 * Marks the LSCB review: its opening heading stays a section (`##`); every
 * heading inside it becomes a sub-heading (`###`) until a heading of the whole
 * report (information about the inspection, what the judgements mean).
 * The first opening heading after the report's first judgement section counts;
 * before any judgement section, the first after the judgement table. An
 * opening heading before the one that counts (the front page's statement of
 * the LSCB's grade, "The effectiveness of the LSCB" over "Requires
 * improvement.") is a paragraph, not a second LSCB part.
 */
export function nestLscbReview(blocks: Block[], catalog: Catalog): Block[] {
  // A judgement section's heading (a SIF judgement's name or section heading, judgements.yaml): the LSCB review comes after the first of them.
  const JUDGEMENT_SECTION = importNamesFor(catalog).sectionStart.get('sif') ?? /(?!)/;
  // The opening heading, or a paragraph of its words alone (printed in bold at the body's size).
  const words = (b: Block) => (b.t === 'heading' ? b.text : b.t === 'para' && b.lines.length === 1 ? b.lines[0] : undefined);
  const isOpening = (b: Block, k: number) => isLscbPart(words(b) ?? '') && blocks.slice(0, k).some((x) => x.t === 'table');
  const firstSection = blocks.findIndex((b) => b.t === 'heading' && JUDGEMENT_SECTION.test(b.text));
  let start = firstSection < 0 ? -1 : blocks.findIndex((b, k) => k > firstSection && isOpening(b, k));
  if (start < 0) start = blocks.findIndex((b, k) => isOpening(b, k));
  if (start < 0) return blocks;
  const out = blocks.map((b, k): Block => (k < start && isOpening(b, k) && b.t === 'heading' ? { t: 'para', lines: [b.text] } : b));
  if (out[start].t === 'para') out[start] = { t: 'heading', text: words(out[start])! };
  // 'lscb' inside the review; 'meaning' under "What the inspection judgements mean" (the local authority, the LSCB).
  let mode: 'lscb' | 'meaning' | 'none' = 'lscb';
  for (let k = start + 1; k < out.length; k++) {
    const b = out[k];
    if (b.t !== 'heading') continue;
    const text = b.text.trim();
    if (AFTER_LSCB.test(text) || (mode === 'lscb' && isLscbPart(text))) {
      mode = /^What the inspection judge?ments mean$/i.test(text) ? 'meaning' : 'none';
      continue;
    }
    if (mode !== 'none') out[k] = { ...b, level: 3 };
  }
  return out;
}

/** "Report published: 25/11/2016" as ISO. */
export function numericPublished(text: string): string | undefined {
  const m = /Published:?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\b/i.exec(text);
  if (!m) return undefined;
  const out = iso(+m[3], +m[2], +m[1]);
  return isValidIso(out) ? out : undefined;
}
