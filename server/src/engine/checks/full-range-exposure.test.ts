import { testCheck } from '../../testing/check-tester';
import { tf } from '../../testing/tags';
import { check } from './full-range-exposure';

testCheck(check, {
  valid: [
    {
      name: 'https from anywhere',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'every port from a private range',
      code: tf`
        resource "aws_security_group" "internal" {
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'an unresolved source stays silent',
      code: tf`
        resource "aws_security_group_rule" "all" {
          type              = "ingress"
          from_port         = 0
          to_port           = 65535
          protocol          = "tcp"
          cidr_blocks       = var.allowed
          security_group_id = "sg-1"
        }`,
    },
    {
      name: 'an unresolved port stays silent',
      code: tf`
        resource "aws_security_group_rule" "all" {
          type              = "ingress"
          from_port         = var.from
          to_port           = 65535
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = "sg-1"
        }`,
    },
    {
      name: 'egress to everywhere is not an exposure',
      code: tf`
        resource "aws_security_group" "web" {
          egress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'a range at the threshold',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 1
            to_port     = 1024
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'icmp carries no ports',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = -1
            to_port     = -1
            protocol    = "icmp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'every tcp port from anywhere, inline',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 3, column: 5, endLine: 4, endColumn: 24,
        fixes: [
          {
            title: 'Narrow port range to 443',
            output: tf`
              resource "aws_security_group" "web" {
                ingress {
                  from_port   = 443
                  to_port     = 443
                  protocol    = "tcp"
                  cidr_blocks = ["0.0.0.0/0"]
                }
              }`,
          },
          {
            title: 'Narrow port range to 80',
            output: tf`
              resource "aws_security_group" "web" {
                ingress {
                  from_port   = 80
                  to_port     = 80
                  protocol    = "tcp"
                  cidr_blocks = ["0.0.0.0/0"]
                }
              }`,
          },
        ],
      }],
    },
    {
      name: 'a wider threshold set in config still catches more',
      settings: { maxPortRange: 100 },
      code: tf`
        resource "aws_security_group_rule" "app" {
          type              = "ingress"
          from_port         = 8000
          to_port           = 8200
          protocol          = "tcp"
          ipv6_cidr_blocks  = ["::/0"]
          security_group_id = "sg-1"
        }`,
      findings: [{ message: '201 ports (8000-8200) are open to ::/0', line: 3, column: 3, endLine: 4, endColumn: 27 }],
    },
    {
      name: 'gcp: an allow block without ports, from anywhere',
      code: tf`
        resource "google_compute_firewall" "web" {
          name          = "web"
          network       = "default"
          source_ranges = ["0.0.0.0/0"]

          allow {
            protocol = "tcp"
          }
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 7, column: 5, endLine: 7, endColumn: 21,
        fixes: [443, 80].map((port) => ({
          title: `Narrow port range to ${port}`,
          output: tf`
            resource "google_compute_firewall" "web" {
              name          = "web"
              network       = "default"
              source_ranges = ["0.0.0.0/0"]

              allow {
                protocol = "tcp"
                ports    = ["${port}"]
              }
            }`,
        })),
      }],
    },
    {
      name: 'tencent: port_range ALL from anywhere',
      code: tf`
        resource "tencentcloud_security_group_rule" "all" {
          security_group_id = "sg-1"
          type              = "ingress"
          cidr_ip           = "0.0.0.0/0"
          ip_protocol       = "tcp"
          port_range        = "ALL"
          policy            = "ACCEPT"
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 6, column: 24, endLine: 6, endColumn: 27,
        fixes: [443, 80].map((port) => ({
          title: `Narrow port range to ${port}`,
          output: tf`
            resource "tencentcloud_security_group_rule" "all" {
              security_group_id = "sg-1"
              type              = "ingress"
              cidr_ip           = "0.0.0.0/0"
              ip_protocol       = "tcp"
              port_range        = "${port}"
              policy            = "ACCEPT"
            }`,
        })),
      }],
    },
    {
      name: 'tencent: a lite rule for every tcp port from anywhere',
      code: tf`
        resource "tencentcloud_security_group_lite_rule" "web" {
          security_group_id = "sg-1"
          ingress           = ["ACCEPT#0.0.0.0/0#ALL#TCP"]
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 3, column: 42, endLine: 3, endColumn: 45,
        fixes: [443, 80].map((port) => ({
          title: `Narrow port range to ${port}`,
          output: tf`
            resource "tencentcloud_security_group_lite_rule" "web" {
              security_group_id = "sg-1"
              ingress           = ["ACCEPT#0.0.0.0/0#${port}#TCP"]
            }`,
        })),
      }],
    },
    {
      name: 'alibaba: port_range 1/65535 from anywhere',
      code: tf`
        resource "alicloud_security_group_rule" "all_tcp" {
          type              = "ingress"
          ip_protocol       = "tcp"
          policy            = "accept"
          port_range        = "1/65535"
          security_group_id = "sg-1"
          cidr_ip           = "0.0.0.0/0"
        }`,
      findings: [{
        message: '65,535 ports (1-65535) are open to 0.0.0.0/0',
        line: 5, column: 24, endLine: 5, endColumn: 31,
        fixes: [443, 80].map((port) => ({
          title: `Narrow port range to ${port}`,
          output: tf`
            resource "alicloud_security_group_rule" "all_tcp" {
              type              = "ingress"
              ip_protocol       = "tcp"
              policy            = "accept"
              port_range        = "${port}/${port}"
              security_group_id = "sg-1"
              cidr_ip           = "0.0.0.0/0"
            }`,
        })),
      }],
    },
    {
      name: 'huawei: a tcp rule without ports from anywhere',
      code: tf`
        resource "huaweicloud_networking_secgroup_rule" "any_tcp" {
          security_group_id = "sg-1"
          direction         = "ingress"
          ethertype         = "IPv4"
          protocol          = "tcp"
          remote_ip_prefix  = "0.0.0.0/0"
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 5, column: 3, endLine: 5, endColumn: 28,
        fixes: [443, 80].map((port) => ({
          title: `Narrow port range to ${port}`,
          output: tf`
            resource "huaweicloud_networking_secgroup_rule" "any_tcp" {
              security_group_id = "sg-1"
              direction         = "ingress"
              ethertype         = "IPv4"
              protocol          = "tcp"
              ports             = "${port}"
              remote_ip_prefix  = "0.0.0.0/0"
            }`,
        })),
      }],
    },
    {
      name: 'openstack: a udp rule without ports from anywhere',
      code: tf`
        resource "openstack_networking_secgroup_rule_v2" "udp" {
          direction         = "ingress"
          ethertype         = "IPv6"
          protocol          = "udp"
          remote_ip_prefix  = "::/0"
          security_group_id = "f00d"
        }`,
      findings: [{
        message: '65,536 ports (0-65535) are open to ::/0',
        line: 4, column: 3, endLine: 4, endColumn: 28,
        fixes: [443, 80].map((port) => ({
          title: `Narrow port range to ${port}`,
          output: tf`
            resource "openstack_networking_secgroup_rule_v2" "udp" {
              direction         = "ingress"
              ethertype         = "IPv6"
              protocol          = "udp"
              port_range_min    = ${port}
              port_range_max    = ${port}
              remote_ip_prefix  = "::/0"
              security_group_id = "f00d"
            }`,
        })),
      }],
    },
  ],
});
