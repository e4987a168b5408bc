/** Terraform documents the protocol tests open; each line is referred to by number in the tests. */

/** Every port open to the internet, behind a listener on 8443. Lines counted from 0: from_port is on 11, to_port on 12. */
export const WEB = `# A web tier whose group opens every port.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8443
  protocol          = "HTTPS"
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    owner = "platform-team"
  }
}
`;

/** MySQL open to the internet (from_port on line 4, from 0), SSH open to a documentation range; no owner. */
export const DATABASE = `resource "aws_security_group" "db" {
  name = "db"

  ingress {
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}
`;

/** Nothing to report. */
export const CLEAN = `resource "aws_security_group" "internal" {
  name = "internal"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  tags = {
    owner = "platform-team"
  }
}
`;
