import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver/node';
import { carriesPorts, countPorts, fixAll, fixesFor, isAboutPorts, isSuppressionFix, showRanges, type Finding, type Fix, type NetworkRule, type Relint } from '../engine/index';
import {
  FIX_ALL_KIND,
  INSERT_SNIPPET_COMMAND,
  NARROW_PORTS_COMMAND,
  type InsertSnippetArgs,
  type NarrowPortsTarget,
} from '../shared/protocol';
import type { ClientSupport } from './capabilities';
import { toDiagnostic } from './diagnostics';
import type { LintSnapshot } from './documents';
import { diffAsEdit, toWorkspaceEdit } from './edits';

/** Whether a code action of `kind` was asked for; no `only` means the lightbulb's quick fixes. */
export function isWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/** Quick fixes for every finding that overlaps the range, each with the diagnostic it fixes. */
export function quickFixes(snapshot: LintSnapshot, range: Range, support: ClientSupport): CodeAction[] {
  const start = snapshot.lines.offsetAt(range.start);
  const end = snapshot.lines.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const finding of snapshot.result.findings) {
    if (finding.span.start > end || finding.span.end < start) continue;
    const diagnostic = toDiagnostic(finding, snapshot.uri, snapshot.lines, support);
    const action = (title: string, rest: Partial<CodeAction>): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...rest });
    let suppression: Fix | undefined;
    for (const fix of fixesFor(finding, snapshot.settings, snapshot.workloadPorts)) {
      if (isSuppressionFix(fix, finding)) suppression = fix;
      else actions.push(fixAction(snapshot, fix, support, action));
    }
    const narrow = narrowPortsTarget(snapshot, finding);
    if (narrow && support.clientCommands.has(NARROW_PORTS_COMMAND)) {
      actions.push(action('Narrow port range…', { command: { title: 'Narrow port range…', command: NARROW_PORTS_COMMAND, arguments: [narrow] } }));
    }
    if (suppression) actions.push(fixAction(snapshot, suppression, support, action));
  }
  return actions;
}

/**
 * A fix with a placeholder (an owner's name, a suppression's reason) becomes a snippet whose
 * first tab stop is the placeholder, where the client runs our snippet command; else a plain edit.
 */
function fixAction(snapshot: LintSnapshot, fix: Fix, support: ClientSupport, action: (title: string, rest: Partial<CodeAction>) => CodeAction): CodeAction {
  const preferred = fix.preferred ? { isPreferred: true } : {};
  const [edit] = fix.edits;
  if (!fix.placeholder || fix.edits.length !== 1 || !edit.newText.includes(fix.placeholder) || !support.clientCommands.has(INSERT_SNIPPET_COMMAND)) {
    return action(fix.title, { edit: toWorkspaceEdit(snapshot, fix.edits, support), ...preferred });
  }
  const start = snapshot.lines.positionAt(edit.span.start);
  const end = snapshot.lines.positionAt(edit.span.end);
  const args: InsertSnippetArgs = {
    uri: snapshot.uri,
    version: snapshot.version,
    line: start.line,
    character: start.character,
    endLine: end.line,
    endCharacter: end.character,
    snippet: placeholderSnippet(edit.newText, fix.placeholder),
  };
  return action(fix.title, { command: { title: fix.title, command: INSERT_SNIPPET_COMMAND, arguments: [args] }, ...preferred });
}

/** The text as a snippet: escaped, with the first occurrence of the placeholder as tab stop 1. */
export function placeholderSnippet(text: string, placeholder: string): string {
  const escape = (part: string) => part.replace(/[\\$}]/g, (char) => `\\${char}`);
  const at = text.indexOf(placeholder);
  if (at === -1) return escape(text);
  return `${escape(text.slice(0, at))}\${1:${escape(placeholder)}}${escape(text.slice(at + placeholder.length))}`;
}

/** What "Narrow port range…" needs to find the rule again, when the finding is about an editable range of ports. */
function narrowPortsTarget(snapshot: LintSnapshot, finding: Finding): NarrowPortsTarget | undefined {
  const rule: NetworkRule | undefined = finding.rule;
  if (!rule || !rule.ports.known || !carriesPorts(rule) || !isAboutPorts(finding, rule) || countPorts(rule.ports.value) < 2) return undefined;
  if (!rule.edit.setPorts([[443, 443]])) return undefined;
  return {
    uri: snapshot.uri,
    version: snapshot.version,
    ruleStart: rule.span.start,
    currentPorts: showRanges(rule.ports.value),
    acceptsList: rule.edit.setPorts([[80, 80], [443, 443]]) !== undefined,
  };
}

/** `source.fixAll.portwarden`: every preferred fix, as one edit; undefined when there is nothing to fix. */
export function fixAllAction(snapshot: LintSnapshot, relint: Relint, support: ClientSupport): CodeAction | undefined {
  const outcome = fixAll(snapshot, relint);
  // One pass's edits are exact and keep the cursor where it was; later passes edit text the
  // first pass wrote, so several passes become one edit spanning what changed.
  const whole = diffAsEdit(snapshot.text, outcome.text);
  const edits = outcome.passes === 1 ? outcome.firstPass : whole ? [whole] : [];
  if (edits.length === 0) return undefined;
  return { title: 'Fix all Port Warden problems in this file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(snapshot, edits, support) };
}
