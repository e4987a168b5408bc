import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { check as adminPortExposed } from '../../checks/admin-port-exposed';
import { check as fullRangeExposure } from '../../checks/full-range-exposure';
import { DEFAULT_SETTINGS } from '../../settings';
import { testCheck } from '../../../testing/check-tester';
import { ready } from '../../../testing/engine';
import { tf } from '../../../testing/tags';
import { adapter } from './index';

/*
 * `ingress = [{ ... }]` written as an attribute ("attributes as blocks") on AWS security groups,
 * default security groups and network ACLs: read like the blocks, with exact spans, and fixes
 * that edit the object in place.
 */

describe('attribute blocks: what is read', () => {
  before(ready);

  it('reads every object of the list as a rule, and nothing from an expression or an empty list', () => {
    const rules = adapter.parse(tf`
      resource "aws_security_group" "web" {
        ingress = [
          { from_port = 80, to_port = 80, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"], description = "http", ipv6_cidr_blocks = [], prefix_list_ids = [], security_groups = [], self = false },
          { from_port = 443, to_port = 443, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"], description = "https", ipv6_cidr_blocks = [], prefix_list_ids = [], security_groups = [], self = false },
        ]
        egress = []
      }
      resource "aws_security_group" "vars" {
        ingress = var.rules
      }`.text, DEFAULT_SETTINGS).rules;
    assert.deepEqual(rules.map((rule) => [rule.direction, rule.ports.known && rule.ports.value, rule.description?.known && rule.description.value]), [
      ['ingress', [[80, 80]], 'http'],
      ['ingress', [[443, 443]], 'https'],
    ]);
  });
});

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'a network ACL written as attributes, SSH from a private range',
      code: tf`
        resource "aws_network_acl" "main" {
          ingress = [
            {
              protocol   = "tcp"
              rule_no    = 100
              action     = "allow"
              cidr_block = "10.3.0.0/18"
              from_port  = 22
              to_port    = 22
            }
          ]
        }`,
    },
    {
      name: 'a network ACL entry written as an attribute that denies',
      code: tf`
        resource "aws_network_acl" "main" {
          ingress = [{ protocol = "tcp", rule_no = 100, action = "deny", cidr_block = "0.0.0.0/0", from_port = 22, to_port = 22 }]
        }`,
    },
  ],
  invalid: [
    {
      name: 'RDP from anywhere in a network ACL written as attributes',
      code: tf`
        resource "aws_network_acl" "main" {
          egress = [
            {
              protocol   = "tcp"
              rule_no    = 200
              action     = "allow"
              cidr_block = "10.3.0.0/18"
              from_port  = 443
              to_port    = 443
            }
          ]

          ingress = [
            {
              protocol   = "tcp"
              rule_no    = 100
              action     = "allow"
              cidr_block = "0.0.0.0/0"
              from_port  = 3389
              to_port    = 3389
            }
          ]
        }`,
      findings: [{
        message: 'RDP (3389) is open to 0.0.0.0/0',
        line: 19, column: 7, endLine: 20, endColumn: 24,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_network_acl" "main" {
              egress = [
                {
                  protocol   = "tcp"
                  rule_no    = 200
                  action     = "allow"
                  cidr_block = "10.3.0.0/18"
                  from_port  = 443
                  to_port    = 443
                }
              ]

              ingress = [
                {
                  protocol   = "tcp"
                  rule_no    = 100
                  action     = "allow"
                  cidr_block = "10.0.0.0/8"
                  from_port  = 3389
                  to_port    = 3389
                }
              ]
            }`,
        }],
      }],
    },
    {
      name: 'SSH in the second object of a one-line security group list',
      code: tf`
        resource "aws_security_group" "bastion" {
          tags = { owner = "ops" }
          ingress = [{ from_port = 443, to_port = 443, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] }, { from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = ["0.0.0.0/0", "::/0"] }]
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0, ::/0',
        line: 3, column: 99, endLine: 3, endColumn: 127,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_security_group" "bastion" {
              tags = { owner = "ops" }
              ingress = [{ from_port = 443, to_port = 443, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] }, { from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = ["10.0.0.0/8"] }]
            }`,
        }],
      }],
    },
  ],
});

testCheck(fullRangeExposure, {
  valid: [
    {
      name: 'a default security group that only lets itself in',
      code: tf`
        resource "aws_default_security_group" "default" {
          vpc_id = aws_vpc.main.id
          ingress = [
            {
              protocol  = -1
              self      = true
              from_port = 0
              to_port   = 0
            }
          ]
          egress = [
            {
              from_port   = 0
              to_port     = 0
              protocol    = "-1"
              cidr_blocks = ["0.0.0.0/0"]
            }
          ]
        }`,
    },
  ],
  invalid: [
    {
      name: 'a default security group letting all traffic in from IPv6 anywhere, as an attribute',
      code: tf`
        resource "aws_default_security_group" "default" {
          vpc_id = aws_vpc.main.id
          ingress = [
            {
              protocol         = -1
              self             = true
              from_port        = 0
              to_port          = 0
              ipv6_cidr_blocks = ["::/0"]
            }
          ]
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to ::/0',
        line: 7, column: 7, endLine: 8, endColumn: 27,
        fixes: [
          {
            title: 'Narrow port range to 443',
            output: tf`
              resource "aws_default_security_group" "default" {
                vpc_id = aws_vpc.main.id
                ingress = [
                  {
                    protocol         = "tcp"
                    self             = true
                    from_port        = 443
                    to_port          = 443
                    ipv6_cidr_blocks = ["::/0"]
                  }
                ]
              }`,
          },
          {
            title: 'Narrow port range to 80',
            output: tf`
              resource "aws_default_security_group" "default" {
                vpc_id = aws_vpc.main.id
                ingress = [
                  {
                    protocol         = "tcp"
                    self             = true
                    from_port        = 80
                    to_port          = 80
                    ipv6_cidr_blocks = ["::/0"]
                  }
                ]
              }`,
          },
        ],
      }],
    },
    {
      name: 'a default security group written with blocks',
      code: tf`
        resource "aws_default_security_group" "default" {
          vpc_id = aws_vpc.main.id
          ingress {
            protocol    = -1
            from_port   = 0
            to_port     = 0
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 5, column: 5, endLine: 6, endColumn: 20,
      }],
    },
  ],
});
