/** Brackets nested deeper than this are not infrastructure code; parsers take seconds over 100,000 of them, or overflow the stack. */
export const MAX_NESTING = 1000;

/**
 * The text with everything nested deeper than MAX_NESTING brackets (`[`, `{`, `(`) blanked, line
 * breaks kept, so that every offset and position stays where it is and parsing stays fast; the
 * text itself when nothing is that deep. Brackets are counted wherever they are (a string's too):
 * only a text with a thousand unclosed brackets is changed. The blanked part reads as an empty or
 * too deep collection, never as a value. With `asComment` (HCL, JSON with comments) the blanked
 * part is written as a block comment, which a parser reads in one go: tree-sitter's HCL scanner
 * takes time quadratic in a run of white space.
 */
export function flattenDeepNesting(text: string, asComment = false): string {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length && deepest <= MAX_NESTING; i++) {
    const code = text.charCodeAt(i);
    if (isOpener(code)) deepest = Math.max(deepest, ++depth);
    else if (isCloser(code) && depth > 0) depth--;
  }
  if (deepest <= MAX_NESTING) return text;
  const out: string[] = [];
  let start = 0;
  depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isOpener(code)) {
      if (++depth === MAX_NESTING + 1) {
        out.push(text.slice(start, i));
        start = i;
      }
    } else if (isCloser(code) && depth > 0) {
      if (depth-- === MAX_NESTING + 1) {
        out.push(blank(text.slice(start, i + 1), asComment));
        start = i + 1;
      }
    }
  }
  const rest = text.slice(start);
  out.push(depth > MAX_NESTING ? blank(rest, asComment) : rest);
  return out.join('');
}

function isOpener(code: number): boolean {
  return code === 0x5b || code === 0x7b || code === 0x28;
}

function isCloser(code: number): boolean {
  return code === 0x5d || code === 0x7d || code === 0x29;
}

function blank(text: string, asComment: boolean): string {
  const spaces = text.replace(/[^\r\n]/g, ' ');
  return asComment && spaces.length >= 4 && !spaces.startsWith('\r') && !spaces.endsWith('\n') && !spaces.endsWith('\r') ? `/*${spaces.slice(2, -2)}*/` : spaces;
}
