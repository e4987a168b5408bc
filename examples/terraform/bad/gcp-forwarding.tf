# External forwarding rules: an HTTPS load balancer (fine), a passthrough rule for SSH to a target
# pool, and one that forwards every port to a backend service.

resource "google_compute_global_forwarding_rule" "https" {
  name       = "web-https"
  target     = google_compute_target_https_proxy.web.id
  port_range = "443"

  labels = {
    owner = "web-team"
  }
}

resource "google_compute_forwarding_rule" "ssh" {
  name        = "bastion-ssh"
  region      = var.region
  port_range  = "22"
  ip_protocol = "TCP"
  target      = google_compute_target_pool.bastion.id
}

resource "google_compute_forwarding_rule" "game" {
  name                  = "game-servers"
  region                = var.region
  load_balancing_scheme = "EXTERNAL"
  ip_protocol           = "UDP"
  all_ports             = true
  backend_service       = google_compute_region_backend_service.game.id

  labels = {
    owner = "games"
  }
}

resource "google_compute_forwarding_rule" "internal_db" {
  name                  = "db-internal"
  region                = var.region
  load_balancing_scheme = "INTERNAL"
  ports                 = ["5432"]
  backend_service       = google_compute_region_backend_service.db.id
  network               = var.network
  subnetwork            = var.subnetwork
}
