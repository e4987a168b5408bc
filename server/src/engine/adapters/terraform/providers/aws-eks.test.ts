import { check as adminPortExposed } from '../../../checks/admin-port-exposed';
import { testCheck } from '../../../../testing/check-tester';
import { tf } from '../../../../testing/tags';

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'an EKS node group whose SSH is limited to named security groups, even from a variable',
      code: tf`
        resource "aws_eks_node_group" "a" {
          remote_access {
            ec2_ssh_key               = "ops"
            source_security_group_ids = [aws_security_group.bastion.id]
          }
        }
        resource "aws_eks_node_group" "b" {
          remote_access {
            ec2_ssh_key               = "ops"
            source_security_group_ids = var.ssh_sources
          }
        }`,
    },
    {
      name: 'an EKS node group whose key is a variable without a value (it may be null)',
      code: tf`
        variable "key" {}
        resource "aws_eks_node_group" "a" {
          remote_access {
            ec2_ssh_key = var.key
          }
        }`,
    },
    {
      name: 'an EKS node group without remote access, or without a key',
      code: tf`
        resource "aws_eks_node_group" "a" {
          node_group_name = "workers"
        }
        resource "aws_eks_node_group" "b" {
          remote_access {
            source_security_group_ids = []
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'an EKS node group with an SSH key and no sources: EKS opens 22 to the internet',
      code: tf`
        resource "aws_eks_node_group" "workers" {
          remote_access {
            ec2_ssh_key = "ops"
          }
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 3, column: 5, endLine: 3, endColumn: 24,
        fixes: [],
      }],
    },
    {
      name: 'an empty source list is no restriction',
      code: tf`
        resource "aws_eks_node_group" "workers" {
          remote_access {
            ec2_ssh_key               = "ops"
            source_security_group_ids = []
          }
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 3, column: 5, endLine: 3, endColumn: 38,
        fixes: [],
      }],
    },
  ],
});
