import type { Diagnostic, Range, Span } from '../../core/types';
import type { ReportModel } from '../../model/types';
import { renumberIdMap } from './renumber';

/** A link in another document that points into this one (found by a front end that holds the other documents). */
export interface InboundLink {
  /** The other document. */
  uri: string;
  /** How to name it in a message: its file name. */
  label: string;
  /** The link's span and 0-based line in the other document. */
  span: Span;
  line: number;
  /** Its range in the other document (from that document's own lines). */
  range: Range;
  /** The finding id it points at ('para-16'). */
  fragment: string;
}

/**
 * Adds to paragraph-numbering's renumbering diagnostics one related line per
 * link in another document that points at a finding id renumbering would
 * change, and nothing for links that do not (issue 12 item 6, issue 13 class 8).
 * Pure: returns the same array when there is nothing to add; asks for the
 * links only when the document has a renumbering to offer.
 */
export function withInboundLinks(model: ReportModel, diagnostics: Diagnostic[], inbound: () => readonly InboundLink[]): Diagnostic[] {
  if (!diagnostics.some((d) => d.ruleId === 'paragraph-numbering' && d.fix)) return diagnostics;
  const idMap = renumberIdMap(model);
  if (idMap.size === 0) return diagnostics;
  const related = inbound()
    .filter((l) => idMap.has(l.fragment))
    .map((l) => ({
      message: `${l.label}:${l.line + 1} links to #${l.fragment}, which renumbering makes #${idMap.get(l.fragment)}: update the link.`,
      uri: l.uri,
      span: l.span,
      range: l.range,
    }));
  if (related.length === 0) return diagnostics;
  return diagnostics.map((d) => (d.ruleId === 'paragraph-numbering' && d.fix ? { ...d, related: [...(d.related ?? []), ...related] } : d));
}
