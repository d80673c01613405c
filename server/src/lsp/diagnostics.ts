import type { Diagnostic } from '../core/types';
import { lspDiagnostic } from './convert';
import { STATUS_NOTIFICATION, type StatusParams } from './protocol';
import type { Analysis, Session } from './session';


/**
 * Diagnostics as you type: each change restarts a per-document timer (the
 * debounce, 150 ms by default); when it fires, the document's current version is
 * checked. A run whose document changed while it waited for settings is dropped
 * (a newer run is already on its way), so stale results are never published.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, { cancel(): void }>();
  private readonly generation = new Map<string, number>();
  /** Files checked by "check workspace": on close they go back to their saved text's results. */
  readonly fromDisk = new Set<string>();
  /** What was last published for each open document, to skip refreshes that change nothing. */
  private readonly lastPublished = new Map<string, string>();

  constructor(private readonly session: Session, private readonly onPublished?: (a: Analysis, diagnostics: Diagnostic[]) => void) {}

  /** Checks after the document's debounce (0 for at once, as on open). */
  schedule(uri: string, delay?: number): void {
    this.cancel(uri);
    const ms = delay ?? this.session.debounceFor(uri, 150);
    const run = () => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    if (ms <= 0) {
      const h = setImmediate(run);
      this.timers.set(uri, { cancel: () => clearImmediate(h) });
    } else {
      const h = setTimeout(run, ms);
      this.timers.set(uri, { cancel: () => clearTimeout(h) });
    }
  }

  cancel(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
    // Any run already waiting for settings becomes stale.
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }

  /** Checks every open document again (settings changed). */
  all(): void {
    for (const doc of this.session.documents.all()) this.schedule(doc.uri, 0);
  }

  /**
   * Checks an open document again because something outside it changed (the
   * history): publishes only when its diagnostics differ from the last ones.
   */
  refresh(uri: string): void {
    if (this.timers.has(uri)) return; // a run is on its way anyway
    void this.run(uri, true);
  }

  async run(uri: string, onlyIfChanged = false): Promise<void> {
    const gen = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, gen);
    const doc = this.session.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    let ctx;
    try {
      ctx = await this.session.contextFor(uri);
    } catch (e) {
      this.session.log(`could not check ${uri}: ${(e as Error).message}`);
      return;
    }
    const now = this.session.documents.get(uri);
    if (this.generation.get(uri) !== gen || !now || now.version !== version) return; // stale
    let analysis;
    try {
      analysis = this.session.check(now, ctx);
    } catch (e) {
      // The core never throws; if it does, say so and keep serving.
      this.session.log(`internal error checking ${uri}: ${(e as Error).stack ?? e}`);
      return;
    }
    if (onlyIfChanged && this.lastPublished.get(uri) === signature(analysis.version, analysis.diagnostics)) return;
    this.publish(analysis, analysis.diagnostics);
  }

  /** Publishes one document's diagnostics; `version` undefined for a file that is not open. */
  publish(a: Pick<Analysis, 'uri' | 'model' | 'context'> & { version?: number }, diagnostics: Diagnostic[]): void {
    const { connection, client } = this.session;
    if (a.version !== undefined) {
      // The status goes first, so that an editor has it when the diagnostics arrive.
      const status: StatusParams = {
        uri: a.uri,
        version: a.version,
        isReport: a.model.isReport && a.context.client.enable,
        kind: a.model.kind,
        label: a.model.profile?.label,
        errors: diagnostics.filter((d) => d.severity === 'error').length,
        warnings: diagnostics.filter((d) => d.severity === 'warning').length,
        infos: diagnostics.filter((d) => d.severity === 'info').length,
      };
      void connection.sendNotification(STATUS_NOTIFICATION, status);
    }
    const opts = { relatedInformation: client.relatedInformation, data: this.session.data };
    void connection.sendDiagnostics({
      uri: a.uri,
      version: a.version,
      diagnostics: diagnostics.map((d) => lspDiagnostic(a.uri, a.model.lines, d, opts)),
    });
    if (a.version === undefined) return;
    this.lastPublished.set(a.uri, signature(a.version, diagnostics));
    this.onPublished?.(a as Analysis, diagnostics);
  }

  /** Clears a closed document's diagnostics. */
  clear(uri: string): void {
    this.cancel(uri);
    this.lastPublished.delete(uri);
    this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function signature(version: number, diagnostics: readonly Diagnostic[]): string {
  return `${version}|${diagnostics.map((d) => `${d.ruleId}:${d.severity}:${d.span.start}-${d.span.end}:${d.message}`).join('\n')}`;
}
