variable "network_name" {
  type = string
}

variable "office_ranges" {
  type    = list(string)
  default = ["203.0.113.0/24"]
}

variable "maintenance" {
  type    = bool
  default = false
}

resource "google_compute_network" "vpc" {
  name                    = "main"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "web" {
  name        = "allow-web"
  network     = google_compute_network.vpc.name
  description = "Public web traffic, owner=team-edge expires=2027-03-31"
  priority    = 900

  allow {
    protocol = "tcp"
    ports    = ["80", "443", "8000-8080"]
  }

  allow {
    protocol = "icmp"
  }

  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["web"]
}

resource "google_compute_firewall" "internal" {
  name    = "allow-internal"
  network = var.network_name

  allow {
    protocol = "all"
  }

  # A network tag that happens to be called "all" is still a tag.
  source_tags = ["app", "all"]
}

resource "google_compute_firewall" "office" {
  name          = "office-access"
  network       = google_compute_network.vpc.self_link
  source_ranges = var.office_ranges

  allow {
    protocol = "tcp"
    ports    = ["22", var.extra_port]
  }

  deny {
    protocol = "udp"
  }

  deny {
    protocol = "17"
    ports    = ["53"]
  }
}

resource "google_compute_firewall" "legacy_rdp" {
  name    = "legacy-rdp"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = [3389]
  }
}

resource "google_compute_firewall" "mixed_sources" {
  name          = "lb-health-checks"
  network       = "default"
  source_ranges = ["130.211.0.0/22", "35.191.0.0/16"]
  source_tags   = ["bastion"]

  allow {
    protocol = "tcp"
    ports    = []
  }
}

resource "google_compute_firewall" "deny_egress" {
  name               = "deny-all-egress"
  network            = "default"
  direction          = "EGRESS"
  priority           = 65534
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

resource "google_compute_firewall" "egress_https" {
  name      = "allow-egress-https"
  network   = "default"
  direction = "egress"

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}

resource "google_compute_firewall" "off" {
  name     = "switched-off"
  network  = "default"
  disabled = true

  allow {
    protocol = "tcp"
  }
}

resource "google_compute_firewall" "maybe_off" {
  name     = "maintenance-window"
  network  = "default"
  disabled = var.maintenance

  allow {
    protocol = "tcp"
  }
}

resource "google_compute_firewall" "rules" {
  for_each      = { for rule in var.rules : rule.name => rule }
  name          = each.value.name
  network       = var.network_name
  direction     = each.value.direction
  source_ranges = each.value.ranges

  dynamic "allow" {
    for_each = each.value.allow
    content {
      protocol = allow.value.protocol
      ports    = allow.value.ports
    }
  }
}

resource "google_compute_firewall" "per_port" {
  name          = "allow-listed-ports"
  network       = var.network_name
  source_ranges = ["0.0.0.0/0"]

  dynamic "allow" {
    for_each = var.public_ports
    content {
      protocol = "tcp"
      ports    = [allow.value]
    }
  }
}

resource "google_compute_firewall" "broken" {
  name    = "broken"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"
  }
}

resource "google_compute_firewall" "after_broken" {
  name          = "after-broken"
  network       = "default"
  priority      = "500"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "udp"
    ports    = ["60000-61000"]
  }
}
