import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readText } from '../../server/src/node/read-text';

const dir = mkdtempSync(join(tmpdir(), 'portwarden-read-text-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('readText', () => {
  it('reads a file with its size in bytes', async () => {
    writeFileSync(join(dir, 'a.tf'), 'name = "é"\n');
    assert.deepEqual(await readText(join(dir, 'a.tf'), 100), { kind: 'text', text: 'name = "é"\n', size: 12 });
  });

  it('does not read a file over the limit, and a file at the limit is read', async () => {
    writeFileSync(join(dir, 'b.tf'), '0123456789');
    assert.deepEqual(await readText(join(dir, 'b.tf'), 9), { kind: 'too-large', size: 10 });
    assert.equal((await readText(join(dir, 'b.tf'), 10)).kind, 'text');
  });

  it('says a directory is no file, and rejects on a missing one', async () => {
    mkdirSync(join(dir, 'c.tf'));
    assert.deepEqual(await readText(join(dir, 'c.tf'), 100), { kind: 'not-a-file' });
    await assert.rejects(readText(join(dir, 'missing.tf'), 100), { code: 'ENOENT' });
  });
});
