variable "vpc_id" {
  type = string
}

variable "ingress_cidr_blocks" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

variable "rules" {
  type = map(list(string))
  default = {
    "ssh-tcp" = ["22", "22", "tcp", "SSH"]
  }
}

resource "alicloud_security_group" "this" {
  security_group_name = "web"
  vpc_id              = var.vpc_id
  description         = "web tier"

  tags = {
    Owner = "team-platform"
    Env   = "prod"
  }
}

resource "alicloud_security_group_rule" "https" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "443/443"
  priority          = 1
  security_group_id = alicloud_security_group.this.id
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group_rule" "all_tcp" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "1/65535"
  priority          = 100
  security_group_id = alicloud_security_group.this.id
  cidr_ip           = "0.0.0.0/0"
  description       = "temporary, expires=2026-06-30"
}

resource "alicloud_security_group_rule" "everything_v6" {
  type              = "ingress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  security_group_id = alicloud_security_group.this.id
  ipv6_cidr_ip      = "::/0"
}

resource "alicloud_security_group_rule" "gre" {
  type              = "ingress"
  ip_protocol       = "gre"
  port_range        = "-1/-1"
  security_group_id = alicloud_security_group.this.id
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group_rule" "block_smtp" {
  type              = "egress"
  ip_protocol       = "tcp"
  policy            = "drop"
  port_range        = "25/25"
  priority          = 1
  security_group_id = alicloud_security_group.this.id
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group_rule" "from_app" {
  type                     = "ingress"
  ip_protocol              = "tcp"
  port_range               = "8080/8080"
  security_group_id        = alicloud_security_group.this.id
  source_security_group_id = alicloud_security_group.app.id
}

resource "alicloud_security_group_rule" "ingress_rules" {
  count             = length(var.ingress_cidr_blocks)
  security_group_id = local.this_sg_id
  type              = "ingress"
  nic_type          = "intranet"
  ip_protocol       = var.rules["ssh-tcp"][2]
  port_range        = "${var.rules["ssh-tcp"][0]}/${var.rules["ssh-tcp"][1]}"
  cidr_ip           = var.ingress_cidr_blocks[count.index]
  priority          = var.priority
  description       = var.rules["ssh-tcp"][3]
}

resource "alicloud_security_group_rule" "no_range" {
  type              = "ingress"
  ip_protocol       = "udp"
  security_group_id = "sg-bp1234567890"
  cidr_ip           = "0.0.0.0/0"
  description       = "owner=team-voip"
}

resource "alicloud_security_group_rule" "half_written" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  security_group_id = alicloud_security_group.
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group_rule" "after_half_written" {
  type              = "ingress"
  ip_protocol       = "udp"
  port_range        = "500/500"
  security_group_id = alicloud_security_group.this.id
  cidr_ip           = "203.0.113.7"
}
