import { unknown } from '../../../model/value';
import { publicEndpointRule } from '../database-rules';
import type { ProviderResources, ResourceHandler } from '../resource';
import { readBool, readInteger } from '../values';

/*
 * Tencent Cloud databases with their public endpoint turned on. Tencent Cloud assigns the public
 * port itself (it differs from the private `intranet_port`), so the ports are unknown: the
 * finding does not depend on them.
 */

const PUBLIC_PORT = 'Tencent Cloud assigns the public port of the endpoint';

/** `tencentcloud_mysql_instance` with `internet_service = 1`. */
const mysqlInstance: ResourceHandler = (input) => {
  const attribute = input.block.attributes.get('internet_service');
  if (!attribute) return [];
  const value = readInteger(attribute.value);
  // 0 (the default) is private; an expression may be either.
  if (!value.known || value.value !== 1) return [];
  return [publicEndpointRule(input, { value: attribute.value, name: 'internet_service', offText: '0' }, 'MySQL', unknown(attribute.value.span, PUBLIC_PORT))];
};

/** `tencentcloud_postgresql_instance` with `public_access_switch = true`. */
const postgresqlInstance: ResourceHandler = (input) => {
  const attribute = input.block.attributes.get('public_access_switch');
  if (!attribute || readBool(attribute.value) !== true) return [];
  return [publicEndpointRule(input, { value: attribute.value, name: 'public_access_switch', offText: 'false' }, 'PostgreSQL', unknown(attribute.value.span, PUBLIC_PORT))];
};

export const tencentDatabases: ProviderResources = {
  provider: 'tencent',
  resources: {
    tencentcloud_mysql_instance: mysqlInstance,
    tencentcloud_postgresql_instance: postgresqlInstance,
  },
};
