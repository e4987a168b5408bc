// Paths and knobs of the end-to-end test, all overridable from the environment:
//   CODE_SERVER        code-server launcher    (default: where scripts/e2e-setup.sh installs it)
//   VSIX               the packaged extension  (default: <name>-<version>.vsix that `npm run package` writes)
//   CHROMIUM           browser binary          (default /usr/bin/chromium, Debian's)
//   E2E_WORK           scratch dir: user data, extensions, the workspace (wiped each run)
//   E2E_ARTIFACTS      screenshots, logs, timings (default test-artifacts/e2e, gitignored)
//   E2E_PORT           code-server port on 127.0.0.1 (default: a free one)
//   UPDATE_SCREENSHOTS=1  also copy the README screenshots into docs/images/
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const CODE_SERVER_VERSION = '4.100.3'; // keep in step with scripts/e2e-setup.sh
const cacheRoot = process.env.PORTWARDEN_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'portwarden-e2e');
export const CODE_SERVER = path.resolve(process.env.CODE_SERVER ?? path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`, 'bin', 'code-server'));
export const VSIX = path.resolve(process.env.VSIX ?? path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const WORK = path.resolve(process.env.E2E_WORK ?? path.join(os.tmpdir(), `portwarden-e2e-${process.pid}`));
export const ARTIFACTS = path.resolve(process.env.E2E_ARTIFACTS ?? path.join(ROOT, 'test-artifacts', 'e2e'));
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
export const README_IMAGES = path.join(ROOT, 'docs', 'images');

export const USER_DATA = path.join(WORK, 'user-data');
export const EXTENSIONS = path.join(WORK, 'extensions');
/** The workspace folder: a copy of examples/ (so the explorer says EXAMPLES) plus generated files. */
export const WORKSPACE = path.join(WORK, 'examples');
/** The test's own build of the bundles (scripts/build.mjs into WORK): dist/ changes under a parallel `npm run build`. */
export const BUILD = path.join(WORK, 'build');
export const CLI = path.join(BUILD, 'cli.js');
