# The load balancers of bad/aws-load-balancers.tf, bad/tencent-clb.tf and bad/gcp-forwarding.tf done
# right: only HTTPS is published to the internet, every public device names its owner, and SSH and
# the data stores sit behind internal load balancers.

resource "aws_lb" "web" {
  name               = "web-prod"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids
  security_groups    = [var.alb_security_group_id]

  tags = {
    owner = "web-team"
  }
}

resource "aws_lb_target_group" "web" {
  name     = "web-prod"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb" "ops" {
  name               = "ops-nlb"
  internal           = true
  load_balancer_type = "network"
  subnets            = var.private_subnet_ids

  tags = {
    owner = "platform-team"
  }
}

resource "aws_lb_target_group" "ssh" {
  name     = "bastion-ssh"
  port     = 22
  protocol = "TCP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_listener" "ssh" {
  load_balancer_arn = aws_lb.ops.arn
  port              = 22
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ssh.arn
  }
}

resource "tencentcloud_clb_instance" "shop" {
  network_type = "OPEN"
  clb_name     = "clb-shop"
  vpc_id       = var.vpc_id

  tags = {
    owner = "shop-team"
  }
}

resource "tencentcloud_clb_listener" "https" {
  clb_id        = tencentcloud_clb_instance.shop.id
  listener_name = "https"
  port          = 443
  protocol      = "TCP"
}

resource "tencentcloud_clb_instance" "cache" {
  network_type = "INTERNAL"
  clb_name     = "clb-cache"
  vpc_id       = var.vpc_id
  subnet_id    = var.subnet_id
}

resource "tencentcloud_clb_listener" "redis" {
  clb_id        = tencentcloud_clb_instance.cache.id
  listener_name = "redis"
  port          = 6379
  protocol      = "TCP"
}

resource "google_compute_global_forwarding_rule" "https" {
  name       = "web-https"
  target     = google_compute_target_https_proxy.web.id
  port_range = "443"

  labels = {
    owner = "web-team"
  }
}

resource "google_compute_forwarding_rule" "db" {
  name                  = "db-internal"
  region                = var.region
  load_balancing_scheme = "INTERNAL"
  ports                 = ["5432"]
  backend_service       = google_compute_region_backend_service.db.id
  network               = var.network
  subnetwork            = var.subnetwork
}
