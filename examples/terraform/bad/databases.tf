# Managed databases, caches and queues opened to the internet by their own settings.

resource "azurerm_mssql_server" "orders" {
  name                = "orders-sql"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  version             = "12.0"
}

# 0.0.0.0-255.255.255.255 is every address.
resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = azurerm_mssql_server.orders.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

resource "alicloud_db_instance" "catalog" {
  engine           = "MySQL"
  engine_version   = "8.0"
  instance_type    = "mysql.n2.small.1"
  instance_storage = 20
  security_ips     = ["10.0.0.0/8", "0.0.0.0/0"]
}

resource "tencentcloud_mysql_instance" "billing" {
  engine_version   = "8.0"
  mem_size         = 4000
  volume_size      = 200
  internet_service = 1
}

resource "aws_mq_broker" "events" {
  broker_name         = "events"
  engine_type         = "RabbitMQ"
  engine_version      = "3.13"
  host_instance_type  = "mq.m5.large"
  publicly_accessible = true
}
