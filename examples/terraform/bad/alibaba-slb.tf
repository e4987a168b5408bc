# An internet SLB for the API, and a NAT gateway forward entry that publishes a whole host.

resource "alicloud_slb_load_balancer" "api" {
  load_balancer_name = "slb-api"
  address_type       = "internet"
  load_balancer_spec = "slb.s2.small"
}

resource "alicloud_slb_listener" "https" {
  load_balancer_id = alicloud_slb_load_balancer.api.id
  frontend_port    = 443
  backend_port     = 8443
  protocol         = "tcp"
  bandwidth        = -1
}

resource "alicloud_slb_listener" "mysql" {
  load_balancer_id = alicloud_slb_load_balancer.api.id
  frontend_port    = 3306
  backend_port     = 3306
  protocol         = "tcp"
  bandwidth        = -1
  description      = "owner=dba, for the reporting vendor"
}

resource "alicloud_nat_gateway" "main" {
  vpc_id           = var.vpc_id
  nat_gateway_name = "nat-main"
  payment_type     = "PayAsYouGo"
  vswitch_id       = var.vswitch_id
  nat_type         = "Enhanced"

  tags = {
    owner = "network-team"
  }
}

resource "alicloud_forward_entry" "legacy_host" {
  forward_table_id = alicloud_nat_gateway.main.forward_table_ids
  external_ip      = var.nat_eip
  external_port    = "any"
  ip_protocol      = "any"
  internal_ip      = "172.16.0.10"
  internal_port    = "any"
}
