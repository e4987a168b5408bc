import { testCheck } from '../../testing/check-tester';
import { tf, k8s, cfn, compose, sg } from '../../testing/tags';
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
    {
      name: 'Kubernetes: a NetworkPolicy rule that allows every port from other pods only',
      code: k8s`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: same-namespace
        spec:
          podSelector: {}
          ingress:
            - from:
                - podSelector: {}`,
    },
    {
      name: 'Compose: a wide range published on 127.0.0.1 only',
      code: compose`
        services:
          game:
            image: example/game-server
            ports:
              - "127.0.0.1:7000-9000:7000-9000/udp"`,
    },
    {
      name: 'GCP export: every port, but only from the internal range',
      code: sg`
        [
          {
            "kind": "compute#firewall",
            "name": "allow-internal",
            "direction": "INGRESS",
            "allowed": [{ "IPProtocol": "all" }],
            "sourceRanges": ["10.128.0.0/9"]
          }
        ]`,
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
    {
      name: 'Kubernetes: a NetworkPolicy ingress rule `{}` lets every source in on every port',
      code: k8s`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-all
        spec:
          podSelector: {}
          ingress:
            - {}`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 8, column: 7, endLine: 8, endColumn: 9,
        fixes: [{
          title: 'Narrow port range to 443',
          output: k8s`
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-all
            spec:
              podSelector: {}
              ingress:
                - { ports: [{ protocol: TCP, port: 443 }] }`,
        }, {
          title: 'Narrow port range to 80',
          output: k8s`
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-all
            spec:
              podSelector: {}
              ingress:
                - { ports: [{ protocol: TCP, port: 80 }] }`,
        }],
      }],
    },
    {
      name: 'Kubernetes: hostNetwork puts every port of the pod on the node',
      code: k8s`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
                - name: agent
                  image: example/agent`,
      findings: [{
        message: "DaemonSet/agent uses the host's network: every port it listens on is open to 0.0.0.0/0",
        line: 8, column: 20, endLine: 8, endColumn: 24,
        fixes: [{
          title: 'Turn off host networking',
          output: k8s`
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              template:
                spec:
                  hostNetwork: false
                  containers:
                    - name: agent
                      image: example/agent`,
        }],
      }],
    },
    {
      name: 'CloudFormation: every protocol from anywhere, inline in a group',
      code: cfn`
        Resources:
          Web:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: web
              SecurityGroupIngress:
                - IpProtocol: -1
                  CidrIp: 0.0.0.0/0`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 7, column: 23, endLine: 7, endColumn: 25,
        fixes: [{
          title: 'Narrow port range to 443',
          output: cfn`
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      CidrIp: 0.0.0.0/0
                      FromPort: 443
                      ToPort: 443`,
        }, {
          title: 'Narrow port range to 80',
          output: cfn`
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      CidrIp: 0.0.0.0/0
                      FromPort: 80
                      ToPort: 80`,
        }],
      }],
    },
    {
      name: 'Compose: a wide published range, bound to every interface',
      code: compose`
        services:
          media:
            image: example/media
            ports:
              - "10000-20000:10000-20000/udp"`,
      findings: [{
        message: '10,001 ports (10000-20000) are open to 0.0.0.0/0',
        line: 5, column: 10, endLine: 5, endColumn: 37,
        fixes: [{
          title: 'Bind to 127.0.0.1',
          output: compose`
            services:
              media:
                image: example/media
                ports:
                  - "127.0.0.1:10000-20000:10000-20000/udp"`,
        }],
      }],
    },
    {
      name: 'GCP export: every protocol from anywhere',
      code: sg`
        [
          {
            "kind": "compute#firewall",
            "name": "allow-all",
            "direction": "INGRESS",
            "allowed": [
              {
                "IPProtocol": "all"
              }
            ],
            "sourceRanges": ["0.0.0.0/0"]
          }
        ]`,
      findings: [{
        message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
        line: 8, column: 24, endLine: 8, endColumn: 27,
        fixes: [{
          title: 'Narrow port range to 443',
          output: sg`
            [
              {
                "kind": "compute#firewall",
                "name": "allow-all",
                "direction": "INGRESS",
                "allowed": [
                  {
                    "IPProtocol": "tcp",
                    "ports": [
                      "443"
                    ]
                  }
                ],
                "sourceRanges": ["0.0.0.0/0"]
              }
            ]`,
        }, {
          title: 'Narrow port range to 80',
          output: sg`
            [
              {
                "kind": "compute#firewall",
                "name": "allow-all",
                "direction": "INGRESS",
                "allowed": [
                  {
                    "IPProtocol": "tcp",
                    "ports": [
                      "80"
                    ]
                  }
                ],
                "sourceRanges": ["0.0.0.0/0"]
              }
            ]`,
        }],
      }],
    },
  ],
});
