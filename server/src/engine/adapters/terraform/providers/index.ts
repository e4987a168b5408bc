import type { ProviderResources } from '../resource';
import { aws } from './aws';
import { azure } from './azure';
import { alibaba } from './alibaba';
import { gcp } from './gcp';
import { gcpSql } from './gcp-sql';
import { huawei } from './huawei';
import { openstack } from './openstack';
import { tencent } from './tencent';

/** Every provider the Terraform adapter reads; one line each. */
export const providers: readonly ProviderResources[] = [
  aws,
  azure,
  gcpSql,
  gcp,
  tencent,
  alibaba,
  huawei,
  openstack,
];
