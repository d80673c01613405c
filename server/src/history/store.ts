/**
 * The history index: every report handed to it, by document, with the
 * collection statistics the matching needs (similarity.ts). Pure: it takes {uri, text} and never
 * touches the file system (see load.ts for a loader). Incremental: upsert and
 * remove change one document's contribution to the statistics, nothing else.
 */
import { parseReport } from '../model/parse';
import type { ReportModel } from '../model/types';
import type { HistoryData } from '../profiles/data';
import type { Catalog, ProfileSet } from '../profiles/types';
import { abbreviationMap } from './abbreviations';
import { Analyser } from './analyse';
import { buildAssociations } from './associations';
import { expansionWeight, type ExpansionModel } from './expand';
import type { Stats } from './similarity';
import { extractReport, type ExtractedReport } from './extract';
import type { SynonymData } from './synonyms';
import type { HistoryDocument, HistoryReport, TermVector } from './types';
import { uriKey } from './uris';

export interface HistoryIndexOptions {
  /** The built-in data (io/builtinData.ts): its profiles and synonyms are the defaults. */
  data: Pick<HistoryData, 'profiles' | 'synonyms'>;
  /** Profiles to parse with; or per document with `profilesFor`. Default: the built-in ones. */
  profiles?: ProfileSet;
  profilesFor?: (uri: string) => ProfileSet;
  /** Synonyms, abbreviations, authority aliases. Default: the data's (server/profiles/synonyms.yaml). */
  synonyms?: SynonymData;
}

export class HistoryIndex implements Stats {
  readonly synonyms: SynonymData;
  readonly analyser: Analyser;
  private readonly profilesFor: (uri: string) => ProfileSet;
  private df = new Int32Array(1024);
  /** Scratch space for counting a finding's terms: counts by id, and the ids touched. */
  private scratch = new Uint32Array(1024);
  private findingCount = 0;
  private totalLength = 0;
  private readonly byKey = new Map<string, HistoryReport>();
  private readonly byAuthority = new Map<string, Set<HistoryReport>>();
  private readonly sortedCache = new Map<string, HistoryReport[]>();
  private versionCounter = 0;
  /** The last document that could not be read because of a bug in the history code, for diagnosis. */
  lastError?: { uri: string; message: string };
  private changes = 0;
  /** idf by term id, valid for generation `idfGeneration`. */
  private idfTable = new Float64Array(0);
  private idfGeneration = -1;
  /** The association model (expand.ts), the findings it was learnt from and the change it was made at. */
  private model?: ExpansionModel;
  private modelFindings = 0;
  private modelChanges = -1;

  constructor(options: HistoryIndexOptions) {
    this.synonyms = options.synonyms ?? options.data.synonyms;
    this.analyser = new Analyser(this.synonyms);
    const fixed = options.profiles ?? options.data.profiles;
    this.profilesFor = options.profilesFor ?? (() => fixed);
  }

  /** The judgement catalogue a document is read by (its profiles'). */
  catalogFor(uri: string): Catalog {
    return this.profilesFor(uri).catalog;
  }

  /** Changes with every add or remove: caches of anything derived from the statistics key on it. */
  get generation(): number {
    return this.changes;
  }

  /** Number of reports held. */
  get size(): number {
    return this.byKey.size;
  }

  get averageLength(): number {
    return this.findingCount > 0 ? this.totalLength / this.findingCount : 1;
  }

  /** Inverse document frequency (the smoothed form BM25 uses); findings are the documents. Tabled until the next change. */
  idf(term: number): number {
    if (this.idfGeneration !== this.changes) this.tableIdf();
    return term < this.idfTable.length ? this.idfTable[term] : this.computeIdf(term);
  }

  /** The idf of every term id below its length, for the current statistics (read, do not keep). */
  idfs(): Float64Array {
    if (this.idfGeneration !== this.changes) this.tableIdf();
    return this.idfTable;
  }

  private computeIdf(term: number): number {
    const n = term < this.df.length ? this.df[term] : 0;
    return Math.log(1 + (this.findingCount - n + 0.5) / (n + 0.5));
  }

  private tableIdf(): void {
    const size = this.analyser.size;
    if (this.idfTable.length < size) this.idfTable = new Float64Array(Math.max(size, this.idfTable.length * 2, 1024));
    for (let t = 0; t < this.idfTable.length; t++) this.idfTable[t] = this.computeIdf(t);
    this.idfGeneration = this.changes;
  }

