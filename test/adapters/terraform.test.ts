import { join } from 'node:path';
import { testAdapterSnapshots } from '../../server/src/testing/snapshot';

// Fixtures live in the source tree (test/adapters/terraform/<provider>/), not in out/.
const fixtures = join(__dirname, '..', '..', '..', 'test', 'adapters', 'terraform');

for (const provider of ['aws', 'azure', 'gcp-sql', 'gcp', 'tencent', 'alibaba', 'huawei', 'openstack']) testAdapterSnapshots(`terraform adapter: ${provider}`, join(fixtures, provider));
