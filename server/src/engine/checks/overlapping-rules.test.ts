import { testCheck } from '../../testing/check-tester';
import { tf, k8s, cfn, compose, sg, type TaggedCode } from '../../testing/tags';
import { check } from './overlapping-rules';

/** An AWS security group with inline tcp ingress rules, each `[from, to, cidrs]`; rule k starts on line 2 + 6k. */
function awsGroup(...rules: readonly (readonly [number, number, string])[]): TaggedCode {
  const blocks = rules.map(([from, to, cidrs]) => [
    '  ingress {',
    `    from_port   = ${from}`,
    `    to_port     = ${to}`,
    '    protocol    = "tcp"',
    `    cidr_blocks = [${cidrs}]`,
    '  }',
  ].join('\n'));
  return { format: 'terraform', path: 'main.tf', text: ['resource "aws_security_group" "web" {', ...blocks, '}', ''].join('\n') };
}

testCheck(check, {
  valid: [
    {
      name: 'union: the other rules leave a gap between their networks',
      code: awsGroup([22, 100, '"10.0.0.0/9"'], [22, 100, '"10.128.0.0/10"'], [22, 30, '"10.0.0.0/8"']),
    },
    {
      name: 'union: the other rules leave port 31 open to one half of the networks',
      code: awsGroup([0, 65535, '"10.0.0.0/9"'], [22, 30, '"10.128.0.0/9"'], [32, 100, '"10.128.0.0/9"'], [25, 40, '"10.0.0.0/8"']),
    },
    {
      name: 'union: a rule with an unresolved source is never counted',
      code: awsGroup([22, 100, '"10.0.0.0/9"'], [22, 100, 'var.upper_half'], [22, 30, '"10.0.0.0/8"']),
    },
    {
      name: 'union: rules of another group are not counted',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 22
            to_port     = 100
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/9"]
          }
          ingress {
            from_port   = 22
            to_port     = 30
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }

        resource "aws_security_group" "db" {
          ingress {
            from_port   = 22
            to_port     = 100
            protocol    = "tcp"
            cidr_blocks = ["10.128.0.0/9"]
          }
        }`,
    },
    {
      name: 'union: in an ordered group (Azure NSG) a rule covered by earlier ones is left to shadowed-rule',
      code: tf`
        resource "azurerm_network_security_group" "web" {
          name                = "web"
          location            = "westeurope"
          resource_group_name = "rg"

          security_rule {
            name                       = "low"
            priority                   = 100
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "22-100"
            source_address_prefix      = "10.0.0.0/9"
            destination_address_prefix = "*"
          }

          security_rule {
            name                       = "high"
            priority                   = 110
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "22-100"
            source_address_prefix      = "10.128.0.0/9"
            destination_address_prefix = "*"
          }

          security_rule {
            name                       = "all"
            priority                   = 200
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "22-30"
            source_address_prefix      = "10.0.0.0/8"
            destination_address_prefix = "*"
          }
        }`,
    },
    {
      name: 'different ports for the same sources',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'the same port from networks that do not contain each other',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/16"]
          }
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.1.0.0/16", "192.168.0.0/16"]
          }
        }`,
    },
    {
      name: 'tcp and udp on the same port are different traffic',
      code: tf`
        resource "aws_security_group" "dns" {
          ingress {
            from_port   = 53
            to_port     = 53
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
          ingress {
            from_port   = 53
            to_port     = 53
            protocol    = "udp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'rules of two groups',
      code: tf`
        resource "aws_security_group" "a" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }

        resource "aws_security_group" "b" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'ingress and egress are never compared',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
          egress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'an unresolved source is never compared',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = var.cidrs
          }
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'instances of one counted resource are not compared with each other',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          count             = 2
          type              = "ingress"
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          cidr_blocks       = ["10.0.0.0/8"]
          security_group_id = aws_security_group.web.id
        }`,
    },
    {
      name: 'a reference is covered only by the same reference, not by 0.0.0.0/0',
      code: tf`
        resource "aws_security_group" "db" {
          ingress {
            from_port   = 5432
            to_port     = 5432
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            from_port       = 5432
            to_port         = 5432
            protocol        = "tcp"
            security_groups = [aws_security_group.app.id]
          }
        }`,
    },
    {
      name: 'an ICMP rule is not covered by another ICMP rule: its types are not compared',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 8
            to_port     = 0
            protocol    = "icmp"
            cidr_blocks = ["10.0.0.0/8"]
          }
          ingress {
            from_port   = -1
            to_port     = -1
            protocol    = "icmp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'a deny that may come in between (Tencent rules without an order) keeps both allows meaningful',
      code: tf`
        resource "tencentcloud_security_group_rule" "all" {
          security_group_id = "sg-1"
          type              = "ingress"
          policy            = "ACCEPT"
          cidr_ip           = "10.0.0.0/8"
          ip_protocol       = "TCP"
          port_range        = "1-65535"
        }

        resource "tencentcloud_security_group_rule" "block" {
          security_group_id = "sg-1"
          type              = "ingress"
          policy            = "DROP"
          cidr_ip           = "10.9.0.0/16"
          ip_protocol       = "TCP"
          port_range        = "22"
        }

        resource "tencentcloud_security_group_rule" "ssh" {
          security_group_id = "sg-1"
          type              = "ingress"
          policy            = "ACCEPT"
          cidr_ip           = "10.9.1.0/24"
          ip_protocol       = "TCP"
          port_range        = "22"
        }`,
    },
    {
      name: 'a rule covered by an earlier one in an ordered group is left to shadowed-rule',
      code: tf`
        resource "azurerm_network_security_group" "web" {
          name                = "web"
          location            = "westeurope"
          resource_group_name = "rg"

          security_rule {
            name                       = "https-any"
            priority                   = 100
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "443"
            source_address_prefix      = "*"
            destination_address_prefix = "*"
          }

          security_rule {
            name                       = "https-office"
            priority                   = 200
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "443"
            source_address_prefix      = "203.0.113.0/24"
            destination_address_prefix = "*"
          }
        }`,
    },
    {
      name: 'Azure rules for different destinations do not cover each other',
      code: tf`
        resource "azurerm_network_security_group" "web" {
          name                = "web"
          location            = "westeurope"
          resource_group_name = "rg"

          security_rule {
            name                       = "ssh-a"
            priority                   = 200
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "22"
            source_address_prefix      = "10.0.0.0/8"
            destination_address_prefix = "10.1.0.4"
          }

          security_rule {
            name                       = "ssh-b"
            priority                   = 100
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "22"
            source_address_prefix      = "10.0.0.0/8"
            destination_address_prefix = "10.1.0.5"
          }
        }`,
    },
    {
      name: 'GCP firewalls for different target tags of one network',
      code: tf`
        resource "google_compute_firewall" "web" {
          name          = "web"
          network       = "default"
          source_ranges = ["0.0.0.0/0"]
          target_tags   = ["web"]
          allow {
            protocol = "tcp"
            ports    = ["443"]
          }
        }

        resource "google_compute_firewall" "api" {
          name          = "api"
          network       = "default"
          source_ranges = ["0.0.0.0/0"]
          target_tags   = ["api"]
          allow {
            protocol = "tcp"
            ports    = ["443"]
          }
        }`,
    },
    {
      name: 'a literal rule is not redundant because a variable default happens to cover it',
      code: tf`
        variable "client_cidr" {
          default = "0.0.0.0/0"
        }

        resource "aws_security_group" "db" {
          ingress {
            from_port   = 3306
            to_port     = 3306
            protocol    = "tcp"
            cidr_blocks = [var.client_cidr]
          }
          ingress {
            from_port   = 3306
            to_port     = 3306
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/24"]
          }
        }`,
    },
    {
      name: 'CloudFormation: a literal rule is not redundant because a parameter default covers it (regression, DMS template)',
      code: cfn`
        Parameters:
          ClientIP:
            Type: String
            Default: 0.0.0.0/0
        Resources:
          AuroraSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: aurora
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 3306
                  ToPort: 3306
                  CidrIp: !Ref ClientIP
                - IpProtocol: tcp
                  FromPort: 3306
                  ToPort: 3306
                  CidrIp: 10.0.0.0/24`,
    },
    {
      name: 'ports of a Kubernetes Service are published, not firewall rules',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: LoadBalancer
          ports:
            - port: 8080
            - port: 8081`,
    },
    {
      name: 'ports published by Compose are not firewall rules',
      code: compose`
        services:
          web:
            image: nginx
            ports:
              - "8080:80"
              - "8081:81"`,
    },
    {
      name: 'a load balancer forwarding to a port its backend group allows',
      code: tf`
        resource "aws_security_group" "app" {
          name = "app"
          ingress {
            from_port   = 8443
            to_port     = 8443
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/16"]
          }
        }

        resource "aws_instance" "app" {
          ami                    = "ami-123"
          vpc_security_group_ids = [aws_security_group.app.id]
        }

        resource "aws_lb" "edge" {
          name               = "edge"
          load_balancer_type = "network"
        }

        resource "aws_lb_target_group" "app" {
          port     = 8443
          protocol = "TCP"
        }

        resource "aws_lb_target_group_attachment" "app" {
          target_group_arn = aws_lb_target_group.app.arn
          target_id        = aws_instance.app.id
        }

        resource "aws_lb_listener" "tls" {
          load_balancer_arn = aws_lb.edge.arn
          port              = 443
          protocol          = "TCP"
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.app.arn
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'union: two halves of a network on wider ports cover a rule for the whole network, removed by the fix',
      code: awsGroup([22, 100, '"10.0.0.0/9"'], [22, 100, '"10.128.0.0/9"'], [22, 30, '"10.0.0.0/8"']),
      findings: [{
        message: 'tcp 22-30 from 10.0.0.0/8 is already covered: aws_security_group.web (line 2) and aws_security_group.web (line 8) together allow all of it',
        line: 14, column: 3, endLine: 14, endColumn: 12,
        fixes: [{
          title: 'Remove redundant rule',
          output: awsGroup([22, 100, '"10.0.0.0/9"'], [22, 100, '"10.128.0.0/9"']),
        }],
      }],
    },
    {
      name: 'union: ports and networks together (one half on all the ports, the other in two ranges)',
      code: awsGroup([0, 65535, '"10.0.0.0/9"'], [20, 30, '"10.128.0.0/9"'], [31, 100, '"10.128.0.0/9", "192.168.0.0/16"'], [25, 40, '"10.0.0.0/8"']),
      findings: [{
        message: 'tcp 25-40 from 10.0.0.0/8 is already covered: aws_security_group.web (line 2), aws_security_group.web (line 8) and aws_security_group.web (line 14) together allow all of it',
        line: 20, column: 3, endLine: 20, endColumn: 12,
      }],
    },
    {
      name: 'union: of three rules that each the other two cover, only the last written is reported',
      code: awsGroup([22, 22, '"10.0.0.0/16", "10.1.0.0/16"'], [22, 22, '"10.1.0.0/16", "10.2.0.0/16"'], [22, 22, '"10.0.0.0/16", "10.2.0.0/16"']),
      findings: [{
        message: 'tcp 22 from 10.0.0.0/16, 10.2.0.0/16 is already covered: aws_security_group.web (line 2) and aws_security_group.web (line 8) together allow all of it',
        line: 14, column: 3, endLine: 14, endColumn: 12,
      }],
    },
    {
      name: 'an inline rule inside a wider one of the same group',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }

          # SSH from the office
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.20.0.0/16"]
          }
        }`,
      findings: [{
        message: 'tcp 22 from 10.20.0.0/16 is already covered: aws_security_group.web (line 2) allows tcp 0-65535 from 10.0.0.0/8',
        line: 10, column: 3, endLine: 10, endColumn: 12,
        fixes: [{
          title: 'Remove redundant rule',
          output: tf`
            resource "aws_security_group" "web" {
              ingress {
                from_port   = 0
                to_port     = 65535
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
            }`,
        }],
      }],
    },
    {
      name: 'two identical standalone rules: the later one is reported',
      code: tf`
        resource "aws_security_group_rule" "https" {
          type              = "ingress"
          from_port         = 443
          to_port           = 443
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.web.id
        }

        resource "aws_security_group_rule" "https_again" {
          type              = "ingress"
          from_port         = 443
          to_port           = 443
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.web.id
        }

        resource "aws_security_group_rule" "http" {
          type              = "ingress"
          from_port         = 80
          to_port           = 80
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.web.id
        }`,
      findings: [{
        message: 'tcp 443 from 0.0.0.0/0 is already covered: aws_security_group_rule.https (line 1) allows tcp 443 from 0.0.0.0/0',
        line: 10, column: 1, endLine: 10, endColumn: 51,
        fixes: [{
          title: 'Remove redundant rule',
          output: tf`
            resource "aws_security_group_rule" "https" {
              type              = "ingress"
              from_port         = 443
              to_port           = 443
              protocol          = "tcp"
              cidr_blocks       = ["0.0.0.0/0"]
              security_group_id = aws_security_group.web.id
            }

            resource "aws_security_group_rule" "http" {
              type              = "ingress"
              from_port         = 80
              to_port           = 80
              protocol          = "tcp"
              cidr_blocks       = ["0.0.0.0/0"]
              security_group_id = aws_security_group.web.id
            }`,
        }],
      }],
    },
    {
      name: 'a standalone rule repeats an inline rule of the group it is attached to',
      code: tf`
        resource "aws_security_group" "web" {
          egress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }

        resource "aws_security_group_rule" "https_out" {
          type              = "egress"
          from_port         = 443
          to_port           = 443
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.web.id
        }`,
      findings: [{
        message: 'tcp 443 to 0.0.0.0/0 is already covered: aws_security_group.web (line 2) allows all traffic to 0.0.0.0/0',
        line: 10, column: 1, endLine: 10, endColumn: 49,
        fixes: [{
          title: 'Remove redundant rule',
          output: tf`
            resource "aws_security_group" "web" {
              egress {
                from_port   = 0
                to_port     = 0
                protocol    = "-1"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }`,
        }],
      }],
    },
    {
      name: 'adjoining port ranges for the same sources: merged into one rule',
      code: tf`
        resource "aws_security_group" "app" {
          ingress {
            from_port   = 8000
            to_port     = 8080
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }

          ingress {
            from_port   = 8081
            to_port     = 8100
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
      findings: [{
        message: 'ports 8081-8100 overlap or adjoin ports 8000-8080 of aws_security_group.app (line 2) for the same tcp from 10.0.0.0/8: one rule of 8000-8100 says the same',
        line: 10, column: 5, endLine: 11, endColumn: 23,
        fixes: [{
          title: 'Merge port ranges into 8000-8100',
          output: tf`
            resource "aws_security_group" "app" {
              ingress {
                from_port   = 8000
                to_port     = 8100
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
            }`,
        }],
      }],
    },
    {
      name: 'a dynamic block repeats a rule written beside it (values resolved from a local)',
      code: tf`
        locals {
          ports = [22, 443]
        }

        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }

          dynamic "ingress" {
            for_each = local.ports
            content {
              from_port   = ingress.value
              to_port     = ingress.value
              protocol    = "tcp"
              cidr_blocks = ["10.1.0.0/16"]
            }
          }
        }`,
      findings: [
        {
          message: 'tcp 22 from 10.1.0.0/16 is already covered: aws_security_group.web (line 6) allows tcp 0-65535 from 10.0.0.0/8',
          line: 15, column: 5, endLine: 15, endColumn: 14,
          fixes: [],
        },
        {
          message: 'tcp 443 from 10.1.0.0/16 is already covered: aws_security_group.web (line 6) allows tcp 0-65535 from 10.0.0.0/8',
          line: 15, column: 5, endLine: 15, endColumn: 14,
          fixes: [],
        },
      ],
    },
    {
      name: 'an allow-all NetworkPolicy rule covers a narrower one of the same policy',
      code: k8s`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
        spec:
          podSelector: {}
          ingress:
            - from:
                - ipBlock:
                    cidr: 10.0.0.0/8
            - from:
                - ipBlock:
                    cidr: 10.1.0.0/16
              ports:
                - port: 8080`,
      findings: [{
        message: 'tcp 8080 from 10.1.0.0/16 is already covered: NetworkPolicy/web (line 8) allows all traffic from 10.0.0.0/8',
        line: 11, column: 7, endLine: 11, endColumn: 12,
        fixes: [{
          title: 'Remove redundant rule',
          output: k8s`
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: web
            spec:
              podSelector: {}
              ingress:
                - from:
                    - ipBlock:
                        cidr: 10.0.0.0/8`,
        }],
      }],
    },
    {
      name: 'CloudFormation: the same ingress twice in one group',
      code: cfn`
        Resources:
          WebSG:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: web
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 0.0.0.0/0
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 0.0.0.0/0`,
      findings: [{
        message: 'tcp 443 from 0.0.0.0/0 is already covered: WebSG (line 7) allows tcp 443 from 0.0.0.0/0',
        line: 11, column: 11, endLine: 11, endColumn: 26,
        fixes: [{
          title: 'Remove redundant rule',
          output: cfn`
            Resources:
              WebSG:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0`,
        }],
      }],
    },
    {
      name: 'an exported AWS group allowing all traffic and one port',
      code: sg`
        {
          "SecurityGroups": [
            {
              "GroupId": "sg-1",
              "GroupName": "web",
              "IpPermissions": [
                { "IpProtocol": "-1", "IpRanges": [{ "CidrIp": "10.0.0.0/8" }] },
                { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{ "CidrIp": "10.2.0.0/16" }] }
              ]
            }
          ]
        }`,
      findings: [{
        message: 'tcp 22 from 10.2.0.0/16 is already covered: sg-1 (line 7) allows all traffic from 10.0.0.0/8',
        line: 8, column: 9, endLine: 8, endColumn: 105,
      }],
    },
    {
      name: 'Terraform: two listeners on one load balancer and port, forwarding to a port the backend group does not allow',
      code: tf`
        resource "aws_security_group" "app" {
          name = "app"
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/16"]
          }
        }

        resource "aws_instance" "app" {
          ami                    = "ami-123"
          vpc_security_group_ids = [aws_security_group.app.id]
        }

        resource "aws_lb" "edge" {
          name               = "edge"
          load_balancer_type = "network"
        }

        resource "aws_lb_target_group" "app" {
          port     = 8443
          protocol = "TCP"
        }

        resource "aws_lb_target_group_attachment" "app" {
          target_group_arn = aws_lb_target_group.app.arn
          target_id        = aws_instance.app.id
        }

        resource "aws_lb_listener" "tls" {
          load_balancer_arn = aws_lb.edge.arn
          port              = 443
          protocol          = "TCP"
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.app.arn
          }
        }

        resource "aws_lb_listener" "tls_again" {
          load_balancer_arn = aws_lb.edge.arn
          port              = 443
          protocol          = "TCP"
          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.app.arn
          }
        }`,
      findings: [
        {
          message: 'internet-facing NLB edge forwards 443 to target group aws_lb_target_group.app port 8443, which no ingress rule of aws_security_group.app allows',
          line: 22, column: 14, endLine: 22, endColumn: 18,
        },
        {
          message: 'two forwards publish the same public port: tcp 443 from internet on internet-facing NLB edge is also forwarded by aws_lb_listener.tls (line 31) to target group aws_lb_target_group.app port 8443',
          line: 43, column: 23, endLine: 43, endColumn: 26,
        },
      ],
    },
  ],
});
