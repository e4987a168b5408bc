import type { Node } from 'web-tree-sitter';
import type { HclBlock } from './hcl';
import { readTopLevelBlocks } from './hcl';
import { parseHcl } from './parser';

/** Keywords that start a top-level Terraform block when written at the start of a line. */
const BLOCK_START = /^(?:resource|data|module|variable|output|locals|provider|terraform|moved|import|check|removed)\b/gm;

/** Enough for several broken blocks in one file; each round costs one parse. */
const MAX_ROUNDS = 8;

function segmentStarts(text: string): number[] {
  return [...text.matchAll(BLOCK_START)].map((match) => match.index ?? 0);
}

/**
 * Where to start blanking: the first top-level node with an error that runs over the start of a
 * later block. That is the start of its line-start segment, unless a complete node ends in the
 * segment before the error (a stray character such as a NUL after a closed block): then the error
 * itself, so that the complete block is kept.
 */
function firstSwallowingStart(root: Node, starts: readonly number[]): number | undefined {
  const body = root.namedChildren.find((child): child is Node => child !== null && child.type === 'body');
  const candidates = [...(body?.namedChildren ?? []), ...root.namedChildren].filter((node): node is Node => node !== null && node.type !== 'body');
  const swallowing = candidates
    .filter((node) => node.hasError || node.isError)
    .sort((a, b) => a.startIndex - b.startIndex)
    .find((node) => starts.some((start) => start > node.startIndex && start < node.endIndex));
  if (!swallowing) return undefined;
  const at = swallowing.startIndex;
  const segmentStart = Math.min(at, starts.filter((start) => start <= at).at(-1) ?? at);
  const keepsCompleteNode = candidates.some((node) => !node.hasError && !node.isError && node.startIndex >= segmentStart && node.endIndex <= at);
  return keepsCompleteNode ? at : segmentStart;
}

/** Same length, same line breaks: every offset after the blanked part stays where it was. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/**
 * tree-sitter's error recovery can let one broken block (`x =` before `}`, an unterminated
 * string) swallow every block after it. When that happens, the broken block's lines are blanked
 * and the text parsed again, so the blocks after it are read as written. Returns undefined when
 * no block was swallowed (the first parse stands).
 */
export function recoverSwallowedBlocks(text: string, root: Node): HclBlock[] | undefined {
  const starts = segmentStarts(text);
  let brokenAt = firstSwallowingStart(root, starts);
  if (brokenAt === undefined) return undefined;
  let current = text;
  for (let round = 1; brokenAt !== undefined; round++) {
    const from = brokenAt;
    // Blank from there to the next block start.
    const to = starts.find((start) => start > from) ?? text.length;
    current = blank(current, from, to);
    const tree = parseHcl(current);
    try {
      brokenAt = firstSwallowingStart(tree.rootNode, starts);
      if (brokenAt === undefined || round >= MAX_ROUNDS) return readTopLevelBlocks(tree.rootNode);
    } finally {
      tree.delete();
    }
  }
  return undefined;
}
