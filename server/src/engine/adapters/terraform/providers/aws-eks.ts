import { known } from '../../../model/value';
import { impliedInternet } from '../../document/read';
import { ruleBase, type ProviderResources, type ResourceHandler } from '../resource';
import { ownerTagEditor, ruleEditor } from '../rule-editor';
import { readAnnotations, readString } from '../values';

/**
 * `aws_eks_node_group` with `remote_access { ec2_ssh_key = ... }` and no
 * `source_security_group_ids`: EKS then opens SSH (22) on the worker nodes to 0.0.0.0/0 itself, in
 * a security group nobody writes. That implied rule is modelled; there is no source list in the
 * document to narrow, so no fix is offered (the fix is to name the security groups allowed in).
 */
const nodeGroup: ResourceHandler = (input) => {
  const { block, text, options } = input;
  const remoteAccess = block.blocks.find((child) => child.type === 'remote_access');
  const sshKey = remoteAccess?.attributes.get('ec2_ssh_key');
  // A key from an unresolved expression may be null, which opens nothing: only a known key counts.
  if (!remoteAccess || !sshKey || !readString(sshKey.value).known) return [];
  const sources = remoteAccess.attributes.get('source_security_group_ids')?.value;
  // Any source written, even an expression, is a restriction: only their absence (or `[]`, `null`) opens SSH to all.
  if (sources && !(sources.kind === 'null' || (sources.kind === 'tuple' && sources.items.length === 0))) return [];
  const span = sshKey.span;
  return [{
    ...ruleBase(input),
    groupKey: input.resource.address,
    direction: 'ingress',
    action: 'allow',
    protocol: known('tcp', span),
    ports: known([[22, 22]], span),
    peers: known([impliedInternet(remoteAccess.headerSpan)], remoteAccess.headerSpan),
    ...readAnnotations(options, undefined, [block]),
    span: remoteAccess.span,
    edit: ruleEditor({ addOwner: ownerTagEditor(text, block) }),
  }];
};

export const awsEks: ProviderResources = {
  provider: 'aws',
  resources: {
    aws_eks_node_group: nodeGroup,
  },
};
