import { check as adminPortExposed } from '../../checks/admin-port-exposed';
import { check as expiredRule } from '../../checks/expired-rule';
import { check as fullRangeExposure } from '../../checks/full-range-exposure';
import { check as missingOwner } from '../../checks/missing-owner';
import { check as publicDatabase } from '../../checks/public-database';
import { testCheck } from '../../../testing/check-tester';
import { tf } from '../../../testing/tags';

/*
 * Evaluated Terraform, one construct per case, through the checks: a resolved value reports
 * what the same literal would (saying where it came from), an unknown one reports nothing, and
 * no fix rewrites an evaluated expression.
 */

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'a variable whose default is private',
      code: tf`
        variable "admin_cidr" {
          default = "10.0.0.0/8"
        }
        resource "aws_security_group_rule" "ssh" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [var.admin_cidr]
        }`,
    },
    {
      name: 'a variable without a default stays unknown',
      code: tf`
        variable "admin_cidr" {}
        resource "aws_security_group_rule" "ssh" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [var.admin_cidr]
        }`,
    },
    {
      name: 'count = 0 creates nothing',
      code: tf`
        variable "enabled" {
          default = false
        }
        resource "aws_security_group_rule" "ssh" {
          count = var.enabled ? 1 : 0
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }`,
    },
    {
      name: 'a dynamic block over an unknown collection yields no rule',
      code: tf`
        resource "aws_security_group" "web" {
          dynamic "ingress" {
            for_each = var.undeclared_rules
            content {
              from_port = 22
              to_port = 22
              protocol = "tcp"
              cidr_blocks = ["0.0.0.0/0"]
            }
          }
        }`,
    },
    {
      name: 'the for_each instances are all private',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          for_each = { office = "203.0.113.0/24", vpn = "10.8.0.0/16" }
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [each.value]
        }`,
    },
    {
      name: 'a conditional that picks the private range',
      code: tf`
        variable "public" {
          default = false
        }
        locals {
          source = var.public ? "0.0.0.0/0" : "10.0.0.0/8"
        }
        resource "aws_security_group_rule" "ssh" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [local.source]
        }`,
    },
    {
      name: 'a function the evaluator does not follow stays unknown',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [file("cidr.txt")]
        }`,
    },
  ],
  invalid: [
    {
      name: 'SSH from a variable default; the fix is withheld',
      code: tf`
        variable "admin_cidr" {
          default = "0.0.0.0/0"
        }
        resource "aws_security_group_rule" "ssh" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [var.admin_cidr]
        }`,
      findings: [{ message: 'SSH (22) is open to 0.0.0.0/0 from var.admin_cidr default, main.tf:2', line: 7, column: 3, endLine: 8, endColumn: 15, fixes: [] }],
    },
    {
      name: 'ports from a local; the literal source is still fixed',
      code: tf`
        locals {
          ssh = 22
        }
        resource "aws_security_group_rule" "ssh" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = local.ssh
          to_port = local.ssh
          protocol = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }`,
      findings: [{
        message: 'SSH (22) from local.ssh, main.tf:2 is open to 0.0.0.0/0',
        line: 7, column: 3, endLine: 8, endColumn: 22,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            locals {
              ssh = 22
            }
            resource "aws_security_group_rule" "ssh" {
              type = "ingress"
              security_group_id = "sg-1"
              from_port = local.ssh
              to_port = local.ssh
              protocol = "tcp"
              cidr_blocks = ["10.0.0.0/8"]
            }`,
        }],
      }],
    },
    {
      name: 'a list mixing a variable and the internet: the fix keeps the variable',
      code: tf`
        variable "office" {
          default = "203.0.113.0/24"
        }
        resource "aws_security_group_rule" "ssh" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [var.office, "0.0.0.0/0"]
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 7, column: 3, endLine: 8, endColumn: 15,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            variable "office" {
              default = "203.0.113.0/24"
            }
            resource "aws_security_group_rule" "ssh" {
              type = "ingress"
              security_group_id = "sg-1"
              from_port = 22
              to_port = 22
              protocol = "tcp"
              cidr_blocks = [var.office, "10.0.0.0/8"]
            }`,
        }],
      }],
    },
    {
      name: 'a template and a network function',
      code: tf`
        variable "base" {
          default = "0.0.0.0"
        }
        resource "aws_security_group_rule" "rdp" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 3389
          to_port = 3389
          protocol = "tcp"
          cidr_blocks = [cidrsubnet("\${var.base}/0", 0, 0)]
        }`,
      findings: [{ message: 'RDP (3389) is open to 0.0.0.0/0 from var.base default, main.tf:2', line: 7, column: 3, endLine: 8, endColumn: 17, fixes: [] }],
    },
    {
      name: 'a dynamic block over a local map: one rule per element',
      code: tf`
        locals {
          admin = { ssh = 22, rdp = 3389 }
        }
        resource "aws_security_group" "bastion" {
          dynamic "ingress" {
            for_each = local.admin
            iterator = port
            content {
              from_port = port.value
              to_port = port.value
              protocol = "tcp"
              cidr_blocks = ["0.0.0.0/0"]
            }
          }
        }`,
      findings: [
        { message: 'RDP (3389) from local.admin, main.tf:2 is open to 0.0.0.0/0', line: 9, column: 7, endLine: 10, endColumn: 27 },
        {
          message: 'SSH (22) from local.admin, main.tf:2 is open to 0.0.0.0/0',
          line: 9, column: 7, endLine: 10, endColumn: 27,
          // The source is written once, in the content block: fixing it there fixes every element.
          fixes: [{
            title: 'Restrict source to 10.0.0.0/8',
            preferred: true,
            output: tf`
              locals {
                admin = { ssh = 22, rdp = 3389 }
              }
              resource "aws_security_group" "bastion" {
                dynamic "ingress" {
                  for_each = local.admin
                  iterator = port
                  content {
                    from_port = port.value
                    to_port = port.value
                    protocol = "tcp"
                    cidr_blocks = ["10.0.0.0/8"]
                  }
                }
              }`,
          }],
        },
      ],
    },
    {
      name: 'for_each: the finding names the instance',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          for_each = { prod = "0.0.0.0/0", dev = "10.0.0.0/8" }
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22
          to_port = 22
          protocol = "tcp"
          cidr_blocks = [each.value]
        }`,
      findings: [{ message: 'SSH (22) is open to 0.0.0.0/0 from for_each, main.tf:2 (in aws_security_group_rule.ssh["prod"])', line: 5, column: 3, endLine: 6, endColumn: 15, fixes: [] }],
    },
    {
      name: 'count: instances that agree report once, naming them',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          count = 2
          type = "ingress"
          security_group_id = "sg-1"
          from_port = 22 + count.index
          to_port = 22
          protocol = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }`,
      findings: [{
        message: 'SSH (22) from count, main.tf:2 is open to 0.0.0.0/0 (in aws_security_group_rule.ssh[0])',
        line: 5, column: 3, endLine: 6, endColumn: 15,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_security_group_rule" "ssh" {
              count = 2
              type = "ingress"
              security_group_id = "sg-1"
              from_port = 22 + count.index
              to_port = 22
              protocol = "tcp"
              cidr_blocks = ["10.0.0.0/8"]
            }`,
        }],
      }],
    },
    {
      name: 'lookup, merge, a for expression and a conditional together',
      code: tf`
        variable "public" {
          default = true
        }
        locals {
          ports = merge({ web = 443 }, { admin = 22 })
          sources = [for cidr in ["", "0.0.0.0/0"] : cidr if cidr != ""]
        }
        resource "aws_security_group_rule" "admin" {
          type = "ingress"
          security_group_id = "sg-1"
          from_port = lookup(local.ports, "admin", 8443)
          to_port = lookup(local.ports, "admin", 8443)
          protocol = "tcp"
          cidr_blocks = var.public ? local.sources : []
        }`,
      findings: [{ message: 'SSH (22) from local.ports, main.tf:5 is open to 0.0.0.0/0 from local.sources, main.tf:6', line: 11, column: 3, endLine: 12, endColumn: 47, fixes: [] }],
    },
  ],
});

