import { testCheck } from '../../testing/check-tester';
import { tf, k8s, cfn, cfnJson, compose, sg } from '../../testing/tags';
import { check } from './public-database';

testCheck(check, {
  valid: [
    {
      name: 'MySQL from a private range',
      code: tf`
        resource "aws_security_group" "db" {
          ingress {
            from_port   = 3306
            to_port     = 3306
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
          }
        }`,
    },
    {
      name: 'MySQL from another security group, written as an expression',
      code: tf`
        resource "aws_security_group" "db" {
          ingress {
            from_port       = 3306
            to_port         = 3306
            protocol        = "tcp"
            security_groups = [aws_security_group.app.id]
          }
        }`,
    },
    {
      name: 'an unresolved source stays silent',
      code: tf`
        resource "aws_security_group_rule" "postgres" {
          type              = "ingress"
          from_port         = 5432
          to_port           = 5432
          protocol          = "tcp"
          cidr_blocks       = var.allowed
          security_group_id = "sg-1"
        }`,
    },
    {
      name: 'an unresolved port stays silent',
      code: tf`
        resource "aws_security_group_rule" "db" {
          type              = "ingress"
          from_port         = var.db_port
          to_port           = var.db_port
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = "sg-1"
        }`,
    },
    {
      name: 'every port is left to full-range-exposure',
      code: tf`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'egress to a database port anywhere is not an exposure',
      code: tf`
        resource "aws_security_group" "app" {
          egress {
            from_port   = 5432
            to_port     = 5432
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'udp on a database port is not the database',
      code: tf`
        resource "aws_security_group" "game" {
          ingress {
            from_port   = 3306
            to_port     = 3306
            protocol    = "udp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
    },
    {
      name: 'a network ACL entry that denies',
      code: tf`
        resource "aws_network_acl" "public" {
          vpc_id = aws_vpc.main.id

          ingress {
            rule_no    = 90
            action     = "deny"
            protocol   = "tcp"
            from_port  = 3306
            to_port    = 3306
            cidr_block = "0.0.0.0/0"
          }
        }`,
    },
    {
      name: 'a private database',
      code: tf`
        resource "aws_db_instance" "orders" {
          engine              = "mysql"
          publicly_accessible = false
        }`,
    },
    {
      name: 'a database whose public switch is a variable stays silent',
      code: tf`
        resource "aws_db_instance" "orders" {
          engine              = "mysql"
          publicly_accessible = var.public
        }`,
    },
    {
      name: 'an Azure rule from a service tag',
      code: tf`
        resource "azurerm_network_security_rule" "sql" {
          name                        = "sql"
          priority                    = 100
          direction                   = "Inbound"
          access                      = "Allow"
          protocol                    = "Tcp"
          source_port_range           = "*"
          destination_port_range      = "1433"
          source_address_prefix       = "VirtualNetwork"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = "nsg"
        }`,
    },
    {
      name: 'an Azure rule whose access is a variable stays silent',
      code: tf`
        resource "azurerm_network_security_rule" "sql" {
          name                        = "sql"
          priority                    = 100
          direction                   = "Inbound"
          access                      = var.access
          protocol                    = "Tcp"
          source_port_range           = "*"
          destination_port_range      = "1433"
          source_address_prefix       = "*"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = "nsg"
        }`,
    },
    {
      name: 'Cloud SQL with an office network',
      code: tf`
        resource "google_sql_database_instance" "main" {
          database_version = "POSTGRES_15"
          settings {
            ip_configuration {
              authorized_networks {
                value = "203.0.113.0/24"
              }
            }
          }
        }`,
    },
    {
      name: 'Cloud SQL without a public IP',
      code: tf`
        resource "google_sql_database_instance" "main" {
          database_version = "POSTGRES_15"
          settings {
            ip_configuration {
              ipv4_enabled = false
              authorized_networks {
                value = "0.0.0.0/0"
              }
            }
          }
        }`,
    },
    {
      name: 'Kubernetes: an AWS internal load balancer',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-internal: "true"
        spec:
          type: LoadBalancer
          ports:
            - port: 5432`,
    },
    {
      name: 'Kubernetes: a GKE internal load balancer',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          annotations:
            networking.gke.io/load-balancer-type: "Internal"
        spec:
          type: LoadBalancer
          ports:
            - port: 5432`,
    },
    {
      name: 'Kubernetes: an AKS internal load balancer',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          annotations:
            service.beta.kubernetes.io/azure-load-balancer-internal: "true"
        spec:
          type: LoadBalancer
          ports:
            - port: 3306`,
    },
    {
      name: 'Kubernetes: a Tencent TKE internal load balancer',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          annotations:
            service.kubernetes.io/qcloud-loadbalancer-internal-subnetid: subnet-3k9f2a1b
        spec:
          type: LoadBalancer
          ports:
            - port: 6379`,
    },
    {
      name: 'Kubernetes: an Alibaba ACK intranet load balancer',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          annotations:
            service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: intranet
        spec:
          type: LoadBalancer
          ports:
            - port: 27017`,
    },
    {
      name: 'Kubernetes: a ClusterIP Service stays inside the cluster',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          ports:
            - port: 5432`,
    },
    {
      name: 'Compose: a database published on 127.0.0.1, and one only exposed to other services',
      code: compose`
        services:
          db:
            image: postgres:16
            ports:
              - "127.0.0.1:5432:5432"
          cache:
            image: redis:7
            expose:
              - "6379"`,
    },
    {
      name: 'CloudFormation: a private RDS instance',
      code: cfn`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              PubliclyAccessible: false`,
    },
  ],
  invalid: [
    {
      name: 'MySQL from anywhere, inline',
      code: tf`
        resource "aws_security_group" "db" {
          ingress {
            from_port   = 3306
            to_port     = 3306
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }`,
      findings: [{
        message: 'MySQL (3306) is open to 0.0.0.0/0',
        line: 3, column: 5, endLine: 4, endColumn: 23,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_security_group" "db" {
              ingress {
                from_port   = 3306
                to_port     = 3306
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
            }`,
        }],
      }],
    },
    {
      name: 'a range over several data stores names three and counts the rest',
      code: tf`
        resource "aws_security_group_rule" "data" {
          type              = "ingress"
          from_port         = 5432
          to_port           = 6379
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = aws_security_group.data.id
        }`,
      findings: [{
        message: 'PostgreSQL (5432), RabbitMQ (5672), CouchDB (5984) and 1 more are open to 0.0.0.0/0',
        line: 3, column: 3, endLine: 4, endColumn: 27,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_security_group_rule" "data" {
              type              = "ingress"
              from_port         = 5432
              to_port           = 6379
              protocol          = "tcp"
              cidr_blocks       = ["10.0.0.0/8"]
              security_group_id = aws_security_group.data.id
            }`,
        }],
      }],
    },
    {
      name: 'every port counts when maxPortRange allows it',
      settings: { maxPortRange: 65536 },
      code: tf`
        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.data.id
          cidr_ipv6         = "::/0"
          ip_protocol       = "-1"
        }`,
      findings: [{
        message: 'SQL Server (1433), SQL Server Browser (1434), Oracle (1521) and 21 more are open to ::/0',
        line: 4, column: 3, endLine: 4, endColumn: 27,
        fixes: [],
      }],
    },
    {
      name: 'Redis through a network ACL rule, restricted to the trusted range',
      settings: { trustedCidrs: ['192.168.10.0/24'] },
      code: tf`
        resource "aws_network_acl_rule" "redis" {
          network_acl_id = aws_network_acl.public.id
          rule_number    = 200
          egress         = false
          protocol       = "6"
          rule_action    = "allow"
          cidr_block     = "0.0.0.0/0"
          from_port      = 6379
          to_port        = 6379
        }`,
      findings: [{
        message: 'Redis (6379) is open to 0.0.0.0/0',
        line: 8, column: 3, endLine: 9, endColumn: 24,
        fixes: [{
          title: 'Restrict source to 192.168.10.0/24',
          preferred: true,
          output: tf`
            resource "aws_network_acl_rule" "redis" {
              network_acl_id = aws_network_acl.public.id
              rule_number    = 200
              egress         = false
              protocol       = "6"
              rule_action    = "allow"
              cidr_block     = "192.168.10.0/24"
              from_port      = 6379
              to_port        = 6379
            }`,
        }],
      }],
    },
    {
      name: 'a public RDS instance',
      code: tf`
        resource "aws_db_instance" "main" {
          identifier          = "orders"
          engine              = "mysql"
          instance_class      = "db.t3.micro"
          publicly_accessible = true

          tags = {
            owner = "orders-team"
          }
        }`,
      findings: [{
        message: 'Database aws_db_instance.main (MySQL) is publicly accessible',
        line: 5, column: 25, endLine: 5, endColumn: 29,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: tf`
            resource "aws_db_instance" "main" {
              identifier          = "orders"
              engine              = "mysql"
              instance_class      = "db.t3.micro"
              publicly_accessible = false

              tags = {
                owner = "orders-team"
              }
            }`,
        }],
      }],
    },
    {
      name: 'a public Aurora instance whose engine comes from its cluster',
      code: tf`
        resource "aws_rds_cluster" "catalog" {
          engine = "aurora-postgresql"
        }

        resource "aws_rds_cluster_instance" "catalog" {
          cluster_identifier  = aws_rds_cluster.catalog.id
          engine              = aws_rds_cluster.catalog.engine
          publicly_accessible = "true"
        }`,
      findings: [{
        message: 'Database aws_rds_cluster_instance.catalog (Aurora PostgreSQL) is publicly accessible',
        line: 8, column: 26, endLine: 8, endColumn: 30,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: tf`
            resource "aws_rds_cluster" "catalog" {
              engine = "aurora-postgresql"
            }

            resource "aws_rds_cluster_instance" "catalog" {
              cluster_identifier  = aws_rds_cluster.catalog.id
              engine              = aws_rds_cluster.catalog.engine
              publicly_accessible = false
            }`,
        }],
      }],
    },
    {
      name: 'a public database of unknown engine',
      code: tf`
        resource "aws_db_instance" "tenant" {
          engine              = var.engine
          publicly_accessible = true
        }`,
      findings: [{
        message: 'Database aws_db_instance.tenant is publicly accessible',
        line: 3, column: 25, endLine: 3, endColumn: 29,
      }],
    },
    {
      name: 'a public Redshift cluster',
      code: tf`
        resource "aws_redshift_cluster" "warehouse" {
          cluster_identifier  = "warehouse"
          node_type           = "ra3.xlplus"
          publicly_accessible = true
        }`,
      findings: [{
        message: 'Database aws_redshift_cluster.warehouse (Redshift) is publicly accessible',
        line: 4, column: 25, endLine: 4, endColumn: 29,
      }],
    },
    {
      name: 'SQL Server and PostgreSQL from the Azure Internet tag',
      code: tf`
        resource "azurerm_network_security_group" "db" {
          name                = "db-nsg"
          location            = "westeurope"
          resource_group_name = "rg"

          security_rule {
            name                       = "sql"
            priority                   = 100
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_ranges    = ["1433", "5432"]
            source_address_prefix      = "Internet"
            destination_address_prefix = "*"
          }
        }`,
      findings: [{
        message: 'SQL Server (1433), PostgreSQL (5432) are open to Internet',
        line: 13, column: 34, endLine: 13, endColumn: 50,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "azurerm_network_security_group" "db" {
              name                = "db-nsg"
              location            = "westeurope"
              resource_group_name = "rg"

              security_rule {
                name                       = "sql"
                priority                   = 100
                direction                  = "Inbound"
                access                     = "Allow"
                protocol                   = "Tcp"
                source_port_range          = "*"
                destination_port_ranges    = ["1433", "5432"]
                source_address_prefix      = "10.0.0.0/8"
                destination_address_prefix = "*"
              }
            }`,
        }],
      }],
    },
    {
      name: 'MongoDB from any Azure source, restricted to two trusted ranges',
      settings: { trustedCidrs: ['10.1.0.0/16', '192.168.0.0/16'] },
      code: tf`
        resource "azurerm_network_security_rule" "mongo" {
          name                        = "mongo"
          priority                    = 100
          direction                   = "Inbound"
          access                      = "Allow"
          protocol                    = "*"
          source_port_range           = "*"
          destination_port_range      = "27017"
          source_address_prefix       = "*"
          destination_address_prefix  = "*"
          resource_group_name         = "rg"
          network_security_group_name = azurerm_network_security_group.db.name
        }`,
      findings: [{
        message: 'MongoDB (27017) is open to *',
        line: 8, column: 34, endLine: 8, endColumn: 39,
        fixes: [{
          title: 'Restrict source to 10.1.0.0/16, 192.168.0.0/16',
          preferred: true,
          output: tf`
            resource "azurerm_network_security_rule" "mongo" {
              name                        = "mongo"
              priority                    = 100
              direction                   = "Inbound"
              access                      = "Allow"
              protocol                    = "*"
              source_port_range           = "*"
              destination_port_range      = "27017"
              source_address_prefixes     = ["10.1.0.0/16", "192.168.0.0/16"]
              destination_address_prefix  = "*"
              resource_group_name         = "rg"
              network_security_group_name = azurerm_network_security_group.db.name
            }`,
        }],
      }],
    },
    {
      name: 'Cloud SQL authorizing every address',
      code: tf`
        resource "google_sql_database_instance" "main" {
          name             = "main"
          database_version = "POSTGRES_15"

          settings {
            tier = "db-f1-micro"
            ip_configuration {
              authorized_networks {
                name  = "office"
                value = "203.0.113.0/24"
              }
              authorized_networks {
                name  = "everyone"
                value = "0.0.0.0/0"
              }
            }
          }
        }`,
      findings: [{
        message: 'Database google_sql_database_instance.main (PostgreSQL) is publicly accessible',
        line: 14, column: 18, endLine: 14, endColumn: 27,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "google_sql_database_instance" "main" {
              name             = "main"
              database_version = "POSTGRES_15"

              settings {
                tier = "db-f1-micro"
                ip_configuration {
                  authorized_networks {
                    name  = "office"
                    value = "203.0.113.0/24"
                  }
                  authorized_networks {
                    name  = "everyone"
                    value = "10.0.0.0/8"
                  }
                }
              }
            }`,
        }],
      }],
    },
    {
      name: 'Kubernetes: a LoadBalancer Service for PostgreSQL without source ranges',
      code: k8s`
        apiVersion: v1
        kind: Service
        metadata:
          name: postgres
        spec:
          type: LoadBalancer
          ports:
            - port: 5432`,
      findings: [{
        message: 'PostgreSQL (5432) is open to 0.0.0.0/0',
        line: 8, column: 13, endLine: 8, endColumn: 17,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: k8s`
            apiVersion: v1
            kind: Service
            metadata:
              name: postgres
            spec:
              type: LoadBalancer
              ports:
                - port: 5432
              loadBalancerSourceRanges:
                - 10.0.0.0/8`,
        }],
      }],
    },
    {
      name: 'CloudFormation: a publicly accessible RDS instance',
      code: cfn`
        Resources:
          Orders:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              DBInstanceClass: db.t3.micro
              PubliclyAccessible: true`,
      findings: [{
        message: 'Database Orders (MySQL) is publicly accessible',
        line: 7, column: 27, endLine: 7, endColumn: 31,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: cfn`
            Resources:
              Orders:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  DBInstanceClass: db.t3.micro
                  PubliclyAccessible: false`,
        }],
      }],
    },
    {
      name: 'CloudFormation JSON: MySQL from anywhere in a group',
      code: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": {
                "GroupDescription": "db",
                "SecurityGroupIngress": [
                  { "IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "CidrIp": "0.0.0.0/0" }
                ]
              }
            }
          }
        }`,
      findings: [{
        message: 'MySQL (3306) is open to 0.0.0.0/0',
        line: 8, column: 34, endLine: 8, endColumn: 66,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: cfnJson`
            {
              "Resources": {
                "Db": {
                  "Type": "AWS::EC2::SecurityGroup",
                  "Properties": {
                    "GroupDescription": "db",
                    "SecurityGroupIngress": [
                      { "IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "CidrIp": "10.0.0.0/8" }
                    ]
                  }
                }
              }
            }`,
        }],
      }],
    },
    {
      name: 'Compose: "5432:5432" publishes PostgreSQL on every interface of the host',
      code: compose`
        services:
          db:
            image: postgres:16
            ports:
              - "5432:5432"`,
      findings: [{
        message: 'PostgreSQL (5432) is open to 0.0.0.0/0',
        line: 5, column: 10, endLine: 5, endColumn: 19,
        fixes: [{
          title: 'Bind to 127.0.0.1',
          preferred: true,
          output: compose`
            services:
              db:
                image: postgres:16
                ports:
                  - "127.0.0.1:5432:5432"`,
        }],
      }],
    },
    {
      name: 'Alibaba export: Redis from anywhere',
      code: sg`
        {
          "SecurityGroupId": "sg-bp1fg655nh68xyz9",
          "Permissions": {
            "Permission": [
              {
                "Direction": "ingress",
                "IpProtocol": "TCP",
                "PortRange": "6379/6379",
                "SourceCidrIp": "0.0.0.0/0",
                "Policy": "Accept",
                "Priority": 1
              }
            ]
          }
        }`,
      findings: [{
        message: 'Redis (6379) is open to 0.0.0.0/0',
        line: 8, column: 23, endLine: 8, endColumn: 32,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: sg`
            {
              "SecurityGroupId": "sg-bp1fg655nh68xyz9",
              "Permissions": {
                "Permission": [
                  {
                    "Direction": "ingress",
                    "IpProtocol": "TCP",
                    "PortRange": "6379/6379",
                    "SourceCidrIp": "10.0.0.0/8",
                    "Policy": "Accept",
                    "Priority": 1
                  }
                ]
              }
            }`,
        }],
      }],
    },
  ],
});
