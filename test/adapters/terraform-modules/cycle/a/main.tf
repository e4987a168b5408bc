# a calls b, and b calls a back: Terraform rejects the cycle, the linter must not loop.
module "b" {
  source = "../b"
  port   = 22
}