testCheck(fullRangeExposure, {
  valid: [{
    name: 'a protocol variable that narrows to tcp 443',
    code: tf`
      variable "protocol" {
        default = "tcp"
      }
      resource "aws_security_group_rule" "web" {
        type = "ingress"
        security_group_id = "sg-1"
        from_port = 443
        to_port = 443
        protocol = var.protocol
        cidr_blocks = ["0.0.0.0/0"]
      }`,
  }],
  invalid: [{
    name: 'every protocol from a variable',
    code: tf`
      variable "protocol" {
        default = "-1"
      }
      resource "aws_security_group_rule" "all" {
        type = "ingress"
        security_group_id = "sg-1"
        protocol = var.protocol
        cidr_blocks = ["0.0.0.0/0"]
      }`,
    findings: [{ message: '65,536 ports (0-65535 from var.protocol default, main.tf:2) are open to 0.0.0.0/0', line: 7, column: 3, endLine: 7, endColumn: 26, fixes: [] }],
  }],
});

testCheck(publicDatabase, {
  valid: [{
    name: 'publicly_accessible from a variable that is false',
    code: tf`
      variable "public" {
        default = false
      }
      resource "aws_db_instance" "main" {
        engine = "mysql"
        publicly_accessible = var.public
      }`,
  }],
  invalid: [{
    name: 'publicly_accessible from a variable that is true: no fix rewrites the variable',
    code: tf`
      variable "public" {
        default = true
      }
      resource "aws_db_instance" "main" {
        engine = "mysql"
        publicly_accessible = var.public
      }`,
    findings: [{ message: 'Database aws_db_instance.main (MySQL) is publicly accessible', line: 6, column: 25, endLine: 6, endColumn: 35, fixes: [] }],
  }],
});

