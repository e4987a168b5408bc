import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../../apply-edits';
import type { NetworkRule, TextEdit } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

function applied(code: TaggedCode, edits: readonly TextEdit[] | undefined): string {
  assert.ok(edits, 'the editor offered no edit');
  return applyEdits(code.text, edits);
}

describe('aws rule editors', () => {
  before(ready);

  describe('setPorts', () => {
    it('makes an all-protocol rule tcp, or AWS would ignore the new ports', () => {
      const code = tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`;
      assert.equal(applied(code, rulesOf(code)[0].edit.setPorts([[443, 443]])), tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`.text);
    });

    it('writes tcp as a string where the protocol was the number -1', () => {
      const code = tf`
        resource "aws_security_group_rule" "all" {
          type              = "ingress"
          from_port         = 0
          to_port           = 0
          protocol          = -1
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = "sg-1"
        }`;
      assert.equal(applied(code, rulesOf(code)[0].edit.setPorts([[8000, 8080]])), tf`
        resource "aws_security_group_rule" "all" {
          type              = "ingress"
          from_port         = 8000
          to_port           = 8080
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = "sg-1"
        }`.text);
    });

    it('adds the ports a VPC rule of every protocol leaves out, aligned with its neighbours', () => {
      const code = tf`
        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.web.id
          cidr_ipv4         = "0.0.0.0/0"
          ip_protocol       = "-1"
        }`;
      assert.equal(applied(code, rulesOf(code)[0].edit.setPorts([[443, 443]])), tf`
        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.web.id
          cidr_ipv4         = "0.0.0.0/0"
          ip_protocol       = "tcp"
          from_port         = 443
          to_port           = 443
        }`.text);
    });

    it('keeps a tcp rule tcp', () => {
      const code = tf`
        resource "aws_vpc_security_group_ingress_rule" "app" {
          security_group_id = "sg-1"
          cidr_ipv4         = "0.0.0.0/0"
          ip_protocol       = "tcp"
          from_port         = 0
          to_port           = 65535
        }`;
      assert.equal(applied(code, rulesOf(code)[0].edit.setPorts([[80, 80]])), tf`
        resource "aws_vpc_security_group_ingress_rule" "app" {
          security_group_id = "sg-1"
          cidr_ipv4         = "0.0.0.0/0"
          ip_protocol       = "tcp"
          from_port         = 80
          to_port           = 80
        }`.text);
    });

    it('gives up on an unknown protocol, ICMP, missing ports or several ranges', () => {
      const code = tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = var.protocol
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            from_port   = 8
            to_port     = 0
            protocol    = "icmp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            from_port   = 0
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`;
      const [unknownProtocol, icmp, halfPorts, tcp] = rulesOf(code);
      assert.equal(unknownProtocol.edit.setPorts([[443, 443]]), undefined);
      assert.equal(icmp.edit.setPorts([[443, 443]]), undefined);
      assert.equal(halfPorts.edit.setPorts([[443, 443]]), undefined);
      assert.equal(tcp.edit.setPorts([[80, 80], [443, 443]]), undefined);
    });
  });

  it('reads group references written as expressions as references', () => {
    const code = tf`
      resource "aws_security_group_rule" "from_lb" {
        type                     = "ingress"
        from_port                = 8080
        to_port                  = 8080
        protocol                 = "tcp"
        source_security_group_id = aws_security_group.lb.id
        security_group_id        = "sg-1"
      }

      resource "aws_vpc_security_group_ingress_rule" "from_list" {
        security_group_id = "sg-1"
        prefix_list_id    = aws_ec2_managed_prefix_list.office.id
        ip_protocol       = "tcp"
        from_port         = 22
        to_port           = 22
      }`;
    const [fromLb, fromList] = rulesOf(code);
    assert.deepEqual(fromLb.peers.known && fromLb.peers.value.map((peer) => [peer.kind, 'text' in peer ? peer.text : '']), [['reference', 'aws_security_group.lb.id']]);
    assert.deepEqual(fromList.peers.known && fromList.peers.value.map((peer) => [peer.kind, 'text' in peer ? peer.text : '']), [['reference', 'aws_ec2_managed_prefix_list.office.id']]);
  });

  describe('network ACLs', () => {
    const acl = tf`
      resource "aws_network_acl" "public" {
        vpc_id = aws_vpc.main.id

        ingress {
          rule_no    = 100
          action     = "allow"
          protocol   = "-1"
          from_port  = 0
          to_port    = 0
          cidr_block = "0.0.0.0/0"
        }

        ingress {
          rule_no         = 110
          action          = "allow"
          protocol        = "tcp"
          from_port       = 22
          to_port         = 22
          ipv6_cidr_block = "::/0"
        }
      }`;

    it('narrows an all-protocol entry to one tcp range', () => {
      assert.equal(applied(acl, rulesOf(acl)[0].edit.setPorts([[443, 443]])), tf`
        resource "aws_network_acl" "public" {
          vpc_id = aws_vpc.main.id

          ingress {
            rule_no    = 100
            action     = "allow"
            protocol   = "tcp"
            from_port  = 443
            to_port    = 443
            cidr_block = "0.0.0.0/0"
          }

          ingress {
            rule_no         = 110
            action          = "allow"
            protocol        = "tcp"
            from_port       = 22
            to_port         = 22
            ipv6_cidr_block = "::/0"
          }
        }`.text);
    });

    it('replaces the one CIDR an entry holds, and only with one of the same family', () => {
      const [v4, v6] = rulesOf(acl);
      assert.equal(applied(acl, v4.edit.replaceInternetPeers(['10.0.0.0/8'])), acl.text.replace('cidr_block = "0.0.0.0/0"', 'cidr_block = "10.0.0.0/8"'));
      assert.equal(v4.edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16']), undefined);
      assert.equal(v6.edit.replaceInternetPeers(['10.0.0.0/8']), undefined);
      assert.equal(applied(acl, v6.edit.replaceInternetPeers(['10.0.0.0/8', 'fd00::/8'])), acl.text.replace('ipv6_cidr_block = "::/0"', 'ipv6_cidr_block = "fd00::/8"'));
    });

    it('tags the ACL, creating its tags', () => {
      assert.equal(applied(acl, rulesOf(acl)[1].edit.addOwner('owner', 'network-team')), acl.text.replace(/\n}\n$/, '\n  tags = {\n    owner = "network-team"\n  }\n}\n'));
    });

    it('tags the ACL a standalone rule names, and gives up when that ACL is elsewhere', () => {
      const code = tf`
        resource "aws_network_acl" "public" {
          vpc_id = aws_vpc.main.id
          tags   = { Name = "public" }
        }

        resource "aws_network_acl_rule" "here" {
          network_acl_id = aws_network_acl.public.id
          rule_number    = 200
          protocol       = "tcp"
          rule_action    = "allow"
          cidr_block     = "0.0.0.0/0"
          from_port      = 3306
          to_port        = 3306
        }

        resource "aws_network_acl_rule" "elsewhere" {
          network_acl_id = module.vpc.network_acl_id
          rule_number    = 200
          protocol       = "tcp"
          rule_action    = "allow"
          cidr_block     = "0.0.0.0/0"
          from_port      = 3306
          to_port        = 3306
        }`;
      const [here, elsewhere] = rulesOf(code);
      assert.equal(applied(code, here.edit.addOwner('owner', 'dba')), code.text.replace('{ Name = "public" }', '{ Name = "public", owner = "dba" }'));
      assert.equal(elsewhere.edit.addOwner('owner', 'dba'), undefined);
    });
  });

  describe('public databases', () => {
    const code = tf`
      resource "aws_db_instance" "orders" {
        engine              = "mysql"
        publicly_accessible = true

        tags = {
          Name = "orders"
        }
      }

      resource "aws_rds_cluster_instance" "catalog" {
        cluster_identifier  = aws_rds_cluster.catalog.id
        engine              = "aurora-postgresql"
        publicly_accessible = "true"
      }`;

    it('turns the public switch off, whatever CIDRs are asked for', () => {
      const [orders, catalog] = rulesOf(code);
      assert.equal(applied(code, orders.edit.replaceInternetPeers(['10.0.0.0/8'])), code.text.replace('publicly_accessible = true', 'publicly_accessible = false'));
      assert.equal(applied(code, catalog.edit.replaceInternetPeers(['10.0.0.0/8'])), code.text.replace('publicly_accessible = "true"', 'publicly_accessible = false'));
    });

    it('never moves the database port', () => {
      assert.equal(rulesOf(code)[0].edit.setPorts([[3306, 3306]]), undefined);
    });

    it('tags the database', () => {
      const [orders, catalog] = rulesOf(code);
      assert.equal(applied(code, orders.edit.addOwner('owner', 'orders-team')), code.text.replace('    Name = "orders"\n', '    owner = "orders-team"\n    Name = "orders"\n'));
      assert.equal(applied(code, catalog.edit.addOwner('owner', 'catalog-team')), code.text.replace(/= "true"\n}\n$/, '= "true"\n  tags = {\n    owner = "catalog-team"\n  }\n}\n'));
    });

    it('leaves tags built by an expression alone', () => {
      const merged = tf`
        resource "aws_redshift_cluster" "warehouse" {
          publicly_accessible = true
          tags                = merge(var.tags, { Name = "warehouse" })
        }`;
      assert.equal(rulesOf(merged)[0].edit.addOwner('owner', 'data-team'), undefined);
    });
  });
});
