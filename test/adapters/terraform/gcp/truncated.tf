resource "google_compute_firewall" "complete" {
  name          = "allow-dns"
  network       = "default"
  source_ranges = ["10.0.0.0/8"]

  allow {
    protocol = "udp"
    ports    = ["53"]
  }
}

resource "google_compute_firewall" "cut_off" {
  name          = "cut-off"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