  /**
   * The word associations and idf the ranking expands findings with
   * (associations.ts, expand.ts), learnt from the findings held. Made when first
   * asked for; made again only when the number of findings has moved by a tenth
   * (or the history is small enough to make it in a few milliseconds), so that
   * an edit to one report does not redo it and scores stay put while typing.
   */
  expansion(): ExpansionModel {
    const m = this.model;
    if (m && this.modelChanges === this.changes) return m;
    const moved = Math.abs(this.findingCount - this.modelFindings);
    if (m && this.findingCount >= SMALL_HISTORY && moved * 10 < this.modelFindings) return m;
    const vectors = [];
    for (const r of this.byKey.values()) for (const f of r.findings) vectors.push(f.vector);
    const terms = this.analyser.size;
    const idfs = this.idfs();
    const idf = new Float64Array(terms);
    for (let t = 0; t < terms; t++) idf[t] = t < idfs.length ? idfs[t] : this.computeIdf(t);
    const associations = buildAssociations(vectors, terms);
    this.model = {
      associations,
      weight: expansionWeight(associations.sample),
      idf,
      unseenIdf: Math.log(1 + (this.findingCount + 0.5) / 0.5),
      version: (m?.version ?? 0) + 1,
    };
    this.modelFindings = this.findingCount;
    this.modelChanges = this.changes;
    return this.model;
  }

  /** The stemmed word a term id stands for. */
  term(id: number): string {
    return this.analyser.term(id);
  }

  /**
   * Reads a document and keeps it, replacing what the index held for the same
   * uri. Returns the report, or undefined when the text is not a report (any
   * earlier version is then dropped). `model`: the document already parsed
   * (the language server's), to save parsing it again.
   */
  upsert(doc: HistoryDocument, model?: ReportModel): HistoryReport | undefined {
    const report = this.prepare(doc, model);
    this.removeKey(uriKey(doc.uri));
    if (!report) return undefined;
    this.add(report);
    return report;
  }

  /**
   * Reads a document without keeping it: for a draft that is not part of the
   * history. Its findings' terms are counted against the index's statistics.
   */
  prepare(doc: HistoryDocument, parsed?: ReportModel): HistoryReport | undefined {
    try {
      const model = parsed && parsed.text === doc.text ? parsed : parseReport(doc.text, doc.uri, this.profilesFor(doc.uri));
      const extracted = extractReport(model, this.synonyms.authorities, this.profilesFor(doc.uri).catalog);
      return extracted ? this.vectorise(extracted) : undefined;
    } catch (e) {
      // Nothing here should throw; if it does, one bad file must not stop the index.
      this.lastError = { uri: doc.uri, message: (e as Error)?.message ?? String(e) };
      return undefined;
    }
  }

  remove(uri: string): boolean {
    return this.removeKey(uriKey(uri));
  }

  /** A file was renamed: same report, new uri. Returns false when the old uri was not held. */
  rename(oldUri: string, newUri: string): boolean {
    const report = this.byKey.get(uriKey(oldUri));
    if (!report) return false;
    this.removeKey(report.key);
    this.removeKey(uriKey(newUri));
    this.add({ ...report, uri: newUri, key: uriKey(newUri), version: ++this.versionCounter });
    return true;
  }

  get(uri: string): HistoryReport | undefined {
    return this.byKey.get(uriKey(uri));
  }

  /** By key as made by uriKey (resolved link targets). */
  getByKey(key: string): HistoryReport | undefined {
    return this.byKey.get(key);
  }

  reports(): IterableIterator<HistoryReport> {
    return this.byKey.values();
  }

  /** The reports about one authority, oldest first (undated last). */
  forAuthority(authorityKey: string | undefined): readonly HistoryReport[] {
    if (!authorityKey) return [];
    let sorted = this.sortedCache.get(authorityKey);
    if (!sorted) {
      sorted = [...(this.byAuthority.get(authorityKey) ?? [])].sort(byDate);
      this.sortedCache.set(authorityKey, sorted);
    }
    return sorted;
  }

