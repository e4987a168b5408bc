import { known } from '../../model/value';
import { findKey, impliedInternet } from '../document/read';
import { asSeq, get } from '../document/tree';
import { resourceRef, ruleEditor, type ResourceReader } from './rules';

/**
 * `AWS::EKS::Nodegroup` with `RemoteAccess.Ec2SshKey` and no `SourceSecurityGroups`: EKS opens SSH
 * (22) on the nodes to 0.0.0.0/0 itself. As in Terraform, the implied rule is modelled with no fix:
 * there is no source list to narrow. Its tags are a map, so the owner is read from it, and no tag
 * fix is offered.
 */
export const readEksNodegroup: ResourceReader = (input) => {
  const { options } = input;
  const properties = input.resource.properties;
  const remoteAccess = get(properties, 'RemoteAccess');
  const sshKey = get(remoteAccess, 'Ec2SshKey');
  if (!remoteAccess || !sshKey) return [];
  const sources = get(remoteAccess, 'SourceSecurityGroups');
  // Any source written, even a parameter, is a restriction; only its absence (or `[]`) opens SSH to all.
  if (sources && !(asSeq(sources) && !sources.tag && asSeq(sources)?.items.length === 0)) return [];
  const tags = get(properties, 'Tags');
  const owner = findKey(tags, options.ownerKeys);
  const expires = findKey(tags, options.expiryKeys);
  const keyEntry = remoteAccess.kind === 'map' ? remoteAccess.entries.find((entry) => entry.key === 'Ec2SshKey') : undefined;
  const span = keyEntry?.span ?? sshKey.span;
  return [{
    format: 'cloudformation',
    resource: resourceRef(input.resource),
    groupKey: input.resource.logicalId,
    direction: 'ingress',
    action: 'allow',
    protocol: known('tcp', span),
    ports: known([[22, 22]], span),
    peers: known([impliedInternet(span)], span),
    ...(owner ? { owner } : {}),
    ...(expires ? { expires } : {}),
    span: remoteAccess.outer,
    edit: ruleEditor({}),
  }];
};
