resource "tencentcloud_security_group" "web" {
  name        = "web"
  description = "web servers"
  tags = {
    owner = "team-web"
  }
}

resource "tencentcloud_security_group_lite_rule" "web" {
  security_group_id = tencentcloud_security_group.web.id
  ingress = [
    "ACCEPT#0.0.0.0/0#80,443#TCP",
    "ACCEPT#10.0.0.0/8#22#TCP",
    "DROP#0.0.0.0/0#ALL#ALL",
  ]
}
