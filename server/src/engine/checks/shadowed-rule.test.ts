import { testCheck } from '../../testing/check-tester';
import { tf, cfn, sg, type TaggedCode } from '../../testing/tags';
import { check } from './shadowed-rule';

/** An Azure NSG with the given rules, each `[name, priority, access, port, source]`. */
function nsg(...rules: readonly (readonly [string, number, string, string, string])[]): TaggedCode {
  const blocks = rules.map(([name, priority, access, port, source]) => [
    '',
    '  security_rule {',
    `    name                       = "${name}"`,
    `    priority                   = ${priority}`,
    '    direction                  = "Inbound"',
    `    access                     = "${access}"`,
    '    protocol                   = "Tcp"',
    '    source_port_range          = "*"',
    `    destination_port_range     = "${port}"`,
    `    source_address_prefix      = "${source}"`,
    '    destination_address_prefix = "*"',
    '  }',
  ].join('\n'));
  const text = ['resource "azurerm_network_security_group" "web" {', '  name                = "web"', '  location            = "westeurope"', '  resource_group_name = "rg"', ...blocks, '}', ''].join('\n');
  return { format: 'terraform', path: 'main.tf', text };
}

testCheck(check, {
  valid: [
    {
      name: 'an earlier deny of another port',
      code: nsg(['deny-ssh', 100, 'Deny', '22', 'Internet'], ['allow-https', 200, 'Allow', '443', 'Internet']),
    },
    {
      name: 'Azure\'s Internet tag is the public address space: it does not hide a deny of every source',
      code: nsg(['allow-internet', 100, 'Allow', '443', 'Internet'], ['deny-all', 200, 'Deny', '443', '*']),
    },
    {
      name: 'an earlier narrower rule does not hide a later wider one',
      code: nsg(['deny-one', 100, 'Deny', '22', '203.0.113.7'], ['allow-office', 200, 'Allow', '22', '203.0.113.0/24']),
    },
    {
      name: 'a priority from an unresolved variable is never compared',
      code: tf`
        resource "azurerm_network_security_rule" "all" {
          name                        = "all"
          priority                    = var.priority
          direction                   = "Inbound"
          access                      = "Allow"
          protocol                    = "*"
          source_port_range           = "*"
          destination_port_range      = "*"
          source_address_prefix       = "*"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = "web"
        }

        resource "azurerm_network_security_rule" "deny_ssh" {
          name                        = "deny-ssh"
          priority                    = 200
          direction                   = "Inbound"
          access                      = "Deny"
          protocol                    = "Tcp"
          source_port_range           = "*"
          destination_port_range      = "22"
          source_address_prefix       = "*"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = "web"
        }`,
    },
    {
      name: 'AWS security groups have no order',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'two GCP allows at the same priority: neither comes first',
      code: tf`
        resource "google_compute_firewall" "all" {
          name          = "all"
          network       = "default"
          source_ranges = ["10.0.0.0/8"]
          allow {
            protocol = "tcp"
          }
        }

        resource "google_compute_firewall" "ssh" {
          name          = "ssh"
          network       = "default"
          source_ranges = ["10.0.0.0/8"]
          allow {
            protocol = "tcp"
            ports    = ["22"]
          }
        }`,
    },
    {
      name: 'Tencent numbers the rules of each resource apart: a lite rule and a rule set of one group do not order each other',
      code: tf`
        resource "tencentcloud_security_group_lite_rule" "web" {
          security_group_id = "sg-1"
          ingress = [
            "ACCEPT#0.0.0.0/0#ALL#ALL",
          ]
        }

        resource "tencentcloud_security_group_rule_set" "web" {
          security_group_id = "sg-1"

          ingress {
            action     = "DROP"
            cidr_block = "0.0.0.0/0"
            protocol   = "TCP"
            port       = "22"
          }

          ingress {
            action     = "DROP"
            cidr_block = "0.0.0.0/0"
            protocol   = "TCP"
            port       = "3389"
          }
        }`,
    },
    {
      name: 'an earlier GCP rule for other target tags',
      code: tf`
        resource "google_compute_firewall" "deny_all" {
          name          = "deny-all"
          network       = "default"
          priority      = 100
          source_ranges = ["0.0.0.0/0"]
          target_tags   = ["db"]
          deny {
            protocol = "all"
          }
        }

        resource "google_compute_firewall" "https" {
          name          = "https"
          network       = "default"
          source_ranges = ["0.0.0.0/0"]
          target_tags   = ["web"]
          allow {
            protocol = "tcp"
            ports    = ["443"]
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'Azure: a deny behind an earlier allow protects nothing',
      code: nsg(['allow-all', 100, 'Allow', '*', '*'], ['deny-ssh', 200, 'Deny', '22', 'Internet']),
      findings: [{
        message: 'never matches: priority 100 rule of azurerm_network_security_group.web (line 6) already allows tcp 0-65535 from *, so this deny protects nothing',
        line: 18, column: 3, endLine: 18, endColumn: 18,
        fixes: [],
      }],
    },
    {
      name: 'Azure: a repeated allow at a later priority, removed by the fix',
      code: nsg(['ssh-office', 100, 'Allow', '22', '203.0.113.0/24'], ['ssh-admin', 300, 'Allow', '22', '203.0.113.8/29']),
      findings: [{
        message: 'never matches: priority 100 rule of azurerm_network_security_group.web (line 6) already allows tcp 22 from 203.0.113.0/24',
        line: 18, column: 3, endLine: 18, endColumn: 18,
        fixes: [{
          title: 'Remove redundant rule',
          output: tf`
            resource "azurerm_network_security_group" "web" {
              name                = "web"
              location            = "westeurope"
              resource_group_name = "rg"

              security_rule {
                name                       = "ssh-office"
                priority                   = 100
                direction                  = "Inbound"
                access                     = "Allow"
                protocol                   = "Tcp"
                source_port_range          = "*"
                destination_port_range     = "22"
                source_address_prefix      = "203.0.113.0/24"
                destination_address_prefix = "*"
              }
            }`,
        }],
      }],
    },
    {
      name: 'AWS network ACL: an allow behind an earlier deny opens nothing',
      code: tf`
        resource "aws_network_acl" "public" {
          vpc_id = "vpc-1"

          ingress {
            rule_no    = 100
            action     = "deny"
            protocol   = "-1"
            from_port  = 0
            to_port    = 0
            cidr_block = "0.0.0.0/0"
          }

          ingress {
            rule_no    = 200
            action     = "allow"
            protocol   = "tcp"
            from_port  = 443
            to_port    = 443
            cidr_block = "0.0.0.0/0"
          }
        }`,
      findings: [{
        message: 'never matches: priority 100 rule of aws_network_acl.public (line 4) already denies all traffic from 0.0.0.0/0, so this allow opens nothing',
        line: 13, column: 3, endLine: 13, endColumn: 12,
      }],
    },
    {
      name: 'GCP: at the same priority a deny wins',
      code: tf`
        resource "google_compute_firewall" "deny_ssh" {
          name          = "deny-ssh"
          network       = "default"
          source_ranges = ["0.0.0.0/0"]
          deny {
            protocol = "tcp"
            ports    = ["22"]
          }
        }

        resource "google_compute_firewall" "ssh" {
          name          = "ssh"
          network       = "default"
          source_ranges = ["198.51.100.0/24"]
          allow {
            protocol = "tcp"
            ports    = ["22"]
          }
        }`,
      findings: [{
        message: 'never matches: priority 1000 rule of google_compute_firewall.deny_ssh (line 5) already denies tcp 22 from 0.0.0.0/0, and a deny wins a tie of priorities, so this allow opens nothing',
        line: 15, column: 3, endLine: 15, endColumn: 10,
      }],
    },
    {
      name: 'Tencent rule set: a rule after the same rule, in policy order',
      code: tf`
        resource "tencentcloud_security_group_rule_set" "base" {
          security_group_id = "sg-1"

          ingress {
            action     = "ACCEPT"
            cidr_block = "10.0.0.0/16"
            protocol   = "TCP"
            port       = "8080"
          }

          ingress {
            action     = "ACCEPT"
            cidr_block = "10.0.2.1"
            protocol   = "TCP"
            port       = "8080"
          }
        }`,
      findings: [{
        message: 'never matches: priority 0 rule of tencentcloud_security_group_rule_set.base (line 4) already allows tcp 8080 from 10.0.0.0/16',
        line: 11, column: 3, endLine: 11, endColumn: 12,
        fixes: [{
          title: 'Remove redundant rule',
          output: tf`
            resource "tencentcloud_security_group_rule_set" "base" {
              security_group_id = "sg-1"

              ingress {
                action     = "ACCEPT"
                cidr_block = "10.0.0.0/16"
                protocol   = "TCP"
                port       = "8080"
              }
            }`,
        }],
      }],
    },
    {
      name: 'Alibaba: a drop at a later priority behind an accept',
      code: tf`
        resource "alicloud_security_group_rule" "web" {
          type              = "ingress"
          ip_protocol       = "tcp"
          port_range        = "1/65535"
          priority          = 1
          security_group_id = alicloud_security_group.web.id
          cidr_ip           = "0.0.0.0/0"
        }

        resource "alicloud_security_group_rule" "no_ssh" {
          type              = "ingress"
          policy            = "drop"
          ip_protocol       = "tcp"
          port_range        = "22/22"
          priority          = 10
          security_group_id = alicloud_security_group.web.id
          cidr_ip           = "0.0.0.0/0"
        }`,
      findings: [{
        message: 'never matches: priority 1 rule of alicloud_security_group_rule.web (line 1) already allows tcp 1-65535 from 0.0.0.0/0, so this deny protects nothing',
        line: 10, column: 1, endLine: 10, endColumn: 51,
      }],
    },
    {
      name: 'CloudFormation network ACL entries by rule number',
      code: cfn`
        Resources:
          AllowAll:
            Type: AWS::EC2::NetworkAclEntry
            Properties:
              NetworkAclId: !Ref PublicAcl
              RuleNumber: 100
              Protocol: -1
              RuleAction: allow
              CidrBlock: 0.0.0.0/0
          DenyRdp:
            Type: AWS::EC2::NetworkAclEntry
            Properties:
              NetworkAclId: !Ref PublicAcl
              RuleNumber: 200
              Protocol: 6
              RuleAction: deny
              PortRange:
                From: 3389
                To: 3389
              CidrBlock: 0.0.0.0/0`,
      findings: [{
        message: 'never matches: priority 100 rule of AllowAll (line 2) already allows all traffic from 0.0.0.0/0, so this deny protects nothing',
        line: 10, column: 3, endLine: 10, endColumn: 11,
      }],
    },
    {
      name: 'an exported Azure NSG',
      code: sg`
        [
          {
            "name": "web-nsg",
            "securityRules": [
              { "name": "allow-any", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "*", "destinationPortRange": "*", "sourceAddressPrefix": "*", "destinationAddressPrefix": "*" },
              { "name": "deny-rdp", "priority": 200, "direction": "Inbound", "access": "Deny", "protocol": "Tcp", "destinationPortRange": "3389", "sourceAddressPrefix": "Internet", "destinationAddressPrefix": "*" }
            ]
          }
        ]`,
      findings: [{
        message: 'never matches: priority 100 rule of web-nsg (line 5) already allows all traffic from *, so this deny protects nothing',
        line: 6, column: 7, endLine: 6, endColumn: 207,
      }],
    },
  ],
});
