import { testCheck } from '../../testing/check-tester';
import { tf, k8s, cfn, compose, sg } from '../../testing/tags';
import { DEFAULT_ADMIN_PORTS } from '../settings';
import { check } from './admin-port-exposed';

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
      name: 'ssh from a private range',
      code: tf`
        resource "aws_security_group" "bastion" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'ssh from another security group',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          type                     = "ingress"
          from_port                = 22
          to_port                  = 22
          protocol                 = "tcp"
          source_security_group_id = aws_security_group.bastion.id
          security_group_id        = "sg-1"
        }`,
    },
    {
      name: 'an unresolved source stays silent',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          type              = "ingress"
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          cidr_blocks       = var.cidrs
          security_group_id = "sg-1"
        }`,
    },
    {
      name: 'an unresolved port stays silent',
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "admin" {
          security_group_id = "sg-1"
          cidr_ipv4         = "0.0.0.0/0"
          from_port         = var.port
          to_port           = var.port
          ip_protocol       = "tcp"
        }`,
    },
    {
      name: 'an unresolved protocol stays silent',
      code: tf`
        resource "aws_security_group" "bastion" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = var.protocol
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'egress to ssh anywhere is not an exposure',
      code: tf`
        resource "aws_security_group" "deploy" {
          egress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'every port from anywhere is left to full-range-exposure',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 65535
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'one port over the threshold is left to full-range-exposure',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 1
            to_port     = 1025
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
      name: 'a port that is not an admin port',
      code: tf`
        resource "aws_security_group" "app" {
          ingress {
            from_port   = 8080
            to_port     = 8080
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'a port removed from adminPorts in the settings',
      settings: { adminPorts: DEFAULT_ADMIN_PORTS.filter(({ port }) => port !== 22) },
      code: tf`
        resource "aws_security_group" "bastion" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'a deny rule is not an exposure',
      code: tf`
        resource "azurerm_network_security_rule" "no_ssh" {
          name                        = "no-ssh"
          priority                    = 100
          direction                   = "Inbound"
          access                      = "Deny"
          protocol                    = "Tcp"
          source_port_range           = "*"
          destination_port_range      = "22"
          source_address_prefix       = "Internet"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = "nsg"
        }`,
    },
    {
      name: 'a public database endpoint is left to public-database, whatever its port',
      code: tf`
        resource "aws_db_instance" "odd" {
          engine              = "mysql"
          instance_class      = "db.t3.micro"
          port                = 3389
          publicly_accessible = true
        }`,
    },
    {
      name: 'Kubernetes: an SSH load balancer restricted to the office',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: ssh
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges:
            - 203.0.113.0/24
          ports:
            - port: 22`,
    },
    {
      name: 'Kubernetes: a hostPort bound to 127.0.0.1',
      code: k8s`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        spec:
          containers:
            - name: sshd
              image: example/sshd
              ports:
                - containerPort: 22
                  hostPort: 22
                  hostIP: 127.0.0.1`,
    },
    {
      name: 'CloudFormation: SSH from a parameter without a Default stays silent',
      code: cfn`
        Parameters:
          AdminCidr:
            Type: String
        Resources:
          Bastion:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: bastion
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: !Ref AdminCidr`,
    },
  ],
  invalid: [
    {
      name: 'ssh from anywhere, inline',
      code: tf`
        resource "aws_security_group" "bastion" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 3, column: 5, endLine: 4, endColumn: 21,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_security_group" "bastion" {
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
            }`,
        }],
      }],
    },
    {
      name: 'ssh from both internets, standalone rule',
      code: tf`
        resource "aws_security_group_rule" "ssh" {
          type              = "ingress"
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          ipv6_cidr_blocks  = ["::/0"]
          security_group_id = "sg-1"
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0, ::/0',
        line: 3, column: 3, endLine: 4, endColumn: 25,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_security_group_rule" "ssh" {
              type              = "ingress"
              from_port         = 22
              to_port           = 22
              protocol          = "tcp"
              cidr_blocks       = ["10.0.0.0/8"]
              ipv6_cidr_blocks  = []
              security_group_id = "sg-1"
            }`,
        }],
      }],
    },
    {
      name: 'rdp from anywhere, vpc ingress rule',
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "rdp" {
          security_group_id = "sg-1"
          cidr_ipv4         = "0.0.0.0/0"
          from_port         = 3389
          to_port           = 3389
          ip_protocol       = "tcp"
        }`,
      findings: [{
        message: 'RDP (3389) is open to 0.0.0.0/0',
        line: 4, column: 3, endLine: 5, endColumn: 27,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_vpc_security_group_ingress_rule" "rdp" {
              security_group_id = "sg-1"
              cidr_ipv4         = "10.0.0.0/8"
              from_port         = 3389
              to_port           = 3389
              ip_protocol       = "tcp"
            }`,
        }],
      }],
    },
    {
      name: 'ipv6 only, with trusted networks configured',
      settings: { trustedCidrs: ['203.0.113.0/24', '2001:db8::/32'] },
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "kube" {
          security_group_id = "sg-1"
          cidr_ipv6         = "::/0"
          from_port         = 6443
          to_port           = 6443
          ip_protocol       = "tcp"
        }`,
      findings: [{
        message: 'Kubernetes API (6443) is open to ::/0',
        line: 4, column: 3, endLine: 5, endColumn: 27,
        fixes: [{
          title: 'Restrict source to 203.0.113.0/24, 2001:db8::/32',
          preferred: true,
          output: tf`
            resource "aws_vpc_security_group_ingress_rule" "kube" {
              security_group_id = "sg-1"
              cidr_ipv6         = "2001:db8::/32"
              from_port         = 6443
              to_port           = 6443
              ip_protocol       = "tcp"
            }`,
        }],
      }],
    },
    {
      name: 'two services in one range',
      code: tf`
        resource "aws_security_group" "desktop" {
          ingress {
            from_port   = 5900
            to_port     = 5985
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{ message: 'VNC (5900), WinRM (5985) are open to 0.0.0.0/0', line: 3, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      name: 'more than three services are counted',
      code: tf`
        resource "aws_security_group" "legacy" {
          ingress {
            from_port   = 20
            to_port     = 23
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{ message: 'FTP data (20), FTP (21), SSH (22) and 1 more are open to 0.0.0.0/0', line: 3, column: 5, endLine: 4, endColumn: 21 }],
    },
    {
      name: 'a range at the threshold is this check\'s, not full-range-exposure\'s',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 1
            to_port     = 1024
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{ message: 'FTP data (20), FTP (21), SSH (22) and 4 more are open to 0.0.0.0/0', line: 3, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      name: 'rdp over udp',
      code: tf`
        resource "aws_security_group" "desktop" {
          ingress {
            from_port   = 3389
            to_port     = 3389
            protocol    = "udp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{ message: 'RDP (3389) is open to 0.0.0.0/0', line: 3, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      name: 'the fix keeps private and unresolved sources',
      code: tf`
        resource "aws_security_group" "bastion" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0", var.office_cidr]
          }
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 3, column: 5, endLine: 4, endColumn: 21,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_security_group" "bastion" {
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8", var.office_cidr]
              }
            }`,
        }],
      }],
    },
    {
      name: 'a port added to adminPorts in the settings',
      settings: { adminPorts: [...DEFAULT_ADMIN_PORTS, { port: 9090, name: 'Cockpit' }] },
      code: tf`
        resource "aws_security_group" "console" {
          ingress {
            from_port   = 9090
            to_port     = 9090
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{ message: 'Cockpit (9090) is open to 0.0.0.0/0', line: 3, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      name: 'ssh in an AWS network ACL rule',
      code: tf`
        resource "aws_network_acl_rule" "ssh" {
          network_acl_id = aws_network_acl.public.id
          rule_number    = 100
          egress         = false
          protocol       = "tcp"
          rule_action    = "allow"
          cidr_block     = "0.0.0.0/0"
          from_port      = 22
          to_port        = 22
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 8, column: 3, endLine: 9, endColumn: 22,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_network_acl_rule" "ssh" {
              network_acl_id = aws_network_acl.public.id
              rule_number    = 100
              egress         = false
              protocol       = "tcp"
              rule_action    = "allow"
              cidr_block     = "10.0.0.0/8"
              from_port      = 22
              to_port        = 22
            }`,
        }],
      }],
    },
    {
      name: 'ssh from the Internet service tag, Azure',
      code: tf`
        resource "azurerm_network_security_rule" "ssh" {
          name                        = "ssh"
          priority                    = 100
          direction                   = "Inbound"
          access                      = "Allow"
          protocol                    = "Tcp"
          source_port_range           = "*"
          destination_port_range      = "22"
          source_address_prefix       = "Internet"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = "nsg"
        }`,
      findings: [{
        message: 'SSH (22) is open to Internet',
        line: 8, column: 34, endLine: 8, endColumn: 36,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "azurerm_network_security_rule" "ssh" {
              name                        = "ssh"
              priority                    = 100
              direction                   = "Inbound"
              access                      = "Allow"
              protocol                    = "Tcp"
              source_port_range           = "*"
              destination_port_range      = "22"
              source_address_prefix       = "10.0.0.0/8"
              destination_address_prefix  = "*"
              resource_group_name         = "rg"
              network_security_group_name = "nsg"
            }`,
        }],
      }],
    },
    {
      name: 'rdp, GCP firewall',
      code: tf`
        resource "google_compute_firewall" "rdp" {
          name          = "allow-rdp"
          network       = "default"
          source_ranges = ["0.0.0.0/0"]

          allow {
            protocol = "tcp"
            ports    = ["3389"]
          }
        }`,
      findings: [{
        message: 'RDP (3389) is open to 0.0.0.0/0',
        line: 8, column: 16, endLine: 8, endColumn: 24,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "google_compute_firewall" "rdp" {
              name          = "allow-rdp"
              network       = "default"
              source_ranges = ["10.0.0.0/8"]

              allow {
                protocol = "tcp"
                ports    = ["3389"]
              }
            }`,
        }],
      }],
    },
    {
      name: 'ssh, Tencent lite rule',
      code: tf`
        resource "tencentcloud_security_group_lite_rule" "web" {
          security_group_id = "sg-1"
          ingress = [
            "ACCEPT#0.0.0.0/0#22#TCP",
          ]
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 4, column: 23, endLine: 4, endColumn: 25,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "tencentcloud_security_group_lite_rule" "web" {
              security_group_id = "sg-1"
              ingress = [
                "ACCEPT#10.0.0.0/8#22#TCP",
              ]
            }`,
        }],
      }],
    },
    {
      name: 'WinRM, Alibaba',
      code: tf`
        resource "alicloud_security_group_rule" "winrm" {
          type              = "ingress"
          ip_protocol       = "tcp"
          policy            = "accept"
          port_range        = "5985/5986"
          security_group_id = "sg-1"
          cidr_ip           = "0.0.0.0/0"
        }`,
      findings: [{
        message: 'WinRM (5985), WinRM (HTTPS) (5986) are open to 0.0.0.0/0',
        line: 5, column: 24, endLine: 5, endColumn: 33,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "alicloud_security_group_rule" "winrm" {
              type              = "ingress"
              ip_protocol       = "tcp"
              policy            = "accept"
              port_range        = "5985/5986"
              security_group_id = "sg-1"
              cidr_ip           = "10.0.0.0/8"
            }`,
        }],
      }],
    },
    {
      name: 'rdp, Huawei',
      code: tf`
        resource "huaweicloud_networking_secgroup_rule" "rdp" {
          security_group_id = "sg-1"
          direction         = "ingress"
          ethertype         = "IPv4"
          protocol          = "tcp"
          ports             = "3389"
          remote_ip_prefix  = "0.0.0.0/0"
        }`,
      findings: [{
        message: 'RDP (3389) is open to 0.0.0.0/0',
        line: 6, column: 24, endLine: 6, endColumn: 28,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "huaweicloud_networking_secgroup_rule" "rdp" {
              security_group_id = "sg-1"
              direction         = "ingress"
              ethertype         = "IPv4"
              protocol          = "tcp"
              ports             = "3389"
              remote_ip_prefix  = "10.0.0.0/8"
            }`,
        }],
      }],
    },
    {
      name: 'ssh from the implied 0.0.0.0/0, OpenStack',
      code: tf`
        resource "openstack_networking_secgroup_rule_v2" "ssh" {
          direction         = "ingress"
          ethertype         = "IPv4"
          protocol          = "tcp"
          port_range_min    = 22
          port_range_max    = 22
          security_group_id = "sg-1"
        }`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 5, column: 3, endLine: 6, endColumn: 25,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "openstack_networking_secgroup_rule_v2" "ssh" {
              direction         = "ingress"
              ethertype         = "IPv4"
              protocol          = "tcp"
              port_range_min    = 22
              port_range_max    = 22
              security_group_id = "sg-1"
              remote_ip_prefix  = "10.0.0.0/8"
            }`,
        }],
      }],
    },
    {
      name: 'Kubernetes: a hostPort in front of SSH, on every address of the node',
      code: k8s`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bastion
        spec:
          template:
            spec:
              containers:
                - name: sshd
                  image: example/sshd
                  ports:
                    - containerPort: 22
                      hostPort: 2222`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 12, column: 30, endLine: 13, endColumn: 29,
        fixes: [{
          title: 'Bind to 127.0.0.1',
          preferred: true,
          output: k8s`
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: bastion
            spec:
              template:
                spec:
                  containers:
                    - name: sshd
                      image: example/sshd
                      ports:
                        - containerPort: 22
                          hostPort: 2222
                          hostIP: 127.0.0.1`,
        }],
      }],
    },
    {
      name: 'CloudFormation: SSH from a parameter whose Default is the internet',
      code: cfn`
        Parameters:
          AdminCidr:
            Type: String
            Default: 0.0.0.0/0
        Resources:
          Bastion:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: bastion
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: !Ref AdminCidr`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0 from Parameters.AdminCidr Default, line 4',
        line: 12, column: 11, endLine: 13, endColumn: 21,
        fixes: [],
      }],
    },
    {
      name: 'Compose: SSH published on 2222 in the long syntax',
      code: compose`
        services:
          sshd:
            image: example/sshd
            ports:
              - target: 22
                published: "2222"
                protocol: tcp`,
      findings: [{
        message: 'SSH (22) is open to 0.0.0.0/0',
        line: 5, column: 17, endLine: 6, endColumn: 26,
        fixes: [{
          title: 'Bind to 127.0.0.1',
          preferred: true,
          output: compose`
            services:
              sshd:
                image: example/sshd
                ports:
                  - target: 22
                    published: "2222"
                    protocol: tcp
                    host_ip: 127.0.0.1`,
        }],
      }],
    },
    {
      name: 'Azure export: RDP from any source',
      code: sg`
        {
          "name": "vm-nsg",
          "type": "Microsoft.Network/networkSecurityGroups",
          "securityRules": [
            {
              "name": "rdp",
              "access": "Allow",
              "direction": "Inbound",
              "priority": 100,
              "protocol": "Tcp",
              "sourceAddressPrefix": "*",
              "sourcePortRange": "*",
              "destinationAddressPrefix": "*",
              "destinationPortRange": "3389"
            }
          ]
        }`,
      findings: [{
        message: 'RDP (3389) is open to *',
        line: 14, column: 32, endLine: 14, endColumn: 36,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: sg`
            {
              "name": "vm-nsg",
              "type": "Microsoft.Network/networkSecurityGroups",
              "securityRules": [
                {
                  "name": "rdp",
                  "access": "Allow",
                  "direction": "Inbound",
                  "priority": 100,
                  "protocol": "Tcp",
                  "sourceAddressPrefix": "10.0.0.0/8",
                  "sourcePortRange": "*",
                  "destinationAddressPrefix": "*",
                  "destinationPortRange": "3389"
                }
              ]
            }`,
        }],
      }],
    },
  ],
});
