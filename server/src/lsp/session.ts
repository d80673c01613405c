import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { DiagnosticSeverity, TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkModel, type CheckOptions } from '../check';
import { SettingsFinder, type Settings } from '../config/find';
import { LineIndex } from '../core/lineIndex';
import type { Diagnostic } from '../core/types';
import { parseReport } from '../model/parse';
import type { ReportModel } from '../model/types';
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
  options: CheckOptions;
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
  /** Every diagnostic: the core rules' and the extra ones (the history's), sorted. */
  diagnostics?: Diagnostic[];
  /** The core rules' diagnostics (cached per version). */
  core?: Diagnostic[];
  /** The extra diagnostics last merged in (by identity). */
  extra?: Diagnostic[];
  context: DocContext;
}

/** Diagnostics beyond the core rules' (the history's), merged in by Session.check. Return the same array while nothing changed. */
export type ExtraDiagnostics = (a: Analysis, doc: TextDocument) => Diagnostic[];

const NONE: Diagnostic[] = [];

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

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
  private finder = new SettingsFinder();
  private clientSettings = new Map<string, Promise<ClientSettings>>();
  private cache = new Map<string, Analysis>();
  /** Settings files whose problems are shown as diagnostics on them. */
  private settingsProblemFiles = new Set<string>();
  /** The history's diagnostics (set by start.ts). */
  extraDiagnostics?: ExtraDiagnostics;
  /** Links in other reports that point into a document (set by start.ts, from the history). */
  inboundLinks?: (uri: string) => readonly InboundLink[];
  /** Called after settings are forgotten (the history re-reads its folders). */
  onInvalidate?: (reason: string) => void;

  constructor(readonly connection: Connection) {}

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** Forget settings (the editor's or the files'); every document is checked again by the caller. */
  invalidate(reason: string): void {
    this.epoch++;
    this.finder = new SettingsFinder();
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
    return { options: { profiles: settings.profiles, config }, settings, client, key };
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
   * The model and diagnostics of a document's current version: the core rules'
   * (once per version) merged with the extra ones (the history's, which change
   * when the history does). Disabled or too big: no diagnostics.
   */
  check(doc: TextDocument, ctx: DocContext): Analysis & { diagnostics: Diagnostic[] } {
    const a = this.parse(doc, ctx);
    const tooBig = doc.getText().length > (ctx.options.config?.maxFileSize ?? Infinity);
    if (!a.core) {
      if (tooBig && a.model.isReport) this.log(`${doc.uri}: larger than maxFileSize in .inspection-reports.yaml; not checked`);
      a.core = ctx.client.enable && !tooBig ? checkModel(a.model, ctx.options) : [];
    }
    let extra: Diagnostic[] = NONE;
    if (ctx.client.enable && !tooBig && a.model.isReport && this.extraDiagnostics) {
      try {
        extra = this.extraDiagnostics(a, doc);
      } catch (e) {
        this.log(`internal error in the history's diagnostics for ${doc.uri}: ${(e as Error).stack ?? e}`);
      }
    }
    if (!a.diagnostics || a.extra !== extra) {
      a.extra = extra;
      const inbound = this.inboundLinks;
      const core = inbound ? withInboundLinks(a.model, a.core, () => inbound(a.uri)) : a.core;
      a.diagnostics = extra.length === 0 ? core : [...core, ...extra].sort(byPosition);
    }
    return a as Analysis & { diagnostics: Diagnostic[] };
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
