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
  ],
});
