import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ModuleFiles } from '../../server/src/node/module-files';

const dir = mkdtempSync(join(tmpdir(), 'portwarden-module-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// Names chosen so that the walk order (a, a/z, a-b, b) differs from full paths sorted as text (a, a-b, a/z, b).
for (const sub of ['b', 'a/z', 'a-b']) mkdirSync(join(dir, sub), { recursive: true });
for (const sub of ['b', 'a', 'a/z', 'a-b']) {
  for (const name of ['variables.tf', 'main.tf']) writeFileSync(join(dir, sub, name), `# ${sub}/${name}\n`);
}
writeFileSync(join(dir, 'a', 'notes.txt'), 'not a module file\n');

describe('ModuleFiles', () => {
  it('lists directories in walk order (depth first, by name), however the parallel reads finish', async () => {
    const modules = new ModuleFiles([dir]);
    const context = await modules.contextFor(join(dir, 'a', 'main.tf'));
    assert.deepEqual([...context.directories.keys()], ['a', 'a/z', 'a-b', 'b'].map((sub) => join(dir, sub)));
    assert.deepEqual(context.directories.get(join(dir, 'a'))?.map((file) => file.path), [join(dir, 'a', 'main.tf'), join(dir, 'a', 'variables.tf')].sort());
  });

  it('hands out the text and size it read, so that a file is not read twice', async () => {
    const modules = new ModuleFiles([dir]);
    assert.equal(modules.onDisk(join(dir, 'b', 'main.tf')), undefined);
    await modules.ready();
    assert.deepEqual(modules.onDisk(join(dir, 'b', 'main.tf')), { text: '# b/main.tf\n', size: 12 });
    assert.equal(modules.onDisk(join(dir, 'a', 'notes.txt')), undefined);
    writeFileSync(join(dir, 'b', 'main.tf'), '# changed\n');
    await modules.refresh(join(dir, 'b', 'main.tf'));
    assert.deepEqual(modules.onDisk(join(dir, 'b', 'main.tf')), { text: '# changed\n', size: 10 });
    rmSync(join(dir, 'b', 'main.tf'));
    await modules.refresh(join(dir, 'b', 'main.tf'));
    assert.equal(modules.onDisk(join(dir, 'b', 'main.tf')), undefined);
  });
});
