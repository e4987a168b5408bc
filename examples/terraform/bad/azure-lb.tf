# A public Standard load balancer with RDP NAT rules for the jump boxes, and Azure Firewall DNAT
# rules that publish SSH and PostgreSQL.

resource "azurerm_public_ip" "lb" {
  name                = "pip-lb-web"
  location            = var.location
  resource_group_name = var.resource_group_name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_lb" "web" {
  name                = "lb-web"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "Standard"

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.lb.id
  }

  tags = {
    owner = "web-team"
  }
}

resource "azurerm_lb_rule" "https" {
  loadbalancer_id                = azurerm_lb.web.id
  name                           = "https"
  protocol                       = "Tcp"
  frontend_port                  = 443
  backend_port                   = 443
  frontend_ip_configuration_name = "public"
}

resource "azurerm_lb_nat_rule" "rdp" {
  resource_group_name            = var.resource_group_name
  loadbalancer_id                = azurerm_lb.web.id
  name                           = "rdp-jumpboxes"
  protocol                       = "Tcp"
  frontend_port_start            = 50000
  frontend_port_end              = 50009
  backend_port                   = 3389
  backend_address_pool_id        = var.jumpbox_pool_id
  frontend_ip_configuration_name = "public"
}

resource "azurerm_firewall_policy" "hub" {
  name                = "fwpol-hub"
  resource_group_name = var.resource_group_name
  location            = var.location
}

resource "azurerm_firewall_policy_rule_collection_group" "dnat" {
  name               = "dnat"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100

  nat_rule_collection {
    name     = "inbound"
    priority = 100
    action   = "Dnat"

    rule {
      name                = "ssh-build"
      protocols           = ["TCP"]
      source_addresses    = ["*"]
      destination_address = var.firewall_public_ip
      destination_ports   = ["22"]
      translated_address  = "10.10.1.4"
      translated_port     = "22"
    }

    rule {
      name                = "postgres-bi"
      protocols           = ["TCP"]
      source_addresses    = ["0.0.0.0/0"]
      destination_address = var.firewall_public_ip
      destination_ports   = ["15432"]
      translated_address  = "10.10.2.5"
      translated_port     = "5432"
    }
  }
}
