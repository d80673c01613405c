import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument, type CheckOptions } from '../check';
import { SettingsFinder, type Settings } from '../config/find';
import { LineIndex } from '../core/lineIndex';
import type { Diagnostic } from '../core/types';
import { pathToUri, uriToPath } from '../history/roots';
import { nodeSettingsFiles } from '../io/files';
import type { HistoryData } from '../profiles/data';
import type { ProfileSet } from '../profiles/types';
import { parseReport } from '../model/parse';
import type { ReportModel } from '../model/types';
import type { HistoryContext } from '../rules/types';
import { defaultClientSettings, mergeConfig, readClientSettings, type ClientSettings } from './settings';
import { withInboundLinks, type InboundLink } from '../rules/shared/renumberLinks';

export const SECTION = 'inspectionReports';

/** What the server knows about the editor it talks to. */
export interface ClientInfo {
  /** Pulls settings with workspace/configuration. */
  configuration: boolean;
  versionedEdits: boolean;
  relatedInformation: boolean;
  codeActionResolve: boolean;
  codeActionLiterals: boolean;
  snippets: boolean;
  workDoneProgress: boolean;
  watchDynamic: boolean;
  configurationDynamic: boolean;
  /** File watchers may be relative patterns (folders outside the workspace). */
  relativePatterns?: boolean;
  /** The editor can be asked to fetch code lenses again (workspace/codeLens/refresh). */
  codeLensRefresh?: boolean;
}

/** Everything a check of one document needs. */
export interface DocContext {
  /** The check's options; `profiles` are the document's (its settings' kinds merged in). */
  options: CheckOptions & { profiles: ProfileSet };
  settings: Settings;
  client: ClientSettings;
  /** Changes whenever something that affects results changes. */
  key: string;
}

/** A document parsed (and maybe checked) at one version under one context. */
export interface Analysis {
  uri: string;
  version: number;
  key: string;
  model: ReportModel;
  /** Every diagnostic of every rule, from the one pipeline (check.ts), sorted. */
  diagnostics?: Diagnostic[];
  /** The history's stamp the diagnostics were computed under ('' without a history). */
  historyStamp?: string;
  context: DocContext;
}

/**
 * The history for a document (checkDocument's `history`) and a stamp that changes
 * when it may answer differently; `doc` for an open document, none for a file on disk.
 */
export type HistoryProvider = (uri: string, model: ReportModel, ctx: DocContext, doc?: TextDocument) => { context: HistoryContext; stamp: string } | undefined;

export { pathToUri, uriToPath };

/**
 * The server's state: open documents, the settings finder, the editor's settings
 * (per document), and a cache of the last analysis of each document.
 */
export class Session {
  readonly documents = new TextDocuments(TextDocument);
  client: ClientInfo = {
    configuration: false, versionedEdits: false, relatedInformation: false, codeActionResolve: false,
    codeActionLiterals: true, snippets: false, workDoneProgress: false, watchDynamic: false, configurationDynamic: false,
  };
  roots: string[] = [];
  /** Settings pushed with workspace/didChangeConfiguration (editors that cannot be asked). */
  pushed: ClientSettings = defaultClientSettings();
  /** Counts settings changes: part of every cache key. */
  private epoch = 0;
  private finder: SettingsFinder;
  private clientSettings = new Map<string, Promise<ClientSettings>>();
  private cache = new Map<string, Analysis>();
  /** Settings files whose problems are shown as diagnostics on them. */
  private settingsProblemFiles = new Set<string>();
  /** The history the rules that need it read (set by start.ts). */
  historyFor?: HistoryProvider;
  /** Waits until the history has looked up a document's links (set by start.ts). */
  settleHistory?: (uri: string, model: ReportModel) => Promise<void>;
  /** Links in other reports that point into a document (set by start.ts, from the history). */
  inboundLinks?: (uri: string) => readonly InboundLink[];
  /** Called after settings are forgotten (the history re-reads its folders). */
  onInvalidate?: (reason: string) => void;

  constructor(readonly connection: Connection, readonly data: HistoryData) {
    this.finder = new SettingsFinder(data, nodeSettingsFiles);
  }

  /** The settings finder in use (made afresh when settings change). */
  get settingsFinder(): SettingsFinder {
    return this.finder;
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** Forget settings (the editor's or the files'); every document is checked again by the caller. */
  invalidate(reason: string): void {
    this.epoch++;
    this.finder = new SettingsFinder(this.data, nodeSettingsFiles);
    this.clientSettings.clear();
    this.known.clear();
    this.cache.clear();
    for (const file of this.settingsProblemFiles) this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
    this.settingsProblemFiles.clear();
    this.log(`settings changed (${reason}): checking open reports again`);
    this.onInvalidate?.(reason);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.clientSettings.delete(uri);
    this.known.delete(uri);
  }

  rootFor(file: string | undefined): string | undefined {
    if (!file) return this.roots[0];
    const sorted = [...this.roots].sort((a, b) => b.length - a.length);
    return sorted.find((r) => file === r || file.startsWith(r.endsWith(path.sep) ? r : r + path.sep)) ?? this.roots[0];
  }

  async settingsFor(uri: string): Promise<ClientSettings> {
    if (!this.client.configuration) return this.pushed;
    let p = this.clientSettings.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(
        (raw: unknown) => {
          const problems: string[] = [];
          const s = readClientSettings(raw, problems);
          for (const m of problems) this.log(`settings: ${m}`);
          return s;
        },
        (e: unknown) => {
          this.log(`settings could not be read from the editor (${(e as Error).message}); defaults used`);
          return defaultClientSettings();
        },
      );
      this.clientSettings.set(uri, p);
    }
    return p;
  }

