resource "aws_security_group_rule" "before" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-1"
}

# Typing in progress: an attribute with no value yet.
resource "aws_security_group_rule" "typing" {
  type      = "ingress"
  from_port =
}

resource "aws_security_group_rule" "between" {
  type              = "ingress"
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-1"
}

resource "aws_security_group_rule" "unterminated" {
  description = "a string that never ends
}

resource "aws_security_group_rule" "after" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-1"
}
