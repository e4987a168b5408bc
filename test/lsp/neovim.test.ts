import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_PATH } from './support/session';

const source = join(__dirname, '..', '..', '..', 'test', 'lsp');
const INSTALL = 'apt-get install -y neovim';

/**
 * Neovim is a third-party LSP client: if it sees the diagnostics, the server speaks standard LSP,
 * not only VS Code's dialect. CI installs it (.ci/run), and so does any root shell here. A
 * developer without root cannot install it, so there the test is skipped, saying so; anywhere
 * else a missing Neovim fails the test.
 */
function neovimMissing(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error === undefined && probe.status === 0) return undefined;
  return `Neovim (nvim) is not installed: run \`${INSTALL}\` (as root; .ci/run does it in CI).`;
}

const missing = neovimMissing();
const mayInstall = process.env.CI !== undefined || process.getuid?.() === 0;
const skip = missing !== undefined && !mayInstall ? `SKIPPED: ${missing}` : false;

interface NeovimReport {
  readonly error?: string;
  readonly received: boolean;
  readonly version: number;
  readonly diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }[];
  readonly actions: string[];
  readonly hover: string | null;
}

describe('Neovim\'s built-in LSP client against dist/server.js', () => {
  it('shows the diagnostics, code actions and hover of a fixture', { skip, timeout: 90_000 }, () => {
    if (missing) assert.fail(missing);
    const scratch = mkdtempSync(join(tmpdir(), 'portwarden-nvim-'));
    try {
      const out = join(scratch, 'report.json');
      const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(source, 'neovim', 'attach.lua')}`], {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          PORTWARDEN_FILE: join(source, 'fixtures', 'main.tf'),
          PORTWARDEN_OUT: out,
          PORTWARDEN_NODE: process.execPath,
          PORTWARDEN_SERVER: SERVER_PATH,
          // Neovim writes its LSP log and state under these; keep them out of the developer's home.
          XDG_CACHE_HOME: scratch,
          XDG_STATE_HOME: scratch,
          XDG_DATA_HOME: scratch,
          XDG_CONFIG_HOME: scratch,
        },
      });
      assert.equal(run.error, undefined, `nvim did not run: ${run.error?.message}`);
      const report = JSON.parse(readFileSync(out, 'utf8')) as NeovimReport;
      assert.equal(report.error, undefined, report.error);
      assert.equal(report.received, true, 'no diagnostics arrived within 30 s');
      assert.deepEqual(report.diagnostics.map(({ lnum, col, end_lnum, end_col, severity, source, code, message }) => [lnum, col, end_lnum, end_col, severity, source, code, message]), [
        [7, 0, 7, 35, 2, 'portwarden', 'missing-owner', 'aws_security_group.web has no owner tag (owner, Owner) and no owner= in its descriptions'],
        [11, 4, 12, 23, 1, 'portwarden', 'full-range-exposure', '65,536 ports (0-65535) are open to 0.0.0.0/0'],
        [17, 2, 17, 11, 2, 'portwarden', 'overlapping-rules', 'tcp 3306 from 0.0.0.0/0 is already covered: aws_security_group.web (line 11) allows tcp 0-65535 from 0.0.0.0/0'],
        [18, 4, 19, 22, 1, 'portwarden', 'public-database', 'MySQL (3306) is open to 0.0.0.0/0'],
      ]);
      assert.deepEqual(report.actions, [
        'Narrow port range to 8443',
        'Narrow port range to 443',
        'Narrow port range to 80',
        'Ignore full-range-exposure on this line (with a reason)',
      ]);
      assert.equal(report.hover, '3306 MySQL\n\n---\n\nMySQL (3306) is open to 0.0.0.0/0 (`public-database`)');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
