/**
 * The scores below which the history shows nothing. Scores run higher with the
 * associates (expand.ts) than without, and a small history learns its
 * associates at a lower weight (expansionWeight); so each threshold was chosen
 * on the gold set's tuning pairs at both ends (the plain cosine: the first
 * round; full associates: the second; docs/history.md) and is read between the
 * two by the weight the index's model has.
 */
import { EXPANSION } from './expand';
import type { HistoryIndex } from './store';

export interface Threshold {
  /** With the plain cosine (no associates). */
  plain: number;
  /** With associates at full weight. */
  full: number;
}

/** A suggestion (hover, code lens, quick fix, `links`). */
export const SUGGESTION: Threshold = { plain: 0.2, full: 0.25 };
/** A recurring concern: about three in four flags right on the tuning pairs at either end. */
export const CONCERN: Threshold = { plain: 0.5, full: 0.6 };
/**
 * A draft finding listed as addressing an earlier improvement item: 0.35 however
 * small the history (the plain calibration's 0.2 listed findings a reader would
 * not call addressing the item, issue 12).
 */
export const FOLLOW_UP: Threshold = { plain: 0.35, full: 0.35 };

/** The threshold for the index's current model. */
export function thresholdFor(index: HistoryIndex, t: Threshold): number {
  const share = Math.max(0, Math.min(1, index.expansion().weight / EXPANSION));
  return Math.round((t.plain + (t.full - t.plain) * share) * 1000) / 1000;
}
