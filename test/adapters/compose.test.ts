import { join } from 'node:path';
import { testAdapterSnapshots } from '../../server/src/testing/snapshot';

// Fixtures live in the source tree (test/adapters/compose/), not in out/.
testAdapterSnapshots('compose adapter', join(__dirname, '..', '..', '..', 'test', 'adapters', 'compose'));
