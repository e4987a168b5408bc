import { check as missingOwner } from '../../checks/missing-owner';
import { check as publicDatabase } from '../../checks/public-database';
import { testCheck } from '../../../testing/check-tester';
import { cfn } from '../../../testing/tags';

testCheck(publicDatabase, {
  valid: [
    {
      name: 'CloudFormation: a DB security group open to a private range and to an EC2 group',
      code: cfn`
        Resources:
          DbSecurity:
            Type: AWS::RDS::DBSecurityGroup
            Properties:
              GroupDescription: legacy
              DBSecurityGroupIngress:
                - CIDRIP: 10.0.0.0/16
                - EC2SecurityGroupName: web`,
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: a DB security group entry open to the internet',
      code: cfn`
        Resources:
          DbSecurity:
            Type: AWS::RDS::DBSecurityGroup
            Properties:
              GroupDescription: legacy
              DBSecurityGroupIngress:
                - CIDRIP: 0.0.0.0/0`,
      findings: [{
        message: 'Database DbSecurity is publicly accessible',
        line: 7, column: 19, endLine: 7, endColumn: 28,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: cfn`
            Resources:
              DbSecurity:
                Type: AWS::RDS::DBSecurityGroup
                Properties:
                  GroupDescription: legacy
                  DBSecurityGroupIngress:
                    - CIDRIP: 10.0.0.0/8`,
        }],
      }],
    },
    {
      name: 'CloudFormation: a standalone DB security group ingress open to the internet',
      code: cfn`
        Resources:
          Everyone:
            Type: AWS::RDS::DBSecurityGroupIngress
            Properties:
              DBSecurityGroupName: !Ref DbSecurity
              CIDRIP: 0.0.0.0/0`,
      findings: [{
        message: 'Database Everyone is publicly accessible',
        line: 6, column: 15, endLine: 6, endColumn: 24,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: cfn`
            Resources:
              Everyone:
                Type: AWS::RDS::DBSecurityGroupIngress
                Properties:
                  DBSecurityGroupName: !Ref DbSecurity
                  CIDRIP: 10.0.0.0/8`,
        }],
      }],
    },
  ],
});

testCheck(missingOwner, {
  valid: [
    {
      name: 'CloudFormation: a standalone DB security group ingress whose group is in another template',
      code: cfn`
        Resources:
          Everyone:
            Type: AWS::RDS::DBSecurityGroupIngress
            Properties:
              DBSecurityGroupName: legacy-db
              CIDRIP: 203.0.113.0/24`,
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: a DB security group without an owner tag',
      code: cfn`
        Resources:
          DbSecurity:
            Type: AWS::RDS::DBSecurityGroup
            Properties:
              GroupDescription: legacy
              DBSecurityGroupIngress:
                - CIDRIP: 203.0.113.0/24`,
      findings: [{
        message: 'DbSecurity has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 2, column: 3, endLine: 2, endColumn: 13,
        fixes: [{
          title: 'Add owner tag',
          output: cfn`
            Resources:
              DbSecurity:
                Type: AWS::RDS::DBSecurityGroup
                Properties:
                  GroupDescription: legacy
                  DBSecurityGroupIngress:
                    - CIDRIP: 203.0.113.0/24
                  Tags:
                    - Key: owner
                      Value: TODO`,
        }],
      }],
    },
  ],
});
