variable "office_cidr" {
  type = string
}

resource "tencentcloud_security_group" "k8s" {
  name = "k8s-nodes"

  tags = {
    Owner = "team-k8s"
  }
}

resource "tencentcloud_security_group_lite_rule" "k8s" {
  security_group_id = tencentcloud_security_group.k8s.id

  ingress = [
    "ACCEPT#10.0.0.0/16#ALL#ALL",
    "ACCEPT#${var.office_cidr}#22#TCP",
    "ACCEPT#0.0.0.0/0#80,443#TCP",
    "ACCEPT#sg-0k1t2gl0#30000-32767#TCP",
    "ACCEPT#0.0.0.0/0#${var.node_port}#TCP",
    var.extra_rule,
    "DROP#0.0.0.0/0#ALL#ALL",
  ]

  egress = [
    "ACCEPT#0.0.0.0/0#ALL#ALL",
  ]
}

resource "tencentcloud_security_group_lite_rule" "elsewhere" {
  security_group_id = var.security_group_id
  ingress           = ["accept#::/0#443#tcp", "ACCEPT#0.0.0.0/0#22", "ACCEPT#${lookup(var.sources, "office#1")}#3389#TCP", "ACCEPT#0.0.0.0/0#99999#TCP", "%{if var.open}ACCEPT%{else}DROP%{endif}#0.0.0.0/0#22#TCP"]
}

resource "tencentcloud_security_group_lite_rule" "from_variable" {
  security_group_id = tencentcloud_security_group.k8s.id
  ingress           = var.ingress_rules
}

resource "tencentcloud_security_group_lite_rule" "broken" {
  security_group_id = tencentcloud_security_group.k8s.id
  ingress = [
    "ACCEPT#0.0.0.0/0#22#TCP"
    "ACCEPT#0.0.0.0/0#3389#TCP",
  ]
}

resource "tencentcloud_security_group_lite_rule" "after_broken" {
  security_group_id = tencentcloud_security_group.k8s.id
  egress            = ["DROP#0.0.0.0/0#25#TCP"]
}
