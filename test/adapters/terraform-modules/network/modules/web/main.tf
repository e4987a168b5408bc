# The web module: SSH from the caller's admin network, HTTPS from anywhere.
resource "aws_security_group" "this" {
  name = "web"

  dynamic "ingress" {
    for_each = var.ssh_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.admin_cidr]
    }
  }

  ingress {
    from_port   = local.https_port
    to_port     = local.https_port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    owner = var.owner
  }
}

locals {
  https_port = 443
}
