import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testCheck } from '../../testing/check-tester';
import { tf, k8s, cfn, compose, sg } from '../../testing/tags';
import { check, dayNumber } from './expired-rule';

describe('dayNumber', () => {
  it('reads real calendar dates only', () => {
    assert.equal(dayNumber('1970-01-02'), 1);
    assert.equal(dayNumber('2024-02-29'), 19782);
    for (const text of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-5', 'soon', '', '2026-01-31T00:00:00Z']) {
      assert.equal(dayNumber(text), undefined, text);
    }
  });
});

testCheck(check, {
  valid: [
    {
      name: 'an expiry in the future',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            description = "vendor access, expires=2027-01-31"
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["198.51.100.7/32"]
          }
        }`,
    },
    {
      name: 'a rule is still valid on its expiry day',
      today: '2026-01-31',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            description = "vendor access, expires=2026-01-31"
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["198.51.100.7/32"]
          }
        }`,
    },
    {
      name: 'a rule without an expiry',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            description = "HTTPS"
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'tags from a variable stay silent',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["198.51.100.7/32"]
          }
          tags = var.tags
        }`,
    },
    {
      name: 'an expiry tag from a variable stays silent',
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "vendor" {
          security_group_id = "sg-1"
          cidr_ipv4         = "198.51.100.7/32"
          from_port         = 22
          to_port           = 22
          ip_protocol       = "tcp"
          tags = {
            expires = var.vendor_access_until
          }
        }`,
    },
    {
      name: 'Kubernetes: an expiry annotation still in the future',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: demo
          annotations:
            expires: "2027-01-31"
        spec:
          type: LoadBalancer
          ports:
            - port: 443`,
    },
  ],
  invalid: [
    {
      name: 'expired, from an inline rule description',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            description = "temporary debugging, expires=2026-01-31"
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{ message: 'Temporary rule expired on 2026-01-31 (296 days ago)', line: 3, column: 49, endLine: 3, endColumn: 59, fixes: [] }],
    },
    {
      name: 'expired, from a standalone rule description',
      code: tf`
        resource "aws_security_group_rule" "vendor" {
          type              = "ingress"
          description       = "owner=ops expires: 2023-01-01"
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          cidr_blocks       = ["198.51.100.7/32"]
          security_group_id = "sg-1"
        }`,
      findings: [{ message: 'Temporary rule expired on 2023-01-01 (1,422 days ago)', line: 3, column: 43, endLine: 3, endColumn: 53, fixes: [] }],
    },
    {
      name: 'expired yesterday, from a vpc rule tag',
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "vendor" {
          security_group_id = "sg-1"
          cidr_ipv4         = "198.51.100.7/32"
          from_port         = 22
          to_port           = 22
          ip_protocol       = "tcp"
          tags = {
            Expires = "2026-11-22"
          }
        }`,
      findings: [{ message: 'Temporary rule expired on 2026-11-22 (1 day ago)', line: 8, column: 16, endLine: 8, endColumn: 26 }],
    },
    {
      name: 'a group tag shared by every rule is reported once',
      code: tf`
        resource "aws_security_group" "migration" {
          ingress {
            from_port   = 5432
            to_port     = 5432
            protocol    = "tcp"
            cidr_blocks = ["198.51.100.0/24"]
          }
          ingress {
            from_port   = 6379
            to_port     = 6379
            protocol    = "tcp"
            cidr_blocks = ["198.51.100.0/24"]
          }
          tags = { expiry = "2024-02-29" }
        }`,
      findings: [{ message: 'Temporary rule expired on 2024-02-29 (998 days ago)', line: 14, column: 22, endLine: 14, endColumn: 32 }],
    },
    {
      name: 'a date that does not exist',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            description = "load test, expires=2026-02-30"
            from_port   = 8080
            to_port     = 8080
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{ message: 'Expiry date "2026-02-30" is not a valid YYYY-MM-DD date', line: 3, column: 39, endLine: 3, endColumn: 49, fixes: [] }],
    },
    {
      name: 'an expiry tag that is not a date',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 8080
            to_port     = 8080
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = {
            expires = "soon"
          }
        }`,
      findings: [{ message: 'Expiry date "soon" is not a valid YYYY-MM-DD date', line: 9, column: 16, endLine: 9, endColumn: 20 }],
    },
    {
      name: 'an expiry tag in another date format',
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "vendor" {
          security_group_id = "sg-1"
          cidr_ipv4         = "198.51.100.7/32"
          from_port         = 22
          to_port           = 22
          ip_protocol       = "tcp"
          tags              = { expires = "31/01/2026" }
        }`,
      findings: [{ message: 'Expiry date "31/01/2026" is not a valid YYYY-MM-DD date', line: 7, column: 36, endLine: 7, endColumn: 46 }],
    },
    {
      name: 'expired, AWS network ACL tag',
      code: tf`
        resource "aws_network_acl" "migration" {
          vpc_id = "vpc-1"

          ingress {
            rule_no    = 100
            action     = "allow"
            protocol   = "tcp"
            cidr_block = "198.51.100.0/24"
            from_port  = 5432
            to_port    = 5432
          }

          tags = { expires = "2026-06-30" }
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-06-30 (146 days ago)',
        line: 13, column: 23, endLine: 13, endColumn: 33,
        fixes: [],
      }],
    },
    {
      name: 'expired, public AWS database tag',
      code: tf`
        resource "aws_db_instance" "demo" {
          engine              = "mysql"
          instance_class      = "db.t3.micro"
          publicly_accessible = true
          tags                = { owner = "sales-eng", expires = "2026-10-31" }
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-10-31 (23 days ago)',
        line: 5, column: 59, endLine: 5, endColumn: 69,
        fixes: [],
      }],
    },
    {
      name: 'expired, Azure rule description',
      code: tf`
        resource "azurerm_network_security_rule" "vendor" {
          name                        = "vendor"
          description                 = "vendor VPN test, expires=2026-09-30"
          priority                    = 200
          direction                   = "Inbound"
          access                      = "Allow"
          protocol                    = "Tcp"
          source_port_range           = "*"
          destination_port_range      = "8443"
          source_address_prefix       = "198.51.100.0/24"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = "nsg"
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-09-30 (54 days ago)',
        line: 3, column: 59, endLine: 3, endColumn: 69,
        fixes: [],
      }],
    },
    {
      name: 'expired, GCP firewall description shared by two blocks',
      code: tf`
        resource "google_compute_firewall" "load_test" {
          name          = "load-test"
          network       = "default"
          description   = "load test owner=perf expires=2026-02-28"
          source_ranges = ["198.51.100.0/24"]

          allow {
            protocol = "tcp"
            ports    = ["8080"]
          }
          allow {
            protocol = "udp"
            ports    = ["8080"]
          }
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-02-28 (268 days ago)',
        line: 4, column: 49, endLine: 4, endColumn: 59,
        fixes: [],
      }],
    },
    {
      name: 'not a date, Cloud SQL user_labels',
      code: tf`
        resource "google_sql_database_instance" "poc" {
          name             = "poc"
          database_version = "MYSQL_8_0"

          settings {
            tier        = "db-f1-micro"
            user_labels = { owner = "data", expires = "2026-13-01" }
            ip_configuration {
              authorized_networks {
                value = "0.0.0.0/0"
              }
            }
          }
        }`,
      findings: [{
        message: 'Expiry date "2026-13-01" is not a valid YYYY-MM-DD date',
        line: 7, column: 48, endLine: 7, endColumn: 58,
        fixes: [],
      }],
    },
    {
      name: 'expired, Tencent rule set description',
      code: tf`
        resource "tencentcloud_security_group_rule_set" "vendor" {
          security_group_id = "sg-1"

          ingress {
            action      = "ACCEPT"
            cidr_block  = "198.51.100.7/32"
            protocol    = "TCP"
            port        = "22"
            description = "vendor support, expires=2026-11-01"
          }
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-11-01 (22 days ago)',
        line: 9, column: 44, endLine: 9, endColumn: 54,
        fixes: [],
      }],
    },
    {
      name: 'expired, Alibaba rule description',
      code: tf`
        resource "alicloud_security_group_rule" "vendor" {
          type              = "ingress"
          ip_protocol       = "tcp"
          policy            = "accept"
          port_range        = "22/22"
          security_group_id = "sg-1"
          cidr_ip           = "198.51.100.7/32"
          description       = "vendor support, expires=2026-11-01"
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-11-01 (22 days ago)',
        line: 8, column: 48, endLine: 8, endColumn: 58,
        fixes: [],
      }],
    },
    {
      name: 'expired, Huawei rule description',
      code: tf`
        resource "huaweicloud_networking_secgroup_rule" "vendor" {
          security_group_id = "sg-1"
          direction         = "ingress"
          protocol          = "tcp"
          ports             = "22"
          remote_ip_prefix  = "198.51.100.7/32"
          description       = "vendor support, expires=2026-11-01"
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-11-01 (22 days ago)',
        line: 7, column: 48, endLine: 7, endColumn: 58,
        fixes: [],
      }],
    },
    {
      name: 'expired, OpenStack group list tag',
      code: tf`
        resource "openstack_networking_secgroup_v2" "pilot" {
          name = "pilot"
          tags = ["owner=research", "expires=2026-05-31"]
        }

        resource "openstack_networking_secgroup_rule_v2" "jupyter" {
          direction         = "ingress"
          protocol          = "tcp"
          port_range_min    = 8888
          port_range_max    = 8888
          remote_ip_prefix  = "198.51.100.0/24"
          security_group_id = openstack_networking_secgroup_v2.pilot.id
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-05-31 (176 days ago)',
        line: 3, column: 38, endLine: 3, endColumn: 48,
        fixes: [],
      }],
    },
    {
      name: 'Kubernetes: an expiry annotation in the past',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: demo
          annotations:
            expires: "2026-01-31"
        spec:
          type: LoadBalancer
          ports:
            - port: 443`,
      findings: [{
        message: 'Temporary rule expired on 2026-01-31 (296 days ago)',
        line: 6, column: 15, endLine: 6, endColumn: 25,
        fixes: [],
      }],
    },
    {
      name: 'CloudFormation: an Expires tag on the group',
      code: cfn`
        Resources:
          Vendor:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: vendor access
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 198.51.100.0/24
              Tags:
                - Key: Expires
                  Value: "2026-10-01"`,
      findings: [{
        message: 'Temporary rule expired on 2026-10-01 (53 days ago)',
        line: 13, column: 19, endLine: 13, endColumn: 29,
        fixes: [],
      }],
    },
    {
      name: 'Compose: an expires= label',
      code: compose`
        services:
          demo:
            image: nginx
            labels:
              - "expires=2026-11-01"
            ports:
              - "127.0.0.1:8080:80"`,
      findings: [{
        message: 'Temporary rule expired on 2026-11-01 (22 days ago)',
        line: 5, column: 18, endLine: 5, endColumn: 28,
        fixes: [],
      }],
    },
    {
      name: 'AWS export: expires= in an address range description',
      code: sg`
        {
          "SecurityGroups": [
            {
              "GroupId": "sg-0a1b2c3d4e5f67890",
              "IpPermissions": [
                {
                  "IpProtocol": "tcp",
                  "FromPort": 443,
                  "ToPort": 443,
                  "IpRanges": [{ "CidrIp": "198.51.100.0/24", "Description": "vendor, expires=2026-09-30" }]
                }
              ]
            }
          ]
        }`,
      findings: [{
        message: 'Temporary rule expired on 2026-09-30 (54 days ago)',
        line: 10, column: 87, endLine: 10, endColumn: 97,
        fixes: [],
      }],
    },
  ],
});
