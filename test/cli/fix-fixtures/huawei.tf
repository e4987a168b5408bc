resource "huaweicloud_networking_secgroup_rule" "mongo" {
  security_group_id = huaweicloud_networking_secgroup.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  ports             = "27017"
  remote_ip_prefix  = "0.0.0.0/0"
  description       = "owner=data-team"
}