  /**
   * The reports dated before `report` about the same authority, oldest first.
   * Dated by publication, else meeting date, else inspection start; an undated
   * report sees every dated one as earlier.
   */
  earlier(report: HistoryReport): HistoryReport[] {
    return this.forAuthority(report.authorityKey).filter((r) =>
      r.key !== report.key && r.date !== undefined && (report.date === undefined || r.date < report.date) &&
      !(r.kind === report.kind && r.inspection && report.inspection && r.inspection.start === report.inspection.start));
  }

  /** Counts of what is held, for the benchmark and the status bar. */
  stats(): { reports: number; findings: number; terms: number; authorities: number } {
    return { reports: this.byKey.size, findings: this.findingCount, terms: this.analyser.size, authorities: this.byAuthority.size };
  }

  /** The terms of any text, analysed as if it were written in `report` (its abbreviations, its authority's name). */
  vectorFor(text: string, report?: Pick<HistoryReport, 'abbreviations' | 'authorityKey'>): TermVector {
    const own = report ? abbreviationMap(report.abbreviations) : undefined;
    return this.toVector(this.analyser.termIds(text, own), this.authorityTerms(report?.authorityKey));
  }

  private vectorise(r: ExtractedReport): HistoryReport {
    const own = abbreviationMap(r.abbreviations);
    const drop = this.authorityTerms(r.authorityKey);
    const findings = r.findings.map((f) => ({ ...f, vector: this.toVector(this.analyser.termIds(f.text, own), drop) }));
    return { ...r, findings, version: ++this.versionCounter };
  }

  /**
   * The words of the report's own authority ("Essex", "Nottingham"): every
   * report of an authority names it here and there, so they would tie findings
   * together that share nothing but the place. They are not counted.
   */
  private authorityTerms(authorityKey: string | undefined): ReadonlySet<number> | undefined {
    if (!authorityKey) return undefined;
    const drop = new Set(this.analyser.termIds(authorityKey));
    return drop.size > 0 ? drop : undefined;
  }

  private toVector(all: number[], drop?: ReadonlySet<number>): TermVector {
    const ids = drop ? all.filter((id) => !drop.has(id)) : all;
    if (this.scratch.length < this.analyser.size) {
      let size = this.scratch.length;
      while (size < this.analyser.size) size *= 2;
      this.scratch = new Uint32Array(size);
    }
    const counts = this.scratch;
    const touched: number[] = [];
    for (const id of ids) {
      if (counts[id] === 0) touched.push(id);
      counts[id]++;
    }
    const terms = Uint32Array.from(touched).sort();
    const tfs = new Uint16Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      tfs[i] = Math.min(65535, counts[terms[i]]);
      counts[terms[i]] = 0;
    }
    return { terms, tfs, length: ids.length };
  }

  private add(report: HistoryReport): void {
    this.changes++;
    this.byKey.set(report.key, report);
    for (const f of report.findings) this.count(f.vector, +1);
    if (report.authorityKey) {
      let set = this.byAuthority.get(report.authorityKey);
      if (!set) this.byAuthority.set(report.authorityKey, (set = new Set()));
      set.add(report);
      this.sortedCache.delete(report.authorityKey);
    }
  }

  private removeKey(key: string): boolean {
    const old = this.byKey.get(key);
    if (!old) return false;
    this.changes++;
    this.byKey.delete(key);
    for (const f of old.findings) this.count(f.vector, -1);
    if (old.authorityKey) {
      const set = this.byAuthority.get(old.authorityKey);
      set?.delete(old);
      if (set && set.size === 0) this.byAuthority.delete(old.authorityKey);
      this.sortedCache.delete(old.authorityKey);
    }
    return true;
  }

  private count(v: TermVector, sign: 1 | -1): void {
    this.findingCount += sign;
    this.totalLength += sign * v.length;
    const max = v.terms.length > 0 ? v.terms[v.terms.length - 1] : 0;
    if (max >= this.df.length) {
      let size = this.df.length;
      while (size <= max) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.df);
      this.df = grown;
    }
    for (let i = 0; i < v.terms.length; i++) this.df[v.terms[i]] += sign;
  }
}

/** Below this many findings the association model is cheap enough to make again after every change. */
const SMALL_HISTORY = 2000;

function byDate(a: HistoryReport, b: HistoryReport): number {
  const x = a.date ?? '9999';
  const y = b.date ?? '9999';
  return x < y ? -1 : x > y ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
