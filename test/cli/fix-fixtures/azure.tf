resource "azurerm_network_security_group" "app" {
  name                = "app"
  location            = "westeurope"
  resource_group_name = "app"

  security_rule {
    name                       = "rdp"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }

  tags = {
    owner = "app-team"
  }
}

resource "azurerm_network_security_rule" "sql" {
  name                        = "sql"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["1433", "5432"]
  source_address_prefix       = "0.0.0.0/0"
  destination_address_prefix  = "*"
  resource_group_name         = "app"
  network_security_group_name = azurerm_network_security_group.app.name
}
