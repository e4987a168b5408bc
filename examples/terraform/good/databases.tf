# The same data stores kept private, each with an owner.

resource "azurerm_mssql_server" "orders" {
  name                = "orders-sql"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  version             = "12.0"

  tags = {
    owner = "orders-team"
  }
}

# The office's public range only.
resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_mssql_server.orders.id
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

resource "alicloud_db_instance" "catalog" {
  engine           = "MySQL"
  engine_version   = "8.0"
  instance_type    = "mysql.n2.small.1"
  instance_storage = 20
  security_ips     = ["10.0.0.0/8"]

  tags = {
    owner = "catalog-team"
  }
}

resource "tencentcloud_mysql_instance" "billing" {
  engine_version   = "8.0"
  mem_size         = 4000
  volume_size      = 200
  internet_service = 0
}

resource "aws_mq_broker" "events" {
  broker_name         = "events"
  engine_type         = "RabbitMQ"
  engine_version      = "3.13"
  host_instance_type  = "mq.m5.large"
  publicly_accessible = false
}
