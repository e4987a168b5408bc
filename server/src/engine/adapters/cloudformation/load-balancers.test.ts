import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../settings';
import { ready } from '../../../testing/engine';
import { testCheck } from '../../../testing/check-tester';
import { cfn, cfnJson, type TaggedCode } from '../../../testing/tags';
import { check as adminPortExposed } from '../../checks/admin-port-exposed';
import { check as publicDatabase } from '../../checks/public-database';
import { adapter } from './index';

function rulesOf(code: TaggedCode) {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

const NLB = cfn`
  Resources:
    Bastion:
      Type: AWS::EC2::Instance
      Properties:
        ImageId: ami-123
        SecurityGroupIds:
          - !Ref BastionGroup
    BastionGroup:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: bastion
    Edge:
      Type: AWS::ElasticLoadBalancingV2::LoadBalancer
      Properties:
        Name: edge
        Type: network
    SshGroup:
      Type: AWS::ElasticLoadBalancingV2::TargetGroup
      Properties:
        Port: 22
        Protocol: TCP
        Targets:
          - Id: !Ref Bastion
    SshListener:
      Type: AWS::ElasticLoadBalancingV2::Listener
      Properties:
        LoadBalancerArn: !Ref Edge
        Port: 2222
        Protocol: TCP
        DefaultActions:
          - Type: forward
            TargetGroupArn: !Ref SshGroup`;

const CLASSIC = cfn`
  Resources:
    Legacy:
      Type: AWS::ElasticLoadBalancing::LoadBalancer
      Properties:
        Listeners:
          - LoadBalancerPort: 443
            InstancePort: 8443
            Protocol: HTTPS
          - LoadBalancerPort: 3306
            InstancePort: 3306
            Protocol: TCP
        Tags:
          - Key: owner
            Value: data`;

describe('cloudformation load balancers as rules', () => {
  before(ready);

  it('reads a listener of an internet-facing load balancer (the default scheme) with its target group', () => {
    const [rule] = rulesOf(NLB);
    assert.equal(rule.groupKey, 'Edge');
    assert.deepEqual(rule.ports.known && rule.ports.value, [[2222, 2222]]);
    assert.equal(rule.forward?.via, 'internet-facing NLB edge');
    assert.equal(rule.forward?.backend, 'target group SshGroup');
    assert.deepEqual(rule.forward?.backendPorts.known && rule.forward.backendPorts.value, [[22, 22]]);
    assert.deepEqual(rule.forward?.backendGroupKeys, ['BastionGroup']);
  });

  it('reads nothing from an internal scheme or an imported load balancer, and an unknown exposure for an unknown scheme', () => {
    assert.deepEqual(rulesOf({ ...NLB, text: NLB.text.replace('Type: network', 'Type: network\n      Scheme: internal') }), []);
    assert.deepEqual(rulesOf({ ...NLB, text: NLB.text.replace('!Ref Edge', '!ImportValue edge-arn') }), []);
    const [unknownScheme] = rulesOf({ ...NLB, text: NLB.text.replace('Type: network', 'Type: network\n      Scheme: !Ref Scheme') });
    assert.equal(!unknownScheme.peers.known && unknownScheme.peers.why, 'Scheme: !Ref Scheme is not known before deployment');
  });

  it('reads each listener of a classic load balancer, in JSON too, and a scheme or type from a parameter default', () => {
    assert.deepEqual(rulesOf(CLASSIC).map((rule) => rule.ports.known && rule.ports.value[0][0]), [443, 3306]);
    const json = cfnJson`
      {
        "Resources": {
          "Legacy": {
            "Type": "AWS::ElasticLoadBalancing::LoadBalancer",
            "Properties": {
              "Scheme": "internet-facing",
              "Listeners": [{ "LoadBalancerPort": "22", "InstancePort": "22", "Protocol": "TCP" }]
            }
          }
        }
      }`;
    const [rule] = rulesOf(json);
    assert.equal(rule.forward?.via, 'internet-facing ELB Legacy');
    const fromParameter = cfn`
      Parameters:
        Scheme:
          Type: String
          Default: internet-facing
        LbType:
          Type: String
          Default: gateway
      Resources:
        Legacy:
          Type: AWS::ElasticLoadBalancing::LoadBalancer
          Properties:
            Scheme: !Ref Scheme
            Listeners:
              - LoadBalancerPort: 22
                InstancePort: 22
        Appliances:
          Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          Properties:
            Type: !Ref LbType
        Geneve:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Appliances
            DefaultActions:
              - Type: forward
                TargetGroupArn: !Ref AppliancesGroup`;
    // A scheme from a parameter's default says so, and no fix rewrites the default; a gateway type from one publishes nothing.
    const [legacy, ...others] = rulesOf(fromParameter);
    assert.equal(legacy.forward?.via, 'internet-facing ELB Legacy (Scheme from Parameters.Scheme Default, line 4)');
    assert.equal(legacy.forward?.internalSwitch, undefined);
    assert.deepEqual(others, []);
    assert.equal(rule.forward?.internalSwitch, 'Scheme: internal');
  });
});

testCheck(adminPortExposed, {
  valid: [
    { name: 'ssh on an internal NLB', code: { ...NLB, text: NLB.text.replace('Type: network', 'Type: network\n      Scheme: internal') } },
    {
      name: 'https on an internet-facing ALB',
      code: cfn`
        Resources:
          Web:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Scheme: internet-facing
          Https:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Web
              Port: 443
              Protocol: HTTPS
              DefaultActions:
                - Type: forward
                  TargetGroupArn: !Ref WebGroup`,
    },
  ],
  invalid: [
    {
      name: 'an NLB forwarding 2222 to ssh: the fix writes Scheme: internal',
      code: NLB,
      findings: [{
        message: 'SSH (22): internet-facing NLB edge port 2222 forwards to target group SshGroup port 22',
        line: 28, column: 13, endLine: 28, endColumn: 17,
        fixes: [{
          title: 'Make the load balancer internal (Scheme: internal)',
          output: { ...NLB, text: NLB.text.replace('Type: network\n', 'Type: network\n      Scheme: internal\n') },
        }],
      }],
    },
  ],
});

testCheck(publicDatabase, {
  valid: [
    { name: 'MySQL on an internal classic load balancer', code: { ...CLASSIC, text: CLASSIC.text.replace('Listeners:', 'Scheme: internal\n      Listeners:') } },
  ],
  invalid: [
    {
      name: 'MySQL on an internet-facing classic load balancer',
      code: CLASSIC,
      findings: [{
        message: 'MySQL (3306): internet-facing ELB Legacy port 3306 forwards to instance port 3306',
        line: 9, column: 29, endLine: 9, endColumn: 33,
      }],
    },
  ],
});
