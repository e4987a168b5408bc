import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { NetworkRule } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { testCheck } from '../../../../testing/check-tester';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { check as adminPortExposed } from '../../../checks/admin-port-exposed';
import { check as missingOwner } from '../../../checks/missing-owner';
import { check as publicDatabase } from '../../../checks/public-database';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

function textAt(code: TaggedCode, span: { start: number; end: number }): string {
  return code.text.slice(span.start, span.end);
}

const NLB = tf`
  resource "aws_security_group" "bastion" {
    name = "bastion"
  }

  resource "aws_instance" "bastion" {
    ami                    = "ami-123"
    vpc_security_group_ids = [aws_security_group.bastion.id, "sg-0123"]
  }

  resource "aws_lb" "edge" {
    name               = "edge"
    load_balancer_type = "network"
  }

  resource "aws_lb_target_group" "ssh" {
    port     = 22
    protocol = "TCP"
  }

  resource "aws_lb_target_group_attachment" "ssh" {
    target_group_arn = aws_lb_target_group.ssh.arn
    target_id        = aws_instance.bastion.id
  }

  resource "aws_lb_listener" "ssh" {
    load_balancer_arn = aws_lb.edge.arn
    port              = 2222
    protocol          = "TCP"
    default_action {
      type             = "forward"
      target_group_arn = aws_lb_target_group.ssh.arn
    }
  }`;

