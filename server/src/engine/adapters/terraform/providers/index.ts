import type { ProviderResources } from '../resource';
import { aws } from './aws';
import { awsDatabases } from './aws-databases';
import { awsEks } from './aws-eks';
import { awsLoadBalancers } from './aws-lb';
import { azure } from './azure';
import { azureLoadBalancers } from './azure-lb';
import { azureDatabaseFirewalls } from './azure-database-firewalls';
import { alibaba } from './alibaba';
import { alibabaDatabases } from './alibaba-databases';
import { alibabaLoadBalancers } from './alibaba-slb';
import { gcp } from './gcp';
import { gcpForwardingRules } from './gcp-forwarding';
import { gcpSql } from './gcp-sql';
import { huawei } from './huawei';
import { kubernetesWorkloads } from './kubernetes-workloads';
import { openstack } from './openstack';
import { tencent } from './tencent';
import { tencentDatabases } from './tencent-databases';
import { tencentLoadBalancers } from './tencent-clb';

/** Every provider the Terraform adapter reads; one line each. */
export const providers: readonly ProviderResources[] = [
  aws,
  awsDatabases,
  awsEks,
  awsLoadBalancers,
  azure,
  azureLoadBalancers,
  azureDatabaseFirewalls,
  gcpSql,
  gcp,
  gcpForwardingRules,
  tencent,
  tencentDatabases,
  tencentLoadBalancers,
  alibaba,
  alibabaDatabases,
  alibabaLoadBalancers,
  huawei,
  kubernetesWorkloads,
  openstack,
];
