variable "publicly_accessible" {
  type    = bool
  default = false
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "mysql"
  engine_version      = "8.0"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  publicly_accessible = true

  tags = {
    Name  = "orders"
    owner = "orders-team"
  }
}

resource "aws_db_instance" "reporting" {
  identifier             = "reporting"
  engine                 = "postgres"
  port                   = 6543
  instance_class         = "db.r6g.large"
  publicly_accessible    = true
  vpc_security_group_ids = [aws_security_group.db.id]
  tags                   = var.tags
}

resource "aws_db_instance" "private" {
  identifier          = "ledger"
  engine              = "postgres"
  publicly_accessible = false
}

resource "aws_db_instance" "switch_from_variable" {
  identifier          = "analytics"
  engine              = "mariadb"
  publicly_accessible = var.publicly_accessible
}

resource "aws_db_instance" "defaults_to_private" {
  identifier = "sessions"
  engine     = "mysql"
}

resource "aws_db_instance" "engine_from_variable" {
  identifier          = "tenant"
  engine              = var.engine
  publicly_accessible = true
}

resource "aws_db_instance" "legacy" {
  identifier          = "legacy"
  engine              = "sqlserver-ex"
  port                = var.sql_port
  publicly_accessible = "true"
  tags = {
    Owner = "platform"
  }
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.orders.identifier
  publicly_accessible = true
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "catalog"
  engine             = "aurora-postgresql"
  port               = 5433
  master_username    = "catalog"
}

resource "aws_rds_cluster_instance" "aurora" {
  count               = 2
  identifier          = "catalog-${count.index}"
  cluster_identifier  = aws_rds_cluster.aurora.id
  engine              = aws_rds_cluster.aurora.engine
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}

resource "aws_rds_cluster_instance" "elsewhere" {
  cluster_identifier  = var.cluster_id
  engine              = "aurora-mysql"
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  publicly_accessible = true

  tags = {
    owner = "data-team"
  }
}

resource "aws_db_instance" "oracle" {
  engine              = "oracle-se2-cdb"
  publicly_accessible = true
}

resource "aws_db_instance" "truncated" {
  engine              = "mysql"
  publicly_accessible = true
