import { check as fullRangeExposure } from '../../../checks/full-range-exposure';
import { check as missingOwner } from '../../../checks/missing-owner';
import { testCheck } from '../../../../testing/check-tester';
import { tf } from '../../../../testing/tags';

testCheck(fullRangeExposure, {
  valid: [
    {
      name: 'Terraform kubernetes: a pod on its own network, with a container port',
      code: tf`
        resource "kubernetes_pod" "web" {
          spec {
            container {
              image = "nginx"
              port {
                container_port = 8080
              }
            }
          }
        }`,
    },
    {
      name: 'Terraform kubernetes: host_network false, or from a variable',
      code: tf`
        resource "kubernetes_pod" "a" {
          spec {
            host_network = false
          }
        }
        resource "kubernetes_deployment" "b" {
          spec {
            template {
              spec {
                host_network = var.host_network
              }
            }
          }
        }`,
    },
    {
      name: 'Terraform kubernetes: a pod security policy only permits host networking',
      code: tf`
        resource "kubernetes_pod_security_policy" "psp" {
          spec {
            host_network = true
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'Terraform kubernetes: a pod on the host network',
      code: tf`
        resource "kubernetes_pod" "agent" {
          metadata {
            name = "agent"
          }
          spec {
            host_network = true
          }
        }`,
      findings: [{
        message: 'kubernetes_pod.agent uses the host\'s network: every port it listens on is open to 0.0.0.0/0',
        line: 6, column: 20, endLine: 6, endColumn: 24,
        fixes: [{
          title: 'Turn off host networking',
          output: tf`
            resource "kubernetes_pod" "agent" {
              metadata {
                name = "agent"
              }
              spec {
                host_network = false
              }
            }`,
        }],
      }],
    },
    {
      name: 'Terraform kubernetes: a daemon set and a cron job on the host network, in their pod templates',
      code: tf`
        resource "kubernetes_daemon_set_v1" "exporter" {
          spec {
            template {
              spec {
                host_network = true
              }
            }
          }
        }
        resource "kubernetes_cron_job_v1" "probe" {
          spec {
            job_template {
              spec {
                template {
                  spec {
                    host_network = true
                  }
                }
              }
            }
          }
        }`,
      findings: [
        {
          message: 'kubernetes_daemon_set_v1.exporter uses the host\'s network: every port it listens on is open to 0.0.0.0/0',
          line: 5, column: 24, endLine: 5, endColumn: 28,
        },
        {
          message: 'kubernetes_cron_job_v1.probe uses the host\'s network: every port it listens on is open to 0.0.0.0/0',
          line: 16, column: 28, endLine: 16, endColumn: 32,
        },
      ],
    },
  ],
});

testCheck(missingOwner, {
  valid: [
    {
      name: 'Terraform kubernetes: the owner is a label of the workload or of its pod template',
      code: tf`
        resource "kubernetes_deployment" "a" {
          metadata {
            labels = { owner = "platform" }
          }
          spec {
            template {
              spec {
                host_network = true
              }
            }
          }
        }
        resource "kubernetes_deployment" "b" {
          spec {
            template {
              metadata {
                labels = { owner = "platform" }
              }
              spec {
                host_network = true
              }
            }
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'Terraform kubernetes: a host-network pod without an owner label',
      code: tf`
        resource "kubernetes_pod" "agent" {
          metadata {
            labels = { app = "agent" }
          }
          spec {
            host_network = true
          }
        }`,
      findings: [{
        message: 'kubernetes_pod.agent has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 34,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "kubernetes_pod" "agent" {
              metadata {
                labels = { app = "agent", owner = "TODO" }
              }
              spec {
                host_network = true
              }
            }`,
        }],
      }],
    },
  ],
});
