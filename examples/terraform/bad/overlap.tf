# Rules that repeat or hide each other: nobody can tell which one keeps a port open.

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description = "App ports from the VPC, owner=platform"
    from_port   = 8000
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    description = "Metrics from the VPC, owner=platform"
    from_port   = 8081
    to_port     = 8090
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  tags = {
    owner = "platform"
  }
}

# Added later for the health checker, which lives inside 10.0.0.0/16 anyway.
resource "aws_security_group_rule" "health" {
  type              = "ingress"
  description       = "Health checks, owner=platform"
  from_port         = 8080
  to_port           = 8080
  protocol          = "tcp"
  cidr_blocks       = ["10.0.12.0/24"]
  security_group_id = aws_security_group.app.id
}

resource "azurerm_network_security_group" "jump" {
  name                = "jump-nsg"
  location            = "westeurope"
  resource_group_name = "rg-jump"

  security_rule {
    name                       = "allow-office"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "203.0.113.0/24"
    destination_address_prefix = "*"
  }

  # Meant to keep RDP closed, but the rule above already lets the office in on every port.
  security_rule {
    name                       = "deny-rdp"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "203.0.113.0/24"
    destination_address_prefix = "*"
  }

  tags = {
    owner = "it-ops"
  }
}
