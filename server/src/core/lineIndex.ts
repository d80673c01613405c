import type { Position, Range, Span } from './types';

/**
 * Maps offsets to 0-based line/character positions and back. Treats "\r\n",
 * "\r" and "\n" each as one line break, as CommonMark (and markdown-it) do, so
 * that markdown-it's line maps index the same lines.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];
  /** Offset at which each line's content ends (before its line break). */
  readonly ends: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        ends.push(i);
        starts.push(i + 1);
      } else if (c === 13 /* \r */) {
        ends.push(i);
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of a line without its line break; '' outside the document. */
  line(n: number): string {
    if (n < 0 || n >= this.starts.length) return '';
    return this.text.slice(this.starts[n], this.ends[n]);
  }

  lineStart(n: number): number {
    if (n <= 0) return 0;
    if (n >= this.starts.length) return this.text.length;
    return this.starts[n];
  }

  lineEnd(n: number): number {
    if (n < 0) return 0;
    if (n >= this.ends.length) return this.text.length;
    return this.ends[n];
  }

  /** Span of a whole line's content. */
  lineSpan(n: number): Span {
    return { start: this.lineStart(n), end: this.lineEnd(n) };
  }

  lineOf(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    // An offset inside a "\r\n" pair is clamped to the end of the line.
    const character = Math.min(o, this.ends[line]) - this.starts[line];
    return { line, character };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.ends[pos.line]);
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }
}
