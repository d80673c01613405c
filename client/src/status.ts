// The status bar item's words, kept apart from `vscode` so that a unit test can read them.
import type { HistoryStatus, StatusParams } from '../../server/src/lsp/protocol';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * The item's text: the kind, then errors and warnings, both always counted
 * ("focused-visit: 0 errors, 2 warnings"): a file with warnings never reads as
 * clean. Info is left to the tooltip.
 */
export function statusText(s: StatusParams): string {
  return `$(checklist) ${s.kind ?? 'report'}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
}

/** The tooltip: every count, and how much history the server holds. */
export function statusTooltip(s: StatusParams, history: HistoryStatus | undefined): string {
  const known = !history ? '' : history.state === 'loading' ? ' History: reading earlier reports…' : ` History: ${plural(history.reports, 'report')}.`;
  return `${s.label ?? s.kind ?? 'Report'}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info.${known} Click to open the Problems panel.`;
}
