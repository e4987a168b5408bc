variable "admin_cidr" {
  type = string
}

variable "ssh_ports" {
  type    = list(number)
  default = [22]
}

variable "owner" {
  default = "web-team"
}
