variable "office_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "bastion_cidr" {
  default = "0.0.0.0/0"
}

variable "db_sources" {
  type    = list(string)
  default = ["10.0.0.0/8", "0.0.0.0/0"]
}