describe('aws load balancers as rules', () => {
  before(ready);

  it('reads a listener as an ingress from the internet on its port, forwarding to its target group', () => {
    const [rule] = rulesOf(NLB);
    assert.equal(rule.resource.address, 'aws_lb_listener.ssh');
    assert.equal(rule.groupKey, 'aws_lb.edge');
    assert.deepEqual([rule.direction, rule.action], ['ingress', 'allow']);
    assert.deepEqual(rule.protocol.known && rule.protocol.value, 'tcp');
    assert.deepEqual(rule.ports.known && rule.ports.value, [[2222, 2222]]);
    assert.equal(textAt(NLB, rule.ports.span), '2222');
    assert.ok(rule.peers.known && rule.peers.value.length === 1 && rule.peers.value[0].kind === 'anywhere');
    const forward = rule.forward!;
    assert.equal(forward.via, 'internet-facing NLB edge');
    assert.equal(forward.deviceKey, 'aws_lb.edge');
    assert.equal(forward.backend, 'target group aws_lb_target_group.ssh');
    assert.deepEqual(forward.backendPorts.known && forward.backendPorts.value, [[22, 22]]);
    assert.deepEqual(forward.backendGroupKeys, ['aws_security_group.bastion', 'sg-0123']);
    // Public by default: the load balancer's header is what makes it so.
    assert.equal(textAt(NLB, forward.exposureSpan), 'resource "aws_lb" "edge"');
    assert.equal(forward.internalSwitch, 'internal = true');
  });

  it('reads nothing from an internal load balancer, a gateway load balancer or a redirect; internal = null is the default', () => {
    assert.deepEqual(rulesOf(tf`${NLB.text.replace('load_balancer_type = "network"', 'load_balancer_type = "network"\n  internal = true')}`), []);
    assert.deepEqual(rulesOf(tf`${NLB.text.replace('"network"', '"gateway"')}`), []);
    // `internal = null` leaves the default: internet-facing.
    assert.equal(rulesOf(tf`${NLB.text.replace('load_balancer_type = "network"', 'load_balancer_type = "network"\n  internal = null')}`).length, 1);
    const redirect = tf`
      resource "aws_lb" "web" {}
      resource "aws_lb_listener" "http" {
        load_balancer_arn = aws_lb.web.arn
        port              = 80
        default_action {
          type = "redirect"
          redirect {
            port        = "443"
            protocol    = "HTTPS"
            status_code = "HTTP_301"
          }
        }
      }`;
    assert.deepEqual(rulesOf(redirect), []);
  });

  it('reads nothing when the load balancer is in another file, and says why when the target group is', () => {
    const elsewhere = tf`
      resource "aws_lb_listener" "ssh" {
        load_balancer_arn = var.lb_arn
        port              = 22
        default_action {
          type             = "forward"
          target_group_arn = aws_lb_target_group.ssh.arn
        }
      }`;
    assert.deepEqual(rulesOf(elsewhere), []);
    const [rule] = rulesOf(tf`resource "aws_lb" "web" {}
${elsewhere.text.replace('var.lb_arn', 'aws_lb.web.arn')}`);
    assert.equal(!rule.forward!.backendPorts.known && rule.forward!.backendPorts.why, 'the target group is not in this document');
  });

  it('reads each listener of a classic ELB, with the security groups of its instances', () => {
    const elb = tf`
      resource "aws_instance" "app" {
        vpc_security_group_ids = [aws_security_group.app.id]
      }
      resource "aws_security_group" "app" {}
      resource "aws_elb" "legacy" {
        name      = "legacy"
        instances = [aws_instance.app.id]
        listener {
          lb_port           = 443
          lb_protocol       = "https"
          instance_port     = 8443
          instance_protocol = "https"
        }
        listener {
          lb_port           = 3389
          lb_protocol       = "tcp"
          instance_port     = 3389
          instance_protocol = "tcp"
        }
      }`;
    const rules = rulesOf(elb);
    assert.deepEqual(rules.map((rule) => [rule.ports.known && rule.ports.value[0][0], rule.forward?.backendPorts.known && rule.forward.backendPorts.value[0][0], rule.forward?.backendGroupKeys]), [
      [443, 8443, ['aws_security_group.app']],
      [3389, 3389, ['aws_security_group.app']],
    ]);
    assert.equal(rules[0].forward?.via, 'internet-facing ELB legacy');
    assert.equal(rules[0].groupKey, 'aws_elb.legacy');
  });
});

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'an https listener on an internet-facing ALB',
      code: tf`
        resource "aws_lb" "web" {
          name = "web"
        }
        resource "aws_lb_listener" "https" {
          load_balancer_arn = aws_lb.web.arn
          port              = 443
          protocol          = "HTTPS"
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.web.arn
          }
        }`,
    },
    {
      name: 'an ssh listener on an internal NLB',
      code: tf`
        resource "aws_lb" "ops" {
          internal           = true
          load_balancer_type = "network"
        }
        resource "aws_lb_listener" "ssh" {
          load_balancer_arn = aws_lb.ops.arn
          port              = 22
          protocol          = "TCP"
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.ssh.arn
          }
        }`,
    },
    {
      name: 'a listener on 22 forwarding to a web server on 8080',
      code: tf`
        resource "aws_lb" "odd" {
          load_balancer_type = "network"
        }
        resource "aws_lb_target_group" "web" {
          port = 8080
        }
        resource "aws_lb_listener" "odd" {
          load_balancer_arn = aws_lb.odd.arn
          port              = 22
          protocol          = "TCP"
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.web.arn
          }
        }`,
    },
    {
      name: 'a load balancer whose internal flag is a variable: its exposure is unknown',
      code: tf`
        resource "aws_lb" "ops" {
          internal = var.internal
        }
        resource "aws_lb_listener" "ssh" {
          load_balancer_arn = aws_lb.ops.arn
          port              = 22
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.ssh.arn
          }
        }`,
    },
    {
      name: 'a classic ELB with internal = true',
      code: tf`
        resource "aws_elb" "ops" {
          internal = true
          listener {
            lb_port           = 22
            lb_protocol       = "tcp"
            instance_port     = 22
            instance_protocol = "tcp"
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'an NLB listener forwarding 2222 to SSH: the service is the backend port; the fix makes the load balancer internal',
      code: NLB,
      findings: [{
        message: 'SSH (22): internet-facing NLB edge port 2222 forwards to target group aws_lb_target_group.ssh port 22',
        line: 27, column: 23, endLine: 27, endColumn: 27,
        fixes: [{
          title: 'Make the load balancer internal (internal = true)',
          output: tf`${NLB.text.replace('load_balancer_type = "network"\n', 'load_balancer_type = "network"\n  internal           = true\n')}`,
        }],
      }],
    },
    {
      name: 'a classic ELB forwarding ssh, with internal = false written',
      code: tf`
        resource "aws_elb" "bastion" {
          name     = "bastion"
          internal = false
          listener {
            lb_port           = 22
            lb_protocol       = "tcp"
            instance_port     = 22
            instance_protocol = "tcp"
          }
          tags = {
            owner = "ops"
          }
        }`,
      findings: [{
        message: 'SSH (22): internet-facing ELB bastion port 22 forwards to instance port 22',
        line: 5, column: 25, endLine: 5, endColumn: 27,
        fixes: [{
          title: 'Make the load balancer internal (internal = true)',
          output: tf`
            resource "aws_elb" "bastion" {
              name     = "bastion"
              internal = true
              listener {
                lb_port           = 22
                lb_protocol       = "tcp"
                instance_port     = 22
                instance_protocol = "tcp"
              }
              tags = {
                owner = "ops"
              }
            }`,
        }],
      }],
    },
    {
      name: 'an ALB listener whose target group is a variable: the backend port is not resolved, the public one is',
      code: tf`
        resource "aws_alb" "web" {
          name = "web"
        }
        resource "aws_alb_listener" "rdp" {
          load_balancer_arn = aws_alb.web.arn
          port              = 3389
          protocol          = "TCP"
          default_action {
            target_group_arn = var.target_group
            type             = "forward"
          }
        }`,
      findings: [{
        message: 'RDP (3389): internet-facing ALB web port 3389 forwards to target group var.target_group (port not resolved)',
        line: 6, column: 23, endLine: 6, endColumn: 27,
      }],
    },
  ],
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'a database listener on an internal classic ELB',
      code: tf`
        resource "aws_elb" "db" {
          internal = true
          listener {
            lb_port           = 5432
            lb_protocol       = "tcp"
            instance_port     = 5432
            instance_protocol = "tcp"
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'a MySQL listener on a public classic ELB',
      code: tf`
        resource "aws_elb" "db" {
          listener {
            lb_port           = 3306
            lb_protocol       = "tcp"
            instance_port     = 3306
            instance_protocol = "tcp"
          }
        }`,
      findings: [{
        message: 'MySQL (3306): internet-facing ELB aws_elb.db port 3306 forwards to instance port 3306',
        line: 3, column: 25, endLine: 3, endColumn: 29,
        fixes: [{
          title: 'Make the load balancer internal (internal = true)',
          output: tf`
            resource "aws_elb" "db" {
              internal = true
              listener {
                lb_port           = 3306
                lb_protocol       = "tcp"
                instance_port     = 3306
                instance_protocol = "tcp"
              }
            }`,
        }],
      }],
    },
  ],
});

