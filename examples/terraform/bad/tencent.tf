resource "tencentcloud_security_group" "web" {
  name        = "web"
  description = "web servers"
}

resource "tencentcloud_security_group_rule" "all" {
  security_group_id = tencentcloud_security_group.web.id
  type              = "ingress"
  cidr_ip           = "0.0.0.0/0"
  ip_protocol       = "tcp"
  port_range        = "ALL"
  policy            = "ACCEPT"
}

resource "tencentcloud_security_group_lite_rule" "web" {
  security_group_id = tencentcloud_security_group.web.id
  ingress = [
    "ACCEPT#0.0.0.0/0#22#TCP",
    "ACCEPT#0.0.0.0/0#80,443#TCP",
    "ACCEPT#10.0.0.0/8#ALL#ALL",
  ]
  egress = [
    "ACCEPT#0.0.0.0/0#ALL#ALL",
  ]
}

resource "tencentcloud_security_group_rule_set" "db" {
  security_group_id = tencentcloud_security_group.web.id

  ingress {
    action      = "ACCEPT"
    cidr_block  = "0.0.0.0/0"
    protocol    = "TCP"
    port        = "3306"
    description = "MySQL for the reporting tool"
  }
}
