# A root module: two calls of the local web module, and rules of its own.
module "web" {
  source     = "./modules/web"
  admin_cidr = "0.0.0.0/0"
  ssh_ports  = [22]
}

module "internal" {
  source     = "./modules/web"
  admin_cidr = var.office_cidr
  ssh_ports  = [22, 3389]
}

# var.bastion_cidr defaults to 0.0.0.0/0, but terraform.tfvars narrows it: nothing to report.
resource "aws_security_group_rule" "bastion" {
  type              = "ingress"
  security_group_id = module.web.security_group_id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [var.bastion_cidr]
  description       = "owner=platform"
}

# local.db_port comes from settings.tf.json; one instance per source network.
resource "aws_security_group_rule" "db" {
  for_each          = toset(var.db_sources)
  type              = "ingress"
  security_group_id = module.web.security_group_id
  from_port         = local.db_port
  to_port           = local.db_port
  protocol          = "tcp"
  cidr_blocks       = [each.value]
  description       = "owner=data"
}
