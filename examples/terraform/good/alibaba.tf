resource "alicloud_security_group" "default" {
  name   = "default"
  vpc_id = alicloud_vpc.main.id
  tags = {
    owner = "team-platform"
  }
}

resource "alicloud_security_group_rule" "https" {
  type              = "ingress"
  ip_protocol       = "tcp"
  policy            = "accept"
  port_range        = "443/443"
  priority          = 1
  security_group_id = alicloud_security_group.default.id
  cidr_ip           = "0.0.0.0/0"
}
