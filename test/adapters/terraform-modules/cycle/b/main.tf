variable "port" {
  default = 3389
}

module "a" {
  source = "../a"
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = "sg-0123"
  from_port         = var.port
  to_port           = var.port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "owner=ops"
}
