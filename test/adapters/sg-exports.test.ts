import { join } from 'node:path';
import { testAdapterSnapshots } from '../../server/src/testing/snapshot';

// Fixtures live in the source tree (test/adapters/sg-exports/), not in out/.
testAdapterSnapshots('sg-exports adapter', join(__dirname, '..', '..', '..', 'test', 'adapters', 'sg-exports'));
