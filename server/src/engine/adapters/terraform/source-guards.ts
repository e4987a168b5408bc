import { flattenDeepNesting } from '../document/nesting';

/*
 * Texts that make tree-sitter's HCL parser slow, rewritten before it parses them. Every rewrite
 * keeps the length and the line breaks, so every offset and position stays where it is, and
 * changes nothing a reader of the tree sees as a value.
 */

/**
 * A run of spaces and tabs this long where code is written becomes a block comment. The HCL
 * grammar's external scanner skips white space and gives up, and the lexer tries again one
 * character further on: a run of n blanks before an expression costs n² (5,000 take a second,
 * 20,000 thirteen). A comment is read in one go.
 */
export const MAX_BLANK_RUN = 64;

/** The text tree-sitter parses in place of `text`; `text` itself when it holds nothing to guard against. */
export function guardedSource(text: string): string {
  return shortenBlankRuns(flattenDeepNesting(text, true));
}

/**
 * Each run of MAX_BLANK_RUN or more spaces and tabs in code (not in a string, a heredoc or a
 * comment, whose text is a value or already a comment) becomes `/*   *\/` of the same length.
 * Strings are followed as HCL writes them: `"` to `"` with backslash escapes (an interpolation's
 * own quotes come in pairs), heredocs from `<<EOT` to the line that ends them, `#` and `//` to the
 * end of the line.
 */
export function shortenBlankRuns(text: string): string {
  if (!/[ \t]{64}/.test(text)) return text;
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      i = endOfString(text, i + 1);
    } else if (char === '#' || (char === '/' && text[i + 1] === '/')) {
      i = endOfLine(text, i);
    } else if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (char === '<' && text[i + 1] === '<') {
      const heredoc = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      i = heredoc ? endOfHeredoc(text, i + heredoc[0].length, heredoc[1]) : i + 2;
    } else if (char === ' ' || char === '\t') {
      let end = i;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      if (end - i >= MAX_BLANK_RUN) {
        out.push(text.slice(copied, i), `/*${' '.repeat(end - i - 4)}*/`);
        copied = end;
      }
      i = end;
    } else {
      i++;
    }
  }
  out.push(text.slice(copied));
  return out.join('');
}

function endOfString(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"' || text[i] === '\n') return i + 1;
  }
  return text.length;
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end + 1;
}

function endOfHeredoc(text: string, from: number, identifier: string): number {
  const closing = new RegExp(`^[ \\t]*${identifier}[ \\t]*\\r?$`, 'm');
  const match = closing.exec(text.slice(from));
  return match ? from + match.index + match[0].length : text.length;
}