testCheck(missingOwner, {
  valid: [{
    name: 'an owner tag merged in from a local',
    code: tf`
      locals {
        common = { owner = "platform" }
      }
      resource "aws_security_group" "web" {
        ingress {
          from_port = 443
          to_port = 443
          protocol = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        tags = merge(local.common, { Name = "web" })
      }`,
  }],
  invalid: [{
    name: 'tags from a variable without an owner: the tags are not rewritten',
    code: tf`
      variable "tags" {
        default = { Name = "web" }
      }
      resource "aws_security_group" "web" {
        ingress {
          from_port = 443
          to_port = 443
          protocol = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        tags = var.tags
      }`,
    findings: [{ message: 'aws_security_group.web has no owner tag (owner, Owner) and no owner= in its descriptions', line: 4, column: 1, endLine: 4, endColumn: 36, fixes: [] }],
  }],
});

testCheck(expiredRule, {
  valid: [{
    name: 'an expiry date from a local that is still ahead',
    code: tf`
      locals {
        until = "2030-01-01"
      }
      resource "aws_security_group_rule" "vendor" {
        type = "ingress"
        security_group_id = "sg-1"
        from_port = 443
        to_port = 443
        protocol = "tcp"
        cidr_blocks = ["203.0.113.0/24"]
        description = "vendor access, expires=\${local.until}"
      }`,
  }],
  invalid: [{
    name: 'an expiry date written through a template',
    code: tf`
      locals {
        until = "2026-01-31"
      }
      resource "aws_security_group_rule" "vendor" {
        type = "ingress"
        security_group_id = "sg-1"
        from_port = 443
        to_port = 443
        protocol = "tcp"
        cidr_blocks = ["203.0.113.0/24"]
        description = "vendor access, expires=\${local.until}"
      }`,
    findings: [{ message: 'Temporary rule expired on 2026-01-31 (296 days ago)', line: 11, column: 17, endLine: 11, endColumn: 56 }],
  }],
});
