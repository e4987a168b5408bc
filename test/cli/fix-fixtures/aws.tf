# The web tier listens on 8443 behind a load balancer; SSH and MySQL are open to everyone.
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

  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  tags = {
    owner = "web-team"
  }
}

resource "aws_db_instance" "orders" {
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  publicly_accessible = true
  tags = {
    owner = "orders-team"
  }
}
