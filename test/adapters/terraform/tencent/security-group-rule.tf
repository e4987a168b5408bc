variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "enable_db" {
  type    = bool
  default = true
}

locals {
  common_tags = {
    env = "prod"
  }
}

resource "tencentcloud_security_group" "web" {
  name        = "web"
  description = "web servers"

  tags = {
    owner = "team-web"
    env   = "prod"
  }
}

resource "tencentcloud_security_group" "db" {
  name = "db"
  tags = local.common_tags
}

resource "tencentcloud_security_group_rule" "http" {
  security_group_id = tencentcloud_security_group.web.id
  type              = "ingress"
  cidr_ip           = "0.0.0.0/0"
  ip_protocol       = "tcp"
  port_range        = "80,443"
  policy            = "accept"
  description       = "public web"
}

resource "tencentcloud_security_group_rule" "everything" {
  security_group_id = tencentcloud_security_group.web.id
  type              = "ingress"
  cidr_ip           = "0.0.0.0/0"
  policy            = "ACCEPT"
}

resource "tencentcloud_security_group_rule" "from_lb" {
  security_group_id = tencentcloud_security_group.web.id
  type              = "ingress"
  source_sgid       = tencentcloud_security_group.lb.id
  ip_protocol       = "TCP"
  port_range        = "8000-9000"
  policy            = "ACCEPT"
}

resource "tencentcloud_security_group_rule" "db_from_vpc" {
  count             = var.enable_db ? 1 : 0
  security_group_id = tencentcloud_security_group.db.id
  type              = "ingress"
  cidr_ip           = var.vpc_cidr
  ip_protocol       = "TCP"
  port_range        = "3306"
  policy            = "ACCEPT"
}

resource "tencentcloud_security_group_rule" "templated" {
  security_group_id = "sg-0abc1234"
  type              = "egress"
  policy            = "DROP"

  address_template {
    template_id = "ipm-8dt3i8nt"
  }

  protocol_template {
    group_id = "ppmg-0k1t2gl0"
  }
}

resource "tencentcloud_security_group_rule" "ping" {
  security_group_id = var.security_group_id
  type              = "ingress"
  cidr_ip           = "0.0.0.0/0"
  ip_protocol       = "ICMP"
  policy            = "ACCEPT"
  description       = "owner=noc expires=2026-12-31"
}

resource "tencentcloud_security_group_rule" "chosen_policy" {
  security_group_id = tencentcloud_security_group.web.id
  type              = "ingress"
  cidr_ip           = "0.0.0.0/0"
  port_range        = "ALL"
  policy            = var.policy
}

resource "tencentcloud_security_group" "app" {
  name = "app"
}

resource "tencentcloud_security_group_rule_set" "app" {
  security_group_id = tencentcloud_security_group.app.id

  ingress {
    action      = "ACCEPT"
    cidr_block  = "10.0.0.0/22"
    protocol    = "TCP"
    port        = "80-90"
    description = "internal http, owner=team-app"
  }

  ingress {
    action          = "ACCEPT"
    ipv6_cidr_block = "::/0"
  }

  ingress {
    action             = "DROP"
    protocol           = "TCP"
    port               = "22"
    source_security_id = tencentcloud_security_group.db.id
  }

  ingress {
    action     = var.default_action
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    action     = "ACCEPT"
    cidr_block = "0.0.0.0/0"
    protocol   = "UDP"
    port       = "ALL"
  }

  egress {
    action     = "DROP"
    cidr_block = "10.0.0.0/16"
    protocol   = "ICMP"
  }

  egress {
    action              = "ACCEPT"
    address_template_id = tencentcloud_address_template.partners.id
  }

  egress {
    action              = "ACCEPT"
    cidr_block          = "0.0.0.0/0"
    service_template_id = "ppm-xxxxxxxx"
  }
}
