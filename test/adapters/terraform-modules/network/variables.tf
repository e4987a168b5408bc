variable "office_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "bastion_cidr" {
  default = "0.0.0.0/0"
}

# sources.auto.tfvars.json adds the internet to this list.
variable "db_sources" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}
