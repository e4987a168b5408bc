# A module that calls itself.
module "again" {
  source = "./"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-0123"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  description       = "owner=ops"
}
