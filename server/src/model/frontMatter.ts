import type { Document, Node } from 'yaml';
import type { LineIndex } from '../core/lineIndex';
import { yaml } from '../core/yaml';
import { readSimpleFrontMatter } from './simpleFrontMatter';
import type { FrontMatter, FrontMatterEntry, ParseProblem } from './types';

/**
 * Finds the front matter block: a first line of exactly '---' and the next line
 * of '---' or '...'. Returns the number of lines it covers (0 when none).
 */
export function frontMatterLines(lines: LineIndex): { end: number } | undefined {
  if (lines.line(0).trimEnd() !== '---') return undefined;
  for (let n = 1; n < lines.lineCount; n++) {
    const l = lines.line(n).trimEnd();
    if (l === '---' || l === '...') return { end: n };
  }
  return undefined;
}

/** Reads the front matter. Broken YAML becomes problems; nothing throws. */
export function readFrontMatter(lines: LineIndex, problems: ParseProblem[]): FrontMatter | undefined {
  const fence = frontMatterLines(lines);
  if (!fence) {
    if (lines.line(0).trimEnd() === '---' && lines.lineCount > 1) {
      problems.push({
        ruleId: 'front-matter',
        message: "Front matter is not closed: add a line '---' after the last key.",
        span: lines.lineSpan(0),
      });
    }
    return undefined;
  }
  const contentStart = lines.lineStart(1);
  const contentEnd = fence.end > 1 ? lines.lineEnd(fence.end - 1) : contentStart;
  // The yaml package reads a lone '\r' as text and treats '\r\n' unlike '\n' in broken YAML: give it '\n' only,
  // and map its offsets back (`doc` adds one for each '\r\n' before an offset).
  const raw = lines.text.slice(contentStart, contentEnd);
  const yamlText = raw.replace(/\r\n?/g, '\n');
  const crlfAt: number[] = [];
  for (let i = 0, removed = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) === 13 && raw.charCodeAt(i + 1) === 10) crlfAt.push(i - removed++);
  }
  const doc0 = (o: number) => {
    let lo = 0;
    let hi = crlfAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (crlfAt[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return contentStart + o + lo;
  };
  const fm: FrontMatter = {
    span: { start: 0, end: lines.lineEnd(fence.end) },
    contentSpan: { start: contentStart, end: contentEnd },
    entries: new Map(),
    valid: true,
  };
  const simple = readSimpleFrontMatter(yamlText);
  if (simple) {
    for (const e of simple) {
      const keySpan = { start: doc0(e.keyStart), end: doc0(e.keyEnd) };
      fm.entries.set(e.key, { key: e.key, value: e.value, keySpan, valueSpan: { start: doc0(e.valueStart), end: doc0(e.valueEnd) } });
    }
    return fm;
  }
  const { isMap, isScalar, parseDocument } = yaml();
  let doc;
  try {
    doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    problems.push({ ruleId: 'front-matter', message: `Front matter cannot be read: ${(e as Error).message}`, span: fm.span });
    fm.valid = false;
    return fm;
  }
  const errorLines = new Set<number>();
  for (const err of doc.errors) {
    fm.valid = false;
    const at = doc0(Math.min(err.pos[0], yamlText.length));
    let line = lines.lineOf(at);
    // An unclosed quote is found at the end; report it on the line that opens it.
    if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) line = openingQuoteLine(lines, 1, line) ?? line;
    // One YAML mistake often yields several errors on its line: report the first.
    if (errorLines.has(line)) continue;
    errorLines.add(line);
    problems.push({
      ruleId: 'front-matter',
      message: `Front matter is not valid YAML: ${err.message.split('\n')[0]}`,
      span: lines.lineSpan(line),
    });
  }
  const contents = doc.contents;
  if (!isMap(contents)) {
    if (contents !== null && fm.valid) {
      problems.push({ ruleId: 'front-matter', message: 'Front matter must be a set of `key: value` lines.', span: fm.span });
      fm.valid = false;
    }
    return fm;
  }
  // Values come from one toJS call so that alias expansion is bounded (no "billion laughs").
  let values: Record<string, unknown> = {};
  try {
    const js = doc.toJS({ maxAliasCount: 50 }) as unknown;
    if (js && typeof js === 'object' && !Array.isArray(js)) values = js as Record<string, unknown>;
  } catch (e) {
    problems.push({ ruleId: 'front-matter', message: `Front matter cannot be read: ${(e as Error).message}`, span: fm.span });
    fm.valid = false;
  }
  // With a key given twice, toJS keeps the last value; the entry is the first, so read its value from its own node.
  const seen = new Map<string, number>();
  for (const pair of contents.items) if (isScalar(pair.key)) seen.set(String(pair.key.value), (seen.get(String(pair.key.value)) ?? 0) + 1);
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || keyNode.range === undefined || keyNode.range === null) continue;
    const key = String(keyNode.value);
    const valueNode = pair.value as Node | null;
    const keySpan = { start: doc0(keyNode.range[0]), end: doc0(keyNode.range[1]) };
    let value: unknown = null;
    let valueSpan = { start: keySpan.end, end: keySpan.end };
    if (valueNode) {
      value = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : null;
      if ((seen.get(key) ?? 0) > 1 && !fm.entries.has(key)) value = firstValue(valueNode, doc);
      if (valueNode.range) valueSpan = { start: doc0(valueNode.range[0]), end: doc0(valueNode.range[1]) };
    }
    const entry: FrontMatterEntry = { key, value, keySpan, valueSpan };
    if (fm.entries.has(key)) {
      problems.push({ ruleId: 'front-matter', message: `'${key}' is given twice in the front matter; the first is used.`, span: keySpan });
      continue;
    }
    fm.entries.set(key, entry);
  }
  return fm;
}

function firstValue(node: Node, doc: Document): unknown {
  try {
    return node.toJS(doc, { maxAliasCount: 50 }) as unknown;
  } catch {
    return null;
  }
}

/** The last line in [from, to] with an odd number of double (or single) quotes: where an unclosed quote opens. */
function openingQuoteLine(lines: LineIndex, from: number, to: number): number | undefined {
  for (let n = Math.min(to, lines.lineCount - 1); n >= from; n--) {
    const l = lines.line(n);
    if (((l.match(/"/g) ?? []).length % 2 === 1) || ((l.match(/(?<![A-Za-z])'|'(?![A-Za-z])/g) ?? []).length % 2 === 1)) return n;
  }
  return undefined;
}
