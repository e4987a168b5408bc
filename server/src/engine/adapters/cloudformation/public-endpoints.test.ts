import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check as missingOwner } from '../../checks/missing-owner';
import { check as publicDatabase } from '../../checks/public-database';
import { DEFAULT_SETTINGS } from '../../settings';
import { testCheck } from '../../../testing/check-tester';
import { cfn, cfnJson } from '../../../testing/tags';
import { adapter } from './index';

describe('cloudformation public endpoints: what the rules hold', () => {
  it('ports per engine: ActiveMQ, RabbitMQ, MSK public listeners, Redshift default and written port', () => {
    const rules = adapter.parse(cfn`
      Resources:
        Active:
          Type: AWS::AmazonMQ::Broker
          Properties:
            EngineType: ActiveMQ
            PubliclyAccessible: true
        Rabbit:
          Type: AWS::AmazonMQ::Broker
          Properties:
            EngineType: RABBITMQ
            PubliclyAccessible: true
        Kafka:
          Type: AWS::MSK::Cluster
          Properties:
            BrokerNodeGroupInfo:
              ConnectivityInfo:
                PublicAccess:
                  Type: SERVICE_PROVIDED_EIPS
        Warehouse:
          Type: AWS::Redshift::Cluster
          Properties:
            PubliclyAccessible: true
        Moved:
          Type: AWS::Redshift::Cluster
          Properties:
            Port: 5440
            PubliclyAccessible: true`.text, DEFAULT_SETTINGS).rules;
    assert.deepEqual(rules.map((rule) => [rule.service?.engine, rule.ports.known && rule.ports.value]), [
      ['ActiveMQ', [[5671, 5671], [8162, 8162], [8883, 8883], [61614, 61614], [61617, 61617], [61619, 61619]]],
      ['RabbitMQ', [[443, 443], [5671, 5671]]],
      ['Kafka', [[9194, 9196]]],
      ['Redshift', [[5439, 5439]]],
      ['Redshift', [[5440, 5440]]],
    ]);
  });
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'CloudFormation: a private broker, a cluster left at its default, public access DISABLED',
      code: cfn`
        Resources:
          Broker:
            Type: AWS::AmazonMQ::Broker
            Properties:
              EngineType: ActiveMQ
              PubliclyAccessible: false
          Warehouse:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: ra3.xlplus
          Kafka:
            Type: AWS::MSK::Cluster
            Properties:
              BrokerNodeGroupInfo:
                ConnectivityInfo:
                  PublicAccess:
                    Type: DISABLED`,
    },
    {
      name: 'CloudFormation: a switch from a parameter stays silent',
      code: cfn`
        Parameters:
          Public:
            Type: String
            Default: "true"
        Resources:
          Broker:
            Type: AWS::AmazonMQ::Broker
            Properties:
              EngineType: ActiveMQ
              PubliclyAccessible: !Ref Public`,
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: a public ActiveMQ broker',
      code: cfn`
        Resources:
          Broker:
            Type: AWS::AmazonMQ::Broker
            Properties:
              EngineType: ActiveMQ
              PubliclyAccessible: true`,
      findings: [{
        message: 'Database Broker (ActiveMQ) is publicly accessible',
        line: 6, column: 27, endLine: 6, endColumn: 31,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: cfn`
            Resources:
              Broker:
                Type: AWS::AmazonMQ::Broker
                Properties:
                  EngineType: ActiveMQ
                  PubliclyAccessible: false`,
        }],
      }],
    },
    {
      name: 'CloudFormation JSON: a public MSK cluster',
      code: cfnJson`
        {
          "Resources": {
            "Kafka": {
              "Type": "AWS::MSK::Cluster",
              "Properties": {
                "BrokerNodeGroupInfo": {
                  "ConnectivityInfo": { "PublicAccess": { "Type": "SERVICE_PROVIDED_EIPS" } }
                }
              }
            }
          }
        }`,
      findings: [{
        message: 'Database Kafka (Kafka) is publicly accessible',
        line: 7, column: 60, endLine: 7, endColumn: 81,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: cfnJson`
            {
              "Resources": {
                "Kafka": {
                  "Type": "AWS::MSK::Cluster",
                  "Properties": {
                    "BrokerNodeGroupInfo": {
                      "ConnectivityInfo": { "PublicAccess": { "Type": "DISABLED" } }
                    }
                  }
                }
              }
            }`,
        }],
      }],
    },
    {
      name: 'CloudFormation: a public Redshift cluster',
      code: cfn`
        Resources:
          Warehouse:
            Type: AWS::Redshift::Cluster
            Properties:
              PubliclyAccessible: true
              Tags:
                - Key: owner
                  Value: analytics`,
      findings: [{
        message: 'Database Warehouse (Redshift) is publicly accessible',
        line: 5, column: 27, endLine: 5, endColumn: 31,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: cfn`
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  PubliclyAccessible: false
                  Tags:
                    - Key: owner
                      Value: analytics`,
        }],
      }],
    },
  ],
});

testCheck(missingOwner, {
  valid: [
    {
      name: 'CloudFormation: an MSK cluster names its owner in its map of tags',
      code: cfn`
        Resources:
          Kafka:
            Type: AWS::MSK::Cluster
            Properties:
              Tags:
                owner: streaming
              BrokerNodeGroupInfo:
                ConnectivityInfo:
                  PublicAccess:
                    Type: SERVICE_PROVIDED_EIPS`,
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: an MSK cluster without an owner gets no tag fix (its tags are a map)',
      code: cfn`
        Resources:
          Kafka:
            Type: AWS::MSK::Cluster
            Properties:
              Tags:
                team: streaming
              BrokerNodeGroupInfo:
                ConnectivityInfo:
                  PublicAccess:
                    Type: SERVICE_PROVIDED_EIPS`,
      findings: [{
        message: 'Kafka has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 2, column: 3, endLine: 2, endColumn: 8,
        fixes: [],
      }],
    },
  ],
});
