resource "tencentcloud_security_group_rule" "ssh" {
  security_group_id = tencentcloud_security_group.web.id
  type              = "ingress"
  cidr_ip           = "0.0.0.0/0"
  ip_protocol       = "tcp"
  port_range        = "22"
  policy            = "accept"
  description       = "owner=ops-team"
}

resource "tencentcloud_security_group_rule_set" "db" {
  security_group_id = tencentcloud_security_group.web.id

  ingress {
    action      = "ACCEPT"
    cidr_block  = "0.0.0.0/0"
    protocol    = "TCP"
    port        = "3306"
    description = "MySQL for reporting, owner=data-team"
  }
}
