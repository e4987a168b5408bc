import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, type CliIo } from '../../server/src/cli/run';
import { defineCheck } from '../../server/src/engine/checks/define-check';
import { checks, type Check } from '../../server/src/engine/index';

/* In-process runs, for what the built binary cannot show: a terminal, and a check that crashes. */
const root = join(__dirname, '..', '..', '..');
const bad = 'test/cli/fixtures/bad';

async function run(argv: string[], io: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: root,
    env: {},
    isStdoutTty: false,
    today: '2030-01-01',
    writeStdout: (text) => { stdout += text; },
    writeStderr: (text) => { stderr += text; },
    ...io,
  });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('colors stylish output on a terminal', async () => {
    const { code, stdout } = await run([bad], { isStdoutTty: true });
    assert.equal(code, 1);
    assert.match(stdout, /\u001b\[31merror/);
  });

  it('does not color when NO_COLOR is set, nor into a file, nor other formats', async () => {
    assert.doesNotMatch((await run([bad], { isStdoutTty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
    assert.doesNotMatch((await run(['-f', 'github', bad], { isStdoutTty: true })).stdout, /\u001b\[/);
  });

  it('reports a check that throws on stderr, keeps the other findings, and exits 2', async () => {
    const crashing = defineCheck({
      id: 'zz-crashing',
      title: 'Crashes',
      severity: 'error',
      fixable: false,
      messages: { never: 'never' },
      docs: { why: '', howToFix: '', example: '' },
      run() {
        throw new Error('boom');
      },
    });
    const registry = checks as Check[];
    registry.push(crashing);
    try {
      const { code, stdout, stderr } = await run(['-f', 'github', bad]);
      assert.equal(code, 2);
      assert.match(stderr, /^portwarden: internal error in check zz-crashing on test\/cli\/fixtures\/bad\/main\.tf: boom\n/);
      assert.match(stdout, /title=full-range-exposure/);
    } finally {
      registry.splice(registry.indexOf(crashing), 1);
    }
  });

  it('inventory prints a coloured table on a terminal and plain lines otherwise', async () => {
    const terminal = await run(['inventory', bad], { isStdoutTty: true });
    assert.equal(terminal.code, 0);
    assert.match(terminal.stdout, /^\u001b\[1mResource +File:line/);
    assert.match(terminal.stdout, /\u001b\[31minternet\u001b\[39m/);
    const piped = await run(['inventory', bad]);
    assert.match(piped.stdout, /^test\/cli\/fixtures\/bad\/main\.tf:\d+: aws_security_group\.wide_open ingress tcp 0-65535 from 0\.0\.0\.0\/0 \[internet\]/);
    assert.doesNotMatch((await run(['inventory', bad], { isStdoutTty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
  });
});
