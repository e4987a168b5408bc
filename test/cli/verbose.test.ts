import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { HELP_TEXT, parseCliArgs } from '../../server/src/cli/args';
import { runCli } from '../../server/src/cli/run';
import { SkipTally } from '../../server/src/cli/skip-tally';

/* --verbose: skipping stays quiet, but a user can ask what was passed over and why. */
const dir = mkdtempSync(join(tmpdir(), 'portwarden-verbose-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  'main.tf': 'resource "aws_security_group_rule" "ssh" {\n  type = "ingress"\n  from_port = 22\n  to_port = 22\n  protocol = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n  security_group_id = "sg-1"\n}\n',
  'service.json': '{ "apiVersion": "v1", "kind": "Service", "metadata": { "name": "web" }, "spec": { "ports": [{ "port": 80 }] } }\n',
  'chart-service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  type: {{ .Values.type }}\n',
  'values.yaml': 'replicaCount: 2\nimage:\n  tag: latest\n',
  'empty.yml': '\n',
  'README.md': '# not infrastructure\n',
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(argv, { cwd: dir, env: {}, isStdoutTty: false, today: '2030-01-01', writeStdout: () => undefined, writeStderr: (text) => { stderr += text; } });
  return { code, stderr };
}

describe('--verbose', () => {
  it('says how many files were linted and why the others were skipped', async () => {
    const { code, stderr } = await run(['--verbose', '.']);
    assert.equal(code, 0);
    assert.equal(stderr, 'portwarden: linted 2 files; skipped 4: 1 not recognised, 1 template, 1 empty, 1 other file type\n');
  });

  it('says the same for the inventory, which lints the same files', async () => {
    const { stderr } = await run(['inventory', '--verbose', '.']);
    assert.match(stderr, /^portwarden: linted 2 files; skipped 4: /m);
  });

  it('is silent without --verbose: skipping is quiet by design', async () => {
    assert.equal((await run(['.'])).stderr, '');
  });

  it('is parsed, absent by default, and documented in --help', () => {
    const on = parseCliArgs(['--verbose', 'infra']);
    assert.ok(on.ok && on.options.verbose === true);
    const off = parseCliArgs(['infra']);
    assert.ok(off.ok && off.options.verbose === undefined);
    assert.match(HELP_TEXT, /--verbose {2,}say on stderr how many files were linted/);
  });
});

describe('SkipTally', () => {
  it('lists only the reasons met, in a fixed order, with plurals and thousands', () => {
    const tally = new SkipTally();
    assert.equal(tally.summary(1), 'linted 1 file; skipped none');
    for (let i = 0; i < 1200; i += 1) tally.add('other-file');
    tally.add('template');
    tally.add('template');
    tally.add('too-large');
    assert.equal(tally.summary(1616), 'linted 1,616 files; skipped 1,203: 2 templates, 1 too large, 1,200 other file types');
  });
});
