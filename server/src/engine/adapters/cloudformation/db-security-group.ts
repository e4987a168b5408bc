import type { NetworkRule, Peer } from '../../model/network-rule';
import { isInternetPeer } from '../../model/peers';
import { known, unknown } from '../../model/value';
import { asMap, fullSpan, get, itemsOf, type MapNode } from '../document/tree';
import { cidrFieldEditor, referencedResource, resourceRef, ruleEditor, tagEditor, type ResourceInput, type ResourceReader } from './rules';
import type { TemplateResource } from './template';
import { readOwnership, readPeerField } from './values';

/*
 * EC2-Classic DB security groups: each ingress entry lets a CIDR (`CIDRIP`) or an EC2 security
 * group reach every DB instance that names the group, on that instance's port. Like the Terraform
 * `aws_db_security_group`, each entry is a rule with a `database` service.
 */

const REFERENCES = ['EC2SecurityGroupId', 'EC2SecurityGroupName'] as const;

function readEntry(input: ResourceInput, entry: MapNode, group: TemplateResource | undefined, groupKey: string): NetworkRule {
  const { template, options } = input;
  const peers: Peer[] = [];
  const cidr = get(entry, 'CIDRIP');
  if (cidr) peers.push(readPeerField(template, cidr));
  for (const name of REFERENCES) {
    const node = get(entry, name);
    if (node) peers.push(readPeerField(template, node, true));
  }
  const internet = peers.find(isInternetPeer);
  return {
    format: 'cloudformation',
    resource: resourceRef(input.resource),
    groupKey,
    direction: 'ingress',
    action: 'allow',
    protocol: known('tcp', entry.outer),
    ports: unknown(entry.outer, 'a DB security group opens the port of each DB instance that uses it'),
    peers: known(peers, entry.outer),
    ...readOwnership(template, undefined, [get(group?.properties, 'Tags')], options.ownerKeys, options.expiryKeys),
    service: { kind: 'database', switchSpan: internet?.span ?? entry.outer },
    span: entry.outer,
    edit: ruleEditor({
      replaceInternetPeers: cidrFieldEditor(template, entry, [{ name: 'CIDRIP', family: 4 }]),
      addOwner: tagEditor(template, group),
    }),
  };
}

/** `AWS::RDS::DBSecurityGroup`: the entries of its `DBSecurityGroupIngress` list. */
export const readDbSecurityGroup: ResourceReader = (input) =>
  itemsOf(get(input.resource.properties, 'DBSecurityGroupIngress')).flatMap((item) => {
    const entry = asMap(item);
    return entry && !entry.tag ? [readEntry(input, entry, input.resource, input.resource.logicalId)] : [];
  });

/** `AWS::RDS::DBSecurityGroupIngress`: one entry of the group its `DBSecurityGroupName` names. */
export const readDbSecurityGroupIngress: ResourceReader = (input) => {
  const properties = asMap(input.resource.properties);
  if (!properties) return [];
  const groupField = get(properties, 'DBSecurityGroupName');
  const group = referencedResource(input, groupField);
  const groupKey = group?.logicalId ?? (groupField ? input.template.text.slice(fullSpan(groupField).start, fullSpan(groupField).end) : input.resource.logicalId);
  const rule = readEntry(input, properties, group, groupKey);
  if (rule.owner || group || !groupField) return [rule];
  return [{ ...rule, owner: unknown(fullSpan(groupField), `the tags of ${groupKey} are not in this template`) }];
};
