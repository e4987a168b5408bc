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
    {
      name: 'union: a gap of one port between the earlier rules lets port 23 through',
      code: nsg(['ssh', 100, 'Allow', '22', '*'], ['range', 110, 'Allow', '24-100', '*'], ['wide', 200, 'Allow', '22-100', '*']),
    },
    {
      name: 'union: a gap between the earlier rules\' networks lets 10.192.0.0/10 through',
      code: nsg(['low', 100, 'Allow', '22', '10.0.0.0/9'], ['high', 110, 'Allow', '22', '10.128.0.0/10'], ['all', 200, 'Deny', '22', '10.0.0.0/8']),
    },
    {
      name: 'union: one port covered for one half of the networks only',
      code: nsg(['low', 100, 'Allow', '22-100', '10.0.0.0/9'], ['high', 110, 'Allow', '22-99', '10.128.0.0/9'], ['all', 200, 'Allow', '22-100', '10.0.0.0/8']),
    },
    {
      name: 'union: an earlier rule with an unresolved port is never counted',
      code: nsg(['ssh', 100, 'Allow', '22', '*'], ['range', 110, 'Allow', '${var.ports}', '*'], ['wide', 200, 'Allow', '22-100', '*']),
    },
    {
      name: 'union: a rule evaluated after the later rule does not fill its gap',
      code: nsg(['ssh', 100, 'Allow', '22', '*'], ['range', 300, 'Allow', '23-200', '*'], ['wide', 200, 'Allow', '22-100', '*']),
    },
    {
      name: 'union: udp and tcp rules do not add up for tcp',
      code: tf`
        resource "aws_network_acl" "public" {
          vpc_id = "vpc-1"

          ingress {
            rule_no    = 100
            action     = "allow"
            protocol   = "udp"
            from_port  = 0
            to_port    = 1023
            cidr_block = "0.0.0.0/0"
          }

          ingress {
            rule_no    = 110
            action     = "allow"
            protocol   = "tcp"
            from_port  = 1024
            to_port    = 65535
            cidr_block = "0.0.0.0/0"
          }

          ingress {
            rule_no    = 200
            action     = "deny"
            protocol   = "tcp"
            from_port  = 0
            to_port    = 65535
            cidr_block = "0.0.0.0/0"
          }
        }`,
    },
    {
      name: 'union: earlier GCP rules for other target tags',
      code: tf`
        resource "google_compute_firewall" "ssh" {
          name          = "ssh"
          network       = "default"
          priority      = 100
          source_ranges = ["0.0.0.0/0"]
          target_tags   = ["web"]
          allow {
            protocol = "tcp"
            ports    = ["22"]
          }
        }

        resource "google_compute_firewall" "range" {
          name          = "range"
          network       = "default"
          priority      = 110
          source_ranges = ["0.0.0.0/0"]
          target_tags   = ["db"]
          allow {
            protocol = "tcp"
            ports    = ["23-100"]
          }
        }

        resource "google_compute_firewall" "wide" {
          name          = "wide"
          network       = "default"
          priority      = 200
          source_ranges = ["0.0.0.0/0"]
          target_tags   = ["web"]
          allow {
            protocol = "tcp"
            ports    = ["22-100"]
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'union of ports: 22 and 23-100 together hide 22-100, removed by the fix',
      code: nsg(['ssh', 100, 'Allow', '22', '*'], ['range', 110, 'Allow', '23-100', '0.0.0.0/0'], ['wide', 200, 'Allow', '22-100', '0.0.0.0/0']),
      findings: [{
        message: 'never matches: rules at priority 100 (line 6) and 110 (line 18) together already allow tcp 22-100 from 0.0.0.0/0',
        line: 30, column: 3, endLine: 30, endColumn: 18,
        fixes: [{
          title: 'Remove redundant rule',
          output: tf`
            resource "azurerm_network_security_group" "web" {
              name                = "web"
              location            = "westeurope"
              resource_group_name = "rg"

              security_rule {
                name                       = "ssh"
                priority                   = 100
                direction                  = "Inbound"
                access                     = "Allow"
                protocol                   = "Tcp"
                source_port_range          = "*"
                destination_port_range     = "22"
                source_address_prefix      = "*"
                destination_address_prefix = "*"
              }

              security_rule {
                name                       = "range"
                priority                   = 110
                direction                  = "Inbound"
                access                     = "Allow"
                protocol                   = "Tcp"
                source_port_range          = "*"
                destination_port_range     = "23-100"
                source_address_prefix      = "0.0.0.0/0"
                destination_address_prefix = "*"
              }
            }`,
        }],
      }],
    },
    {
      name: 'union of peers: 10.0.0.0/9 and 10.128.0.0/9 together hide 10.0.0.0/8',
      code: nsg(['low', 100, 'Allow', '22', '10.0.0.0/9'], ['high', 110, 'Allow', '20-30', '10.128.0.0/9'], ['all', 200, 'Deny', '22', '10.0.0.0/8']),
      findings: [{
        message: 'never matches: rules at priority 100 (line 6) and 110 (line 18) together already allow tcp 22 from 10.0.0.0/8, so this deny protects nothing',
        line: 30, column: 3, endLine: 30, endColumn: 18,
        fixes: [],
      }],
    },
    {
      name: 'union of boxes: one half of the networks on all ports, the other half in two port ranges',
      code: nsg(
        ['low', 100, 'Allow', '0-65535', '10.0.0.0/9'],
        ['high-low', 110, 'Allow', '22-50', '10.128.0.0/9'],
        ['high-high', 120, 'Allow', '51-100', '10.128.0.0/10'],
        ['high-top', 130, 'Allow', '40-100', '10.192.0.0/10'],
        ['all', 200, 'Allow', '22-100', '10.0.0.0/8'],
      ),
      findings: [{
        message: 'never matches: rules at priority 100 (line 6), 110 (line 18), 120 (line 30) and 130 (line 42) together already allow tcp 22-100 from 10.0.0.0/8',
        line: 54, column: 3, endLine: 54, endColumn: 18,
      }],
    },
    {
      name: 'union: an earlier rule that decides none of the packets is not named',
      code: nsg(['ssh', 100, 'Allow', '22-30', '*'], ['again', 105, 'Allow', '25', '10.0.0.0/8'], ['range', 110, 'Allow', '31-100', '*'], ['wide', 200, 'Allow', '22-100', '*']),
      findings: [
        {
          message: 'never matches: priority 100 rule of azurerm_network_security_group.web (line 6) already allows tcp 22-30 from *',
          line: 18, column: 3, endLine: 18, endColumn: 18,
        },
        {
          message: 'never matches: rules at priority 100 (line 6) and 110 (line 30) together already allow tcp 22-100 from *',
          line: 42, column: 3, endLine: 42, endColumn: 18,
        },
      ],
    },
    {
      name: 'union of an allow and a deny: the later rule never matches either way, and no fix is offered',
      code: nsg(['ssh', 100, 'Allow', '22', '*'], ['no-range', 110, 'Deny', '23-100', '*'], ['deny-wide', 200, 'Deny', '22-100', '*']),
      findings: [{
        message: 'never matches: every packet of tcp 22-100 from * is decided first, allowed by the rule at priority 100 (line 6) and denied by the rule at priority 110 (line 18)',
        line: 30, column: 3, endLine: 30, endColumn: 18,
        fixes: [],
      }],
    },
    {
      name: 'union of denies: an allow behind them opens nothing; the all-traffic deny decides 10.0.0.0/8 before the third rule',
      code: tf`
        resource "aws_network_acl" "public" {
          vpc_id = "vpc-1"

          ingress {
            rule_no    = 100
            action     = "deny"
            protocol   = "tcp"
            from_port  = 0
            to_port    = 1023
            cidr_block = "0.0.0.0/0"
          }

          ingress {
            rule_no    = 110
            action     = "deny"
            protocol   = "-1"
            from_port  = 0
            to_port    = 0
            cidr_block = "10.0.0.0/8"
          }

          ingress {
            rule_no    = 120
            action     = "deny"
            protocol   = "tcp"
            from_port  = 1024
            to_port    = 65535
            cidr_block = "0.0.0.0/0"
          }

          ingress {
            rule_no    = 200
            action     = "allow"
            protocol   = "tcp"
            from_port  = 443
            to_port    = 8443
            cidr_block = "0.0.0.0/0"
          }
        }`,
      findings: [{
        message: 'never matches: rules at priority 100 (line 4), 110 (line 13) and 120 (line 22) together already deny tcp 443-8443 from 0.0.0.0/0, so this allow opens nothing',
        line: 31, column: 3, endLine: 31, endColumn: 12,
      }],
    },
    {
      name: 'union under GCP\'s tie: a deny at the same priority counts as earlier',
      code: tf`
        resource "google_compute_firewall" "deny_low" {
          name          = "deny-low"
          network       = "default"
          source_ranges = ["0.0.0.0/1"]
          deny {
            protocol = "tcp"
            ports    = ["22"]
          }
        }

        resource "google_compute_firewall" "deny_high" {
          name          = "deny-high"
          network       = "default"
          priority      = 900
          source_ranges = ["128.0.0.0/1"]
          deny {
            protocol = "all"
          }
        }

        resource "google_compute_firewall" "ssh" {
          name          = "ssh"
          network       = "default"
          source_ranges = ["0.0.0.0/0"]
          allow {
            protocol = "tcp"
            ports    = ["22"]
          }
        }`,
      findings: [{
        message: 'never matches: rules at priority 900 (line 16) and 1000 (line 5) together already deny tcp 22 from 0.0.0.0/0, and a deny wins a tie of priorities, so this allow opens nothing',
        line: 25, column: 3, endLine: 25, endColumn: 10,
      }],
    },
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
