locals {
  common_tags = {
    Project = "storefront"
    owner   = "network-team"
  }
}

resource "aws_network_acl" "public" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = aws_subnet.public[*].id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }

  # Return traffic for connections the instances open.
  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "6"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 120
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no         = 130
    action          = "allow"
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    ipv6_cidr_block = "::/0"
  }

  ingress {
    rule_no    = 140
    action     = "allow"
    protocol   = "icmp"
    from_port  = 0
    to_port    = 0
    icmp_type  = 3
    icmp_code  = 4
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 150
    action     = "allow"
    protocol   = "udp"
    from_port  = var.dns_port
    to_port    = var.dns_port
    cidr_block = var.resolver_cidr
  }

  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "all"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  tags = {
    Name  = "public"
    owner = "network-team"
  }
}

resource "aws_network_acl" "private" {
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.private_ingress
    content {
      rule_no    = ingress.value.rule_no
      action     = "allow"
      protocol   = "tcp"
      from_port  = ingress.value.port
      to_port    = ingress.value.port
      cidr_block = ingress.value.cidr
    }
  }

  ingress {
    rule_no    = 200
    action     = var.default_action
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = var.app_rule_number
    action     = "ALLOW"
    protocol   = "tcp"
    from_port  = 8080
    to_port    = 8080
    cidr_block = aws_vpc.main.cidr_block
  }

  tags = merge(local.common_tags, { Name = "private" })
}

resource "aws_network_acl_rule" "mysql_from_anywhere" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 200
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3306
  to_port        = 3306
}

resource "aws_network_acl_rule" "block_outbound_v6" {
  network_acl_id  = aws_network_acl.public.id
  rule_number     = 300
  egress          = true
  protocol        = -1
  rule_action     = "deny"
  ipv6_cidr_block = "::/0"
}

resource "aws_network_acl_rule" "shared_ssh" {
  network_acl_id = module.vpc.public_network_acl_id
  rule_number    = 90
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.admin_cidr
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "direction_from_variable" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 400
  egress         = var.is_egress
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 65535
}

resource "aws_default_network_acl" "default" {
  default_network_acl_id = aws_vpc.main.default_network_acl_id

  ingress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = aws_vpc.main.cidr_block
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_network_acl" "truncated" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 0
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
