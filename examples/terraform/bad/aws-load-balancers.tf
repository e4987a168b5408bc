# An internet-facing ALB in front of the web tier, and a network load balancer someone added
# "temporarily" so that contractors could reach the bastion and the reporting database.

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion hosts, reached through the edge NLB"
  vpc_id      = var.vpc_id
}

resource "aws_instance" "bastion" {
  ami                    = var.bastion_ami
  instance_type          = "t3.micro"
  subnet_id              = var.private_subnet_ids[0]
  vpc_security_group_ids = [aws_security_group.bastion.id]
}

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

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb" "edge" {
  name               = "edge-nlb"
  load_balancer_type = "network"
  subnets            = var.public_subnet_ids
}

resource "aws_lb_target_group" "ssh" {
  name     = "bastion-ssh"
  port     = 22
  protocol = "TCP"
  vpc_id   = var.vpc_id
}

resource "aws_lb_target_group_attachment" "bastion" {
  target_group_arn = aws_lb_target_group.ssh.arn
  target_id        = aws_instance.bastion.id
}

resource "aws_lb_listener" "ssh" {
  load_balancer_arn = aws_lb.edge.arn
  port              = 2222
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ssh.arn
  }
}

resource "aws_elb" "reporting" {
  name      = "reporting"
  subnets   = var.public_subnet_ids
  instances = [aws_instance.bastion.id]

  listener {
    lb_port           = 5432
    lb_protocol       = "tcp"
    instance_port     = 5432
    instance_protocol = "tcp"
  }

  tags = {
    owner   = "data-team"
    expires = "2026-06-30"
  }
}
