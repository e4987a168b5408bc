# A public CLB for the shop, and a NAT gateway with port forwards that were meant to be removed
# after the migration.

resource "tencentcloud_security_group" "app" {
  name        = "app"
  description = "Application servers behind clb-shop"
}

resource "tencentcloud_instance" "app" {
  instance_name           = "app-1"
  availability_zone       = "ap-guangzhou-3"
  image_id                = var.image_id
  instance_type           = "S5.MEDIUM2"
  vpc_id                  = var.vpc_id
  subnet_id               = var.subnet_id
  orderly_security_groups = [tencentcloud_security_group.app.id]
}

resource "tencentcloud_clb_instance" "shop" {
  network_type = "OPEN"
  clb_name     = "clb-shop"
  vpc_id       = var.vpc_id
}

resource "tencentcloud_clb_listener" "https" {
  clb_id        = tencentcloud_clb_instance.shop.id
  listener_name = "https"
  port          = 443
  protocol      = "TCP"
}

resource "tencentcloud_clb_listener" "ssh" {
  clb_id        = tencentcloud_clb_instance.shop.id
  listener_name = "ssh-debug"
  port          = 22
  protocol      = "TCP"
}

resource "tencentcloud_clb_attachment" "https" {
  clb_id      = tencentcloud_clb_instance.shop.id
  listener_id = tencentcloud_clb_listener.https.listener_id

  targets {
    instance_id = tencentcloud_instance.app.id
    port        = 8443
    weight      = 10
  }
}

resource "tencentcloud_clb_attachment" "ssh" {
  clb_id      = tencentcloud_clb_instance.shop.id
  listener_id = tencentcloud_clb_listener.ssh.listener_id

  targets {
    instance_id = tencentcloud_instance.app.id
    port        = 22
    weight      = 10
  }
}

resource "tencentcloud_nat_gateway" "main" {
  name             = "nat-main"
  vpc_id           = var.vpc_id
  assigned_eip_set = [var.nat_eip]

  tags = {
    owner = "network-team"
  }
}

resource "tencentcloud_dnat" "redis" {
  vpc_id       = var.vpc_id
  nat_id       = tencentcloud_nat_gateway.main.id
  protocol     = "TCP"
  elastic_ip   = var.nat_eip
  elastic_port = "16379"
  private_ip   = "10.0.1.20"
  private_port = "6379"
  description  = "migration: redis for the old shop, expires=2026-03-31"
}