testCheck(missingOwner, {
  valid: [
    {
      name: 'listeners take their owner from the load balancer\'s tags',
      code: tf`
        resource "aws_lb" "web" {
          tags = {
            owner = "web-team"
          }
        }
        resource "aws_lb_listener" "https" {
          load_balancer_arn = aws_lb.web.arn
          port              = 443
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.web.arn
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'two listeners of an untagged load balancer: one finding, naming the load balancer',
      code: tf`
        resource "aws_lb" "web" {
          name = "web"
        }
        resource "aws_lb_listener" "https" {
          load_balancer_arn = aws_lb.web.arn
          port              = 443
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.web.arn
          }
        }
        resource "aws_lb_listener" "http" {
          load_balancer_arn = aws_lb.web.arn
          port              = 80
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.web.arn
          }
        }`,
      findings: [{
        message: 'aws_lb.web publishes ports (aws_lb_listener.https) but has no owner tag (owner, Owner)',
        line: 4, column: 1, endLine: 4, endColumn: 35,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "aws_lb" "web" {
              name = "web"
              tags = {
                owner = "TODO"
              }
            }
            resource "aws_lb_listener" "https" {
              load_balancer_arn = aws_lb.web.arn
              port              = 443
              default_action {
                type             = "forward"
                target_group_arn = aws_lb_target_group.web.arn
              }
            }
            resource "aws_lb_listener" "http" {
              load_balancer_arn = aws_lb.web.arn
              port              = 80
              default_action {
                type             = "forward"
                target_group_arn = aws_lb_target_group.web.arn
              }
            }`,
        }],
      }],
    },
  ],
});
