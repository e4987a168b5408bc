/** A half-open range of UTF-16 offsets into the document text, as JS strings and LSP count them. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function spanOf(start: number, end: number): Span {
  return { start, end };
}

/** The smallest span that covers every given span. */
export function coverSpans(first: Span, ...rest: readonly Span[]): Span {
  let start = first.start;
  let end = first.end;
  for (const span of rest) {
    if (span.start < start) start = span.start;
    if (span.end > end) end = span.end;
  }
  return { start, end };
}

export function containsOffset(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** Line and character, both counted from 0, as LSP counts them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * Where each line starts: after `\n`, `\r\n` or a lone `\r`, as LSP counts lines. indexOf finds
 * the breaks far faster than a loop over every character (a lint builds several maps per file).
 */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      // Every \n before this \r is counted, so `lf` is the first one after it: `\r\n` ends its line at the \n.
      if (lf !== cr + 1) starts.push(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

/** Maps offsets to positions for one text; built once per document. */
export class LineMap {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStarts[position.line];
    const nextLineStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextLineStart));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** The text of one line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}
