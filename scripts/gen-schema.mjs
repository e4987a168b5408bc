// Writes schema/portwarden.schema.json (the JSON Schema of .portwarden.yaml) from the check registry
// and the default settings. Runs on the compiled code in out/ (npm run schema compiles first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const { renderConfigSchema } = require(join(root, 'out/server/src/engine/config/index.js'));

mkdirSync(join(root, 'schema'), { recursive: true });
writeFileSync(join(root, 'schema/portwarden.schema.json'), renderConfigSchema());
console.log('wrote schema/portwarden.schema.json');
