import { testCheck } from '../../testing/check-tester';
import { tf, k8s, cfn, compose, sg } from '../../testing/tags';
import { check } from './missing-owner';

testCheck(check, {
  valid: [
    {
      name: 'an owner tag on the group',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }

          tags = {
            owner = "web-team"
          }
        }`,
    },
    {
      name: 'the capitalised key',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = { Name = "web", Owner = "web-team" }
        }`,
    },
    {
      name: 'tags from a variable may hold an owner',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = var.tags
        }`,
    },
    {
      name: 'tags merged by a function may hold an owner',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = merge(local.common_tags, { Name = "web" })
        }`,
    },
    {
      name: 'an owner tag whose value is a variable',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = { owner = var.owner }
        }`,
    },
    {
      name: 'owner= in one rule description names the owner of the whole group',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            description = "HTTPS, owner=web-team"
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            from_port   = 80
            to_port     = 80
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'owner= in an egress description counts too',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          egress {
            description = "owner: web-team"
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'a group that only allows egress opens nothing',
      code: tf`
        resource "aws_security_group" "worker" {
          egress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'a group without rules',
      code: tf`
        resource "aws_security_group" "empty" {
          name = "empty"
        }`,
    },
    {
      name: 'a standalone rule takes the owner of its group',
      code: tf`
        resource "aws_security_group" "web" {
          tags = { owner = "web-team" }
        }

        resource "aws_security_group_rule" "https" {
          type              = "ingress"
          from_port         = 443
          to_port           = 443
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.web.id
        }`,
    },
    {
      name: 'a standalone rule whose group is in another file',
      code: tf`
        resource "aws_security_group_rule" "https" {
          type              = "ingress"
          from_port         = 443
          to_port           = 443
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.web.id
        }`,
    },
    {
      name: 'a vpc rule on a group outside terraform',
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "https" {
          security_group_id = "sg-0123456789"
          cidr_ipv4         = "0.0.0.0/0"
          from_port         = 443
          to_port           = 443
          ip_protocol       = "tcp"
        }`,
    },
    {
      name: 'a vpc rule with its own owner tag',
      code: tf`
        resource "aws_security_group" "web" {
          name = "web"
        }

        resource "aws_vpc_security_group_ingress_rule" "https" {
          security_group_id = aws_security_group.web.id
          cidr_ipv4         = "0.0.0.0/0"
          from_port         = 443
          to_port           = 443
          ip_protocol       = "tcp"
          tags = {
            owner = "web-team"
          }
        }`,
    },
    {
      name: 'ownerKeys from the settings',
      settings: { ownerKeys: ['team'] },
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = { team = "web" }
        }`,
    },
    {
      name: 'a network ACL that only denies opens nothing',
      code: tf`
        resource "aws_network_acl" "quarantine" {
          vpc_id = "vpc-1"

          ingress {
            rule_no    = 100
            action     = "deny"
            protocol   = "-1"
            cidr_block = "0.0.0.0/0"
            from_port  = 0
            to_port    = 0
          }
        }`,
    },
    {
      name: 'an owner in OpenStack list tags',
      code: tf`
        resource "openstack_networking_secgroup_v2" "web" {
          name = "web"
          tags = ["owner=web-team"]
        }

        resource "openstack_networking_secgroup_rule_v2" "https" {
          direction         = "ingress"
          protocol          = "tcp"
          port_range_min    = 443
          port_range_max    = 443
          remote_ip_prefix  = "0.0.0.0/0"
          security_group_id = openstack_networking_secgroup_v2.web.id
        }`,
    },
    {
      name: 'Kubernetes: a workload owned through its pod template labels',
      code: k8s`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bastion
        spec:
          template:
            metadata:
              labels:
                owner: platform-team
            spec:
              containers:
                - name: sshd
                  image: example/sshd
                  ports:
                    - containerPort: 22
                      hostPort: 22
                      hostIP: 10.0.0.5`,
    },
    {
      name: 'Compose: an owner in a list of labels',
      code: compose`
        services:
          web:
            image: nginx
            labels:
              - "owner=web-team"
            ports:
              - "443:443"`,
    },
    {
      name: 'CloudFormation: an owner tag whose value is a !Ref may hold an owner',
      code: cfn`
        Resources:
          Web:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: web
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 0.0.0.0/0
              Tags:
                - Key: owner
                  Value: !Ref Team`,
    },
  ],
  invalid: [
    {
      name: 'an empty owner tag names nobody',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = { owner = " " }
        }`,
      findings: [{
        message: 'aws_security_group.web has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 36,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_security_group" "web" {
              ingress {
                from_port   = 443
                to_port     = 443
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
              tags = { owner = "TODO" }
            }`,
        }],
      }],
    },
    {
      name: 'a group without tags',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{
        message: 'aws_security_group.web has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 36,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_security_group" "web" {
              ingress {
                from_port   = 443
                to_port     = 443
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
              tags = {
                owner = "TODO"
              }
            }`,
        }],
      }],
    },
    {
      name: 'tags without an owner, internal rules count too',
      code: tf`
        resource "aws_security_group" "db" {
          ingress {
            description = "PostgreSQL from the app subnets"
            from_port   = 5432
            to_port     = 5432
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
          tags = { Name = "db" }
        }`,
      findings: [{
        message: 'aws_security_group.db has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 35,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_security_group" "db" {
              ingress {
                description = "PostgreSQL from the app subnets"
                from_port   = 5432
                to_port     = 5432
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
              tags = { Name = "db", owner = "TODO" }
            }`,
        }],
      }],
    },
    {
      name: 'a standalone rule on a group in this file; the tag goes on the group',
      code: tf`
        resource "aws_security_group" "web" {
          name = "web"
        }

        resource "aws_security_group_rule" "https" {
          type              = "ingress"
          from_port         = 443
          to_port           = 443
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.web.id
        }`,
      findings: [{
        message: 'aws_security_group_rule.https has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 5, column: 1, endLine: 5, endColumn: 43,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_security_group" "web" {
              name = "web"
              tags = {
                owner = "TODO"
              }
            }

            resource "aws_security_group_rule" "https" {
              type              = "ingress"
              from_port         = 443
              to_port           = 443
              protocol          = "tcp"
              cidr_blocks       = ["0.0.0.0/0"]
              security_group_id = aws_security_group.web.id
            }`,
        }],
      }],
    },
    {
      name: 'a vpc rule on a group in this file; the tag goes on the rule',
      code: tf`
        resource "aws_security_group" "web" {
          name = "web"
        }

        resource "aws_vpc_security_group_ingress_rule" "https" {
          security_group_id = aws_security_group.web.id
          cidr_ipv4         = "0.0.0.0/0"
          from_port         = 443
          to_port           = 443
          ip_protocol       = "tcp"
          tags              = {}
        }`,
      findings: [{
        message: 'aws_vpc_security_group_ingress_rule.https has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 5, column: 1, endLine: 5, endColumn: 55,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_security_group" "web" {
              name = "web"
            }

            resource "aws_vpc_security_group_ingress_rule" "https" {
              security_group_id = aws_security_group.web.id
              cidr_ipv4         = "0.0.0.0/0"
              from_port         = 443
              to_port           = 443
              ip_protocol       = "tcp"
              tags              = { owner = "TODO" }
            }`,
        }],
      }],
    },
    {
      name: 'each group is reported once, with the standalone rules attached to it',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            from_port   = 80
            to_port     = 80
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          egress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }

        resource "aws_security_group_rule" "ssh" {
          type              = "ingress"
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          cidr_blocks       = ["10.0.0.0/8"]
          security_group_id = aws_security_group.web.id
        }`,
      findings: [
        { message: 'aws_security_group.web has no owner tag (owner, Owner) and no owner= in its descriptions', line: 1, column: 1, endLine: 1, endColumn: 36 },
      ],
    },
    {
      name: 'an owner under a key that is not configured',
      settings: { ownerKeys: ['team', 'Team'] },
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = {
            Name  = "web"
            owner = "web-team"
          }
        }`,
      findings: [{
        message: 'aws_security_group.web has no owner tag (team, Team) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 36,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_security_group" "web" {
              ingress {
                from_port   = 443
                to_port     = 443
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
              tags = {
                team = "TODO"
                Name  = "web"
                owner = "web-team"
              }
            }`,
        }],
      }],
    },
    {
      name: 'no owner keys configured: no tag to add',
      settings: { ownerKeys: [] },
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          tags = { owner = "web-team" }
        }`,
      findings: [{
        message: 'aws_security_group.web has no owner tag (none configured) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 36,
        fixes: [],
      }],
    },
    {
      name: 'an AWS network ACL',
      code: tf`
        resource "aws_network_acl" "public" {
          vpc_id = "vpc-1"

          ingress {
            rule_no    = 100
            action     = "allow"
            protocol   = "tcp"
            cidr_block = "0.0.0.0/0"
            from_port  = 443
            to_port    = 443
          }
        }`,
      findings: [{
        message: 'aws_network_acl.public has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 36,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_network_acl" "public" {
              vpc_id = "vpc-1"

              ingress {
                rule_no    = 100
                action     = "allow"
                protocol   = "tcp"
                cidr_block = "0.0.0.0/0"
                from_port  = 443
                to_port    = 443
              }
              tags = {
                owner = "TODO"
              }
            }`,
        }],
      }],
    },
    {
      name: 'a public AWS database',
      code: tf`
        resource "aws_db_instance" "orders" {
          engine              = "postgres"
          instance_class      = "db.t3.micro"
          publicly_accessible = true
          tags                = { Name = "orders" }
        }`,
      findings: [{
        message: 'aws_db_instance.orders has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 36,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_db_instance" "orders" {
              engine              = "postgres"
              instance_class      = "db.t3.micro"
              publicly_accessible = true
              tags                = { Name = "orders", owner = "TODO" }
            }`,
        }],
      }],
    },
    {
      name: 'an Azure network security group',
      code: tf`
        resource "azurerm_network_security_group" "app" {
          name                = "app-nsg"
          location            = "westeurope"
          resource_group_name = "rg"

          security_rule {
            name                       = "https"
            priority                   = 100
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "443"
            source_address_prefix      = "*"
            destination_address_prefix = "*"
          }
        }`,
      findings: [{
        message: 'azurerm_network_security_group.app has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 48,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "azurerm_network_security_group" "app" {
              name                = "app-nsg"
              location            = "westeurope"
              resource_group_name = "rg"

              security_rule {
                name                       = "https"
                priority                   = 100
                direction                  = "Inbound"
                access                     = "Allow"
                protocol                   = "Tcp"
                source_port_range          = "*"
                destination_port_range     = "443"
                source_address_prefix      = "*"
                destination_address_prefix = "*"
              }
              tags = {
                owner = "TODO"
              }
            }`,
        }],
      }],
    },
    {
      name: 'a GCP firewall: the owner goes in its description',
      code: tf`
        resource "google_compute_firewall" "https" {
          name          = "allow-https"
          network       = "default"
          description   = "Public web"
          source_ranges = ["0.0.0.0/0"]

          allow {
            protocol = "tcp"
            ports    = ["443"]
          }
        }`,
      findings: [{
        message: 'google_compute_firewall.https has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 43,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "google_compute_firewall" "https" {
              name          = "allow-https"
              network       = "default"
              description   = "Public web, owner=TODO"
              source_ranges = ["0.0.0.0/0"]

              allow {
                protocol = "tcp"
                ports    = ["443"]
              }
            }`,
        }],
      }],
    },
    {
      name: 'a public Cloud SQL instance: the owner goes in user_labels',
      code: tf`
        resource "google_sql_database_instance" "main" {
          name             = "main"
          database_version = "POSTGRES_15"

          settings {
            tier = "db-f1-micro"
            ip_configuration {
              ipv4_enabled = true
              authorized_networks {
                name  = "everyone"
                value = "0.0.0.0/0"
              }
            }
          }
        }`,
      findings: [{
        message: 'google_sql_database_instance.main has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 47,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "google_sql_database_instance" "main" {
              name             = "main"
              database_version = "POSTGRES_15"

              settings {
                tier = "db-f1-micro"
                ip_configuration {
                  ipv4_enabled = true
                  authorized_networks {
                    name  = "everyone"
                    value = "0.0.0.0/0"
                  }
                }
                user_labels = {
                  owner = "TODO"
                }
              }
            }`,
        }],
      }],
    },
    {
      name: 'a Tencent rule set: the tag goes on its group',
      code: tf`
        resource "tencentcloud_security_group" "web" {
          name = "web"
        }

        resource "tencentcloud_security_group_rule_set" "web" {
          security_group_id = tencentcloud_security_group.web.id

          ingress {
            action     = "ACCEPT"
            cidr_block = "0.0.0.0/0"
            protocol   = "TCP"
            port       = "443"
          }
        }`,
      findings: [{
        message: 'tencentcloud_security_group_rule_set.web has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 5, column: 1, endLine: 5, endColumn: 54,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "tencentcloud_security_group" "web" {
              name = "web"
              tags = {
                owner = "TODO"
              }
            }

            resource "tencentcloud_security_group_rule_set" "web" {
              security_group_id = tencentcloud_security_group.web.id

              ingress {
                action     = "ACCEPT"
                cidr_block = "0.0.0.0/0"
                protocol   = "TCP"
                port       = "443"
              }
            }`,
        }],
      }],
    },
    {
      name: 'an Alibaba rule: the tag goes on its group',
      code: tf`
        resource "alicloud_security_group" "web" {
          name   = "web"
          vpc_id = "vpc-1"
        }

        resource "alicloud_security_group_rule" "https" {
          type              = "ingress"
          ip_protocol       = "tcp"
          policy            = "accept"
          port_range        = "443/443"
          security_group_id = alicloud_security_group.web.id
          cidr_ip           = "0.0.0.0/0"
        }`,
      findings: [{
        message: 'alicloud_security_group_rule.https has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 6, column: 1, endLine: 6, endColumn: 48,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "alicloud_security_group" "web" {
              name   = "web"
              vpc_id = "vpc-1"
              tags = {
                owner = "TODO"
              }
            }

            resource "alicloud_security_group_rule" "https" {
              type              = "ingress"
              ip_protocol       = "tcp"
              policy            = "accept"
              port_range        = "443/443"
              security_group_id = alicloud_security_group.web.id
              cidr_ip           = "0.0.0.0/0"
            }`,
        }],
      }],
    },
    {
      name: 'a Huawei rule: the tag goes on its group',
      code: tf`
        resource "huaweicloud_networking_secgroup" "web" {
          name = "web"
        }

        resource "huaweicloud_networking_secgroup_rule" "https" {
          security_group_id = huaweicloud_networking_secgroup.web.id
          direction         = "ingress"
          ethertype         = "IPv4"
          protocol          = "tcp"
          ports             = "443"
          remote_ip_prefix  = "0.0.0.0/0"
        }`,
      findings: [{
        message: 'huaweicloud_networking_secgroup_rule.https has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 5, column: 1, endLine: 5, endColumn: 56,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "huaweicloud_networking_secgroup" "web" {
              name = "web"
              tags = {
                owner = "TODO"
              }
            }

            resource "huaweicloud_networking_secgroup_rule" "https" {
              security_group_id = huaweicloud_networking_secgroup.web.id
              direction         = "ingress"
              ethertype         = "IPv4"
              protocol          = "tcp"
              ports             = "443"
              remote_ip_prefix  = "0.0.0.0/0"
            }`,
        }],
      }],
    },
    {
      name: 'an OpenStack rule: list tags without an owner, so the rule description gets one',
      code: tf`
        resource "openstack_networking_secgroup_v2" "web" {
          name = "web"
          tags = ["env=prod"]
        }

        resource "openstack_networking_secgroup_rule_v2" "https" {
          direction         = "ingress"
          ethertype         = "IPv4"
          protocol          = "tcp"
          port_range_min    = 443
          port_range_max    = 443
          remote_ip_prefix  = "0.0.0.0/0"
          security_group_id = openstack_networking_secgroup_v2.web.id
        }`,
      findings: [{
        message: 'openstack_networking_secgroup_rule_v2.https has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 6, column: 1, endLine: 6, endColumn: 57,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "openstack_networking_secgroup_v2" "web" {
              name = "web"
              tags = ["env=prod"]
            }

            resource "openstack_networking_secgroup_rule_v2" "https" {
              direction         = "ingress"
              ethertype         = "IPv4"
              protocol          = "tcp"
              port_range_min    = 443
              port_range_max    = 443
              remote_ip_prefix  = "0.0.0.0/0"
              security_group_id = openstack_networking_secgroup_v2.web.id
              description       = "owner=TODO"
            }`,
        }],
      }],
    },
    {
      name: 'Kubernetes: a LoadBalancer Service without an owner label',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels:
            app: web
        spec:
          type: LoadBalancer
          ports:
            - port: 443`,
      findings: [{
        message: 'Service/web has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 4, column: 3, endLine: 4, endColumn: 12,
        fixes: [{
          title: 'Add owner tag',
          output: k8s`
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              labels:
                app: web
                owner: TODO
            spec:
              type: LoadBalancer
              ports:
                - port: 443`,
        }],
      }],
    },
    {
      name: 'CloudFormation: a group without an owner tag',
      code: cfn`
        Resources:
          Web:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: web
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 0.0.0.0/0`,
      findings: [{
        message: 'Web has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 2, column: 3, endLine: 2, endColumn: 6,
        fixes: [{
          title: 'Add owner tag',
          output: cfn`
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0
                  Tags:
                    - Key: owner
                      Value: TODO`,
        }],
      }],
    },
    {
      name: 'Compose: labels as a list without an owner',
      code: compose`
        services:
          web:
            image: nginx
            labels:
              - "tier=frontend"
            ports:
              - "443:443"`,
      findings: [{
        message: 'services.web has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 2, column: 3, endLine: 2, endColumn: 6,
        fixes: [{
          title: 'Add owner tag',
          output: compose`
            services:
              web:
                image: nginx
                labels:
                  - "tier=frontend"
                  - "owner=TODO"
                ports:
                  - "443:443"`,
        }],
      }],
    },
    {
      name: 'AWS export: a group without tags',
      code: sg`
        {
          "SecurityGroups": [
            {
              "GroupId": "sg-0a1b2c3d4e5f67890",
              "GroupName": "web",
              "IpPermissions": [
                {
                  "IpProtocol": "tcp",
                  "FromPort": 443,
                  "ToPort": 443,
                  "IpRanges": [{ "CidrIp": "0.0.0.0/0" }]
                }
              ],
              "VpcId": "vpc-0123456789abcdef0"
            }
          ]
        }`,
      findings: [{
        message: 'sg-0a1b2c3d4e5f67890 has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 4, column: 7, endLine: 4, endColumn: 40,
        fixes: [{
          title: 'Add owner tag',
          output: sg`
            {
              "SecurityGroups": [
                {
                  "GroupId": "sg-0a1b2c3d4e5f67890",
                  "GroupName": "web",
                  "IpPermissions": [
                    {
                      "IpProtocol": "tcp",
                      "FromPort": 443,
                      "ToPort": 443,
                      "IpRanges": [{ "CidrIp": "0.0.0.0/0" }]
                    }
                  ],
                  "VpcId": "vpc-0123456789abcdef0",
                  "Tags": [
                    {
                      "Key": "owner",
                      "Value": "TODO"
                    }
                  ]
                }
              ]
            }`,
        }],
      }],
    },
  ],
});
