import type { FormatId } from '../engine/model/network-rule';

/**
 * Template tags for test documents: they strip the indentation the lines share and the first
 * and last blank line, so cases can be written indented inside the test table. The tag names the
 * format: `tf` for Terraform, `k8s` for Kubernetes, `cfn` and `cfnJson` for CloudFormation,
 * `compose` for Docker Compose, `sg` for a security-group export (JSON).
 */
export interface TaggedCode {
  readonly format: FormatId;
  readonly path: string;
  readonly text: string;
}

export function dedent(raw: string): string {
  const lines = raw.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((line) => line.trim().length > 0).map((line) => /^[ \t]*/.exec(line)![0].length);
  const shared = indents.length > 0 ? Math.min(...indents) : 0;
  return `${lines.map((line) => line.slice(shared)).join('\n')}\n`;
}

function joinTemplate(strings: TemplateStringsArray, values: readonly unknown[]): string {
  return strings.raw.reduce((text, part, i) => text + part.replace(/\\`/g, '`').replace(/\\\$/g, '$') + (i < values.length ? String(values[i]) : ''), '');
}

export function tf(strings: TemplateStringsArray, ...values: unknown[]): TaggedCode {
  return { format: 'terraform', path: 'main.tf', text: dedent(joinTemplate(strings, values)) };
}

export function k8s(strings: TemplateStringsArray, ...values: unknown[]): TaggedCode {
  return { format: 'kubernetes', path: 'manifest.yaml', text: dedent(joinTemplate(strings, values)) };
}

export function cfn(strings: TemplateStringsArray, ...values: unknown[]): TaggedCode {
  return { format: 'cloudformation', path: 'template.yaml', text: dedent(joinTemplate(strings, values)) };
}

export function cfnJson(strings: TemplateStringsArray, ...values: unknown[]): TaggedCode {
  return { format: 'cloudformation', path: 'template.json', text: dedent(joinTemplate(strings, values)) };
}

export function compose(strings: TemplateStringsArray, ...values: unknown[]): TaggedCode {
  return { format: 'compose', path: 'compose.yaml', text: dedent(joinTemplate(strings, values)) };
}

export function sg(strings: TemplateStringsArray, ...values: unknown[]): TaggedCode {
  return { format: 'sg-exports', path: 'security-groups.json', text: dedent(joinTemplate(strings, values)) };
}
