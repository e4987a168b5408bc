resource "openstack_networking_secgroup_rule_v2" "api" {
  description       = "Kubernetes API from the admin network, owner=team-k8s"
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 6443
  port_range_max    = 6443
  remote_ip_prefix  = "192.168.10.0/24"
  security_group_id = openstack_networking_secgroup_v2.k8s.id
}
