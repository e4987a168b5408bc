import type { AdapterResult, NetworkRule } from '../../model/network-rule';
import type { Adapter, AdapterOptions, ParseCache } from '../adapter';
import { readDatabase } from './database';
import { readDbSecurityGroup, readDbSecurityGroupIngress } from './db-security-group';
import { isCloudFormationTemplate } from './detect';
import { readEksNodegroup } from './eks-nodegroup';
import { readClassicLoadBalancer, readListener } from './load-balancers';
import { readNetworkAclEntry } from './network-acl';
import { readMqBroker, readMskCluster, readRedshiftCluster } from './public-endpoints';
import type { ResourceReader } from './rules';
import { readSecurityGroup, readStandaloneRule } from './security-groups';
import { readTemplate } from './template';

const readers: Readonly<Record<string, ResourceReader>> = {
  'AWS::EC2::SecurityGroup': readSecurityGroup,
  'AWS::EC2::SecurityGroupIngress': readStandaloneRule(false),
  'AWS::EC2::SecurityGroupEgress': readStandaloneRule(true),
  'AWS::EC2::NetworkAclEntry': readNetworkAclEntry,
  'AWS::RDS::DBInstance': readDatabase,
  'AWS::RDS::DBSecurityGroup': readDbSecurityGroup,
  'AWS::RDS::DBSecurityGroupIngress': readDbSecurityGroupIngress,
  'AWS::AmazonMQ::Broker': readMqBroker,
  'AWS::MSK::Cluster': readMskCluster,
  'AWS::Redshift::Cluster': readRedshiftCluster,
  'AWS::EKS::Nodegroup': readEksNodegroup,
  'AWS::ElasticLoadBalancingV2::Listener': readListener,
  'AWS::ElasticLoadBalancing::LoadBalancer': readClassicLoadBalancer,
};

/** Resource types the adapter reads, for docs and tests. */
export const supportedResourceTypes: readonly string[] = Object.keys(readers).sort();

function parseCloudFormation(text: string, options: AdapterOptions, cache?: ParseCache): AdapterResult {
  const template = readTemplate(text, cache);
  const rules: NetworkRule[] = [];
  for (const resource of template.resources.values()) {
    const reader = Object.hasOwn(readers, resource.type) ? readers[resource.type] : undefined;
    if (reader) rules.push(...reader({ template, resource, options }));
  }
  // JSON has no comments, so a JSON template offers no suppression; `.portwarden.yaml` can turn a check off instead.
  return { rules, parseErrors: template.parseErrors, ...(template.isJson ? { hasNoComments: true } : {}) };
}

export const adapter: Adapter = {
  id: 'cloudformation',
  languageIds: ['yaml', 'json'],
  detect: (_path, text) => isCloudFormationTemplate(text),
  parse: parseCloudFormation,
  commentPrefix: '#',
};
