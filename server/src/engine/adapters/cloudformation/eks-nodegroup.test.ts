import { check as adminPortExposed } from '../../checks/admin-port-exposed';
import { check as missingOwner } from '../../checks/missing-owner';
import { testCheck } from '../../../testing/check-tester';
import { cfn } from '../../../testing/tags';

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'CloudFormation: an EKS node group whose SSH is limited to a security group',
      code: cfn`
        Resources:
          Workers:
            Type: AWS::EKS::Nodegroup
            Properties:
              RemoteAccess:
                Ec2SshKey: ops
                SourceSecurityGroups:
                  - !Ref Bastion`,
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: an EKS node group with an SSH key and no sources',
      code: cfn`
        Resources:
          Workers:
            Type: AWS::EKS::Nodegroup
            Properties:
              RemoteAccess:
                Ec2SshKey: ops`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 6, column: 9, endLine: 6, endColumn: 23,
        fixes: [],
      }],
    },
  ],
});

testCheck(missingOwner, {
  valid: [
    {
      name: 'CloudFormation: the node group names its owner in its map of tags',
      code: cfn`
        Resources:
          Workers:
            Type: AWS::EKS::Nodegroup
            Properties:
              Tags:
                owner: platform
              RemoteAccess:
                Ec2SshKey: ops`,
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: a node group open to SSH with no owner tag',
      code: cfn`
        Resources:
          Workers:
            Type: AWS::EKS::Nodegroup
            Properties:
              RemoteAccess:
                Ec2SshKey: ops`,
      findings: [{
        message: 'Workers has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 2, column: 3, endLine: 2, endColumn: 10,
        fixes: [],
      }],
    },
  ],
});
