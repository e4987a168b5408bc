import { join } from 'node:path';
import { testAdapterSnapshots } from '../../server/src/testing/snapshot';

// Fixtures live in the source tree (test/adapters/cloudformation/), not in out/.
testAdapterSnapshots('cloudformation adapter', join(__dirname, '..', '..', '..', 'test', 'adapters', 'cloudformation'));
