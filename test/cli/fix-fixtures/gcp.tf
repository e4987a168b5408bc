resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  description   = "SSH for the bastion, owner=ops-team"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-f1-micro"
    user_labels = {
      owner = "data-team"
    }
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "everyone"
        value = "0.0.0.0/0"
      }
    }
  }
}
