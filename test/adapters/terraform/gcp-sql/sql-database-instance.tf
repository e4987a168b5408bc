resource "google_sql_database_instance" "main" {
  name             = "main-${var.environment}"
  database_version = "POSTGRES_15"
  region           = var.region

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled = true

      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }

      authorized_networks {
        name  = "everyone"
        value = "0.0.0.0/0"
      }

      dynamic "authorized_networks" {
        for_each = var.partner_networks
        content {
          name  = authorized_networks.value.name
          value = authorized_networks.value.cidr
        }
      }
    }

    user_labels = {
      team  = "payments"
      owner = "payments-team"
    }
  }
}

resource "google_sql_database_instance" "mysql" {
  name             = "legacy"
  database_version = "MYSQL_8_0"

  settings {
    tier        = "db-n1-standard-1"
    user_labels = var.labels

    ip_configuration {
      authorized_networks {
        value = "0.0.0.0/0"
      }
      authorized_networks {
        name  = "from-variable"
        value = var.allowed_cidr
      }
    }
  }
}

resource "google_sql_database_instance" "sqlserver" {
  name             = "reports"
  database_version = "SQLSERVER_2019_STANDARD"
  root_password    = var.root_password

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      authorized_networks {
        name  = "anyone"
        value = "0.0.0.0/0"
      }
    }
  }
}

resource "google_sql_database_instance" "private_only" {
  name             = "private"
  database_version = "POSTGRES_14"

  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.vpc.id
      authorized_networks {
        value = "0.0.0.0/0"
      }
    }
  }
}

resource "google_sql_database_instance" "public_ip_from_variable" {
  name             = "maybe"
  database_version = "POSTGRES_14"

  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = var.public_ip
      authorized_networks {
        value = "0.0.0.0/0"
      }
    }
  }
}

resource "google_sql_database_instance" "version_from_variable" {
  name             = "tenant"
  database_version = var.database_version

  settings {
    tier = "db-f1-micro"
    ip_configuration {
      authorized_networks {
        name  = "all"
        value = "0.0.0.0/0"
      }
    }
  }
}

resource "google_sql_database_instance" "no_ip_configuration" {
  name             = "defaults"
  database_version = "MYSQL_5_7"

  settings {
    tier = "db-f1-micro"
  }
}

resource "google_sql_database_instance" "truncated" {
  name             = "half"
  database_version = "MYSQL_8_0"

  settings {
    ip_configuration {
      authorized_networks {
        value = "0.0.0.0/0"
