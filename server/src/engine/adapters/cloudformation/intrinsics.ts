import { LineMap } from '../../model/span';
import { fullSpan, textOf, type ScalarNode, type TreeNode } from '../document/tree';
import type { Template } from './template';

/** An intrinsic function call, in short (`!Ref X`) or long (`{ "Ref": "X" }`) form. */
export interface Intrinsic {
  /** `Ref`, `Fn::GetAtt`, `Fn::Sub`, ... */
  readonly name: string;
  readonly argument: TreeNode | undefined;
}

export function intrinsicOf(node: TreeNode | undefined): Intrinsic | undefined {
  if (!node) return undefined;
  if (node.tag) {
    const short = node.tag.name.slice(1);
    return { name: short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`, argument: node };
  }
  if (node.kind === 'map' && node.entries.length === 1) {
    const [entry] = node.entries;
    if (entry.key === 'Ref' || entry.key === 'Condition' || entry.key.startsWith('Fn::')) return { name: entry.key, argument: entry.value };
  }
  return undefined;
}

/** How an intrinsic reads in a message: `!Ref AdminCidr`, `!GetAtt Web.GroupId`. */
function showIntrinsic(intrinsic: Intrinsic): string {
  const short = intrinsic.name.replace(/^Fn::/, '');
  const argument = intrinsic.argument;
  const text = argument?.kind === 'scalar' ? textOf({ ...argument, tag: undefined }) : undefined;
  if (text !== undefined) return `!${short} ${text}`;
  if (argument?.kind === 'seq') {
    const parts = argument.items.map((item) => textOf(item));
    if (short === 'GetAtt' && parts.every((part) => part !== undefined)) return `!GetAtt ${parts.join('.')}`;
  }
  return `!${short} ...`;
}

/** A value read from a template: a literal scalar, a parameter's default, or something only a stack knows. */
export type Resolved =
  | { readonly kind: 'literal'; readonly node: ScalarNode }
  /** `!Ref Param` with a `Default`: the value, read where the default is written. */
  | { readonly kind: 'default'; readonly node: ScalarNode; readonly origin: string }
  /** `!Ref LogicalId` or `!GetAtt LogicalId.Attr` of a resource in this template. */
  | { readonly kind: 'resource'; readonly logicalId: string; readonly text: string }
  | { readonly kind: 'unknown'; readonly why: string };

const lineMaps = new WeakMap<Template, LineMap>();

/** One line map per template, built the first time a parameter default is named. */
function linesOf(template: Template): LineMap {
  let lines = lineMaps.get(template);
  if (!lines) lineMaps.set(template, (lines = new LineMap(template.text)));
  return lines;
}

/** What a field holds, following `Ref` to a parameter's default and naming resources. */
export function resolve(template: Template, node: TreeNode): Resolved {
  const intrinsic = intrinsicOf(node);
  if (!intrinsic) {
    if (node.kind === 'scalar' && node.value !== null) return { kind: 'literal', node };
    return { kind: 'unknown', why: node.kind === 'alias' ? `the alias *${node.name} is not followed` : 'not a literal' };
  }
  const target = intrinsic.argument?.kind === 'scalar' ? textOf({ ...intrinsic.argument, tag: undefined }) : undefined;
  if (intrinsic.name === 'Ref' && target !== undefined) {
    const parameter = template.parameters.get(target);
    const fallback = parameter?.default;
    if (fallback?.kind === 'scalar' && !fallback.tag && fallback.value !== null) {
      const line = linesOf(template).positionAt(fallback.span.start).line + 1;
      return { kind: 'default', node: fallback, origin: `Parameters.${target} Default, line ${line}` };
    }
    if (template.resources.has(target)) return { kind: 'resource', logicalId: target, text: target };
    return { kind: 'unknown', why: parameter ? `!Ref ${target} is a parameter without a Default` : `!Ref ${target} is not known before deployment` };
  }
  if (intrinsic.name === 'Fn::GetAtt') {
    const shown = showIntrinsic(intrinsic);
    const logicalId = /^!GetAtt ([^.\s]+)\./.exec(shown)?.[1];
    if (logicalId && template.resources.has(logicalId)) return { kind: 'resource', logicalId, text: shown.slice('!GetAtt '.length) };
  }
  return { kind: 'unknown', why: `${showIntrinsic(intrinsic)} is not a literal` };
}

/** The span a finding on this field should cover: the whole `!Ref X` or `{ "Ref": "X" }`. */
export function fieldSpan(node: TreeNode) {
  return fullSpan(node);
}