  /** The editor's debounce for a document, without waiting when it is not known yet. */
  debounceFor(uri: string, fallback: number): number {
    return this.known.get(uri)?.debounce ?? (this.client.configuration ? fallback : this.pushed.debounce);
  }

  private known = new Map<string, ClientSettings>();

  /**
   * The context to check a document in. `scope` is the URI the editor's settings
   * are asked for (the document's own by default; a folder's for a workspace check).
   */
  async contextFor(uri: string, scope = uri): Promise<DocContext> {
    const client = await this.settingsFor(scope);
    if (scope === uri) this.known.set(uri, client);
    const file = uriToPath(uri);
    const root = this.rootFor(file);
    const settings = file ? this.finder.forDocument(file) : root ? this.finder.forDocument(path.join(root, 'untitled.md')) : this.finder.forDocument(path.join(process.cwd(), 'untitled.md'));
    if (settings.file && settings.problems.length > 0 && !this.settingsProblemFiles.has(settings.file)) this.showSettingsProblems(settings);
    const config = mergeConfig(settings.config, client, root);
    const key = `${this.epoch}|${settings.file ?? ''}|${JSON.stringify(client)}`;
    return { options: { data: this.data, profiles: settings.profiles, config }, settings, client, key };
  }

  private showSettingsProblems(settings: Settings): void {
    const file = settings.file!;
    this.settingsProblemFiles.add(file);
    let lines: LineIndex | undefined;
    try {
      lines = new LineIndex(fs.readFileSync(file, 'utf8'));
    } catch {
      lines = undefined;
    }
    const diagnostics = settings.problems.map((p) => {
      const pos = lines && p.offset !== undefined ? lines.position(p.offset) : { line: 0, character: 0 };
      this.log(`${file}: settings problem: ${p.message} (defaults used)`);
      return { range: { start: pos, end: pos }, severity: DiagnosticSeverity.Warning, source: 'inspection-reports', message: `${p.message} (defaults used)` };
    });
    this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
  }

  /** The model of a document's current version (parsed once per version). */
  parse(doc: TextDocument, ctx: DocContext): Analysis {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version && cached.key === ctx.key) return cached;
    const model = parseReport(doc.getText(), doc.uri, ctx.options.profiles);
    const a: Analysis = { uri: doc.uri, version: doc.version, key: ctx.key, model, context: ctx };
    this.cache.set(doc.uri, a);
    return a;
  }

  /**
   * The model and diagnostics of a document's current version: every rule, the
   * history's included, through the one pipeline (checkDocument), again when the
   * version, the settings or the history change. Disabled or too big: none.
   */
  check(doc: TextDocument, ctx: DocContext): Analysis & { diagnostics: Diagnostic[] } {
    const a = this.parse(doc, ctx);
    const tooBig = doc.getText().length > (ctx.options.config?.maxFileSize ?? Infinity);
    const enabled = ctx.client.enable && !tooBig;
    let history: ReturnType<HistoryProvider>;
    if (enabled && a.model.isReport && this.historyFor) {
      try {
        history = this.historyFor(a.uri, a.model, ctx, doc);
      } catch (e) {
        this.log(`internal error reading the history for ${doc.uri}: ${(e as Error).stack ?? e}`);
      }
    }
    const stamp = history?.stamp ?? '';
    if (!a.diagnostics || a.historyStamp !== stamp) {
      if (!a.diagnostics && tooBig && a.model.isReport) this.log(`${doc.uri}: larger than maxFileSize in .inspection-reports.yaml; not checked`);
      a.historyStamp = stamp;
      const checked = enabled ? checkDocument(a.model, { ...ctx.options, history: history?.context }) : [];
      const inbound = this.inboundLinks;
      a.diagnostics = inbound && checked.length > 0 ? withInboundLinks(a.model, checked, () => inbound(a.uri)) : checked;
    }
    return a as Analysis & { diagnostics: Diagnostic[] };
  }

  /** Checks a file that is not open (its text read from disk), with its history, through the same pipeline. */
  async checkClosed(uri: string, text: string, ctx: DocContext): Promise<{ model: ReportModel; diagnostics: Diagnostic[] }> {
    const model = parseReport(text, uri, ctx.options.profiles);
    if (!model.isReport || !ctx.client.enable) return { model, diagnostics: [] };
    let history: ReturnType<HistoryProvider>;
    try {
      // Its links looked up first: a closed file is not checked again when the answers come.
      await this.settleHistory?.(uri, model);
      history = this.historyFor?.(uri, model, ctx);
    } catch (e) {
      this.log(`internal error reading the history for ${uri}: ${(e as Error).stack ?? e}`);
    }
    return { model, diagnostics: checkDocument(model, { ...ctx.options, history: history?.context }) };
  }

  /** Convenience for request handlers: the document and its context, or undefined when it is not open. */
  async analyse(uri: string): Promise<(Analysis & { diagnostics: Diagnostic[]; doc: TextDocument }) | undefined> {
    const first = this.documents.get(uri);
    if (!first) return undefined;
    const ctx = await this.contextFor(uri);
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    return { ...this.check(doc, ctx), doc };
  }
}
