variable "secgroup_name" {
  type    = string
  default = "app"
}

variable "admin_cidr" {
  type = string
}

resource "huaweicloud_networking_secgroup" "app" {
  name                 = var.secgroup_name
  delete_default_rules = true

  tags = {
    owner = "team-app"
  }
}

resource "huaweicloud_networking_secgroup" "db" {
  name = "db"
}

resource "huaweicloud_networking_secgroup_rule" "https" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 443
  port_range_max    = 443
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "web_ports" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  action            = "allow"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "80,443,8000-9000"
  priority          = 5
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "any_tcp" {
  security_group_id = huaweicloud_networking_secgroup.db.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  remote_ip_prefix  = "0.0.0.0/0"
  description       = "owner=dba expires=2026-10-01"
}

resource "huaweicloud_networking_secgroup_rule" "implied_v6" {
  security_group_id = huaweicloud_networking_secgroup.db.id
  direction         = "ingress"
  ethertype         = "IPv6"
  protocol          = "udp"
}

resource "huaweicloud_networking_secgroup_rule" "egress_all" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "egress"
  ethertype         = "IPv4"
}

resource "huaweicloud_networking_secgroup_rule" "deny_telnet" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  action            = "deny"
  priority          = 1
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "23"
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "from_db" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 3306
  port_range_max    = 3306
  remote_group_id   = huaweicloud_networking_secgroup.db.id
}

resource "huaweicloud_networking_secgroup_rule" "partners" {
  security_group_id       = var.security_group_id
  direction               = "ingress"
  action                  = "allow"
  ethertype               = "IPv4"
  ports                   = "80,500,600-800"
  protocol                = "tcp"
  priority                = 5
  remote_address_group_id = huaweicloud_vpc_address_group.partners.id
}

resource "huaweicloud_networking_secgroup_rule" "admin" {
  count             = length(var.admin_ports)
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = var.admin_ports[count.index]
  port_range_max    = var.admin_ports[count.index]
  remote_ip_prefix  = var.admin_cidr
}

resource "huaweicloud_networking_secgroup_rule" "ping" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  port_range_min    = 8
  port_range_max    = 0
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "editing" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "22"
  remote_ip_prefix  = ["0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "chosen_direction" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = var.direction
  ethertype         = "IPv4"
  protocol          = "tcp"
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "huaweicloud_networking_secgroup_rule" "rdp" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "3389"
  remote_ip_prefix  = var.admin_cidr
}
