// Port Warden in a real VS Code: the packaged .vsix installed into code-server 4.100.3 (VS Code
// 1.100.3), a workspace made from examples/, driven through the UI by Debian's headless Chromium
// (playwright-core). `npm run test:e2e` installs what is missing, packages and runs this file.
//
// Expected findings come from the project's CLI run on the same file with the same configuration;
// a few are also pinned here, so that the CLI and the editor cannot be wrong in the same way unnoticed.
// Screenshots of every step, the browser console, VS Code's logs (every output channel, among them
// the language client's "Port Warden" channel) and timings go to test-artifacts/e2e/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { codeServerCli, freePort, ISOLATED_ENV, startCodeServer } from './support/code-server.mjs';
import {
  ARTIFACTS, BUILD, CHROMIUM, CLI, CODE_SERVER, EXTENSION_ID, EXTENSIONS, README_IMAGES, ROOT, UPDATE_SCREENSHOTS, USER_DATA, VSIX, WORK, WORKSPACE,
} from './support/env.mjs';
import { cliFindings, findingKey, LARGE_FILE, LARGE_FILE_LINES, prepareWorkspace, readWs, richestExample, ws } from './support/workspace.mjs';
import { Workbench } from './support/workbench.mjs';

const AWS = 'terraform/bad/aws.tf';
const GCP = 'terraform/bad/gcp.tf';
const AZURE = 'terraform/bad/azure.tf';
const ALIBABA = 'terraform/bad/alibaba.tf';
const OPENSTACK = 'terraform/bad/openstack.tf';
const CONFIG = '.portwarden.yaml';
/** Keystrokes measured on the 5,000-line file, and the slowest keystroke -> Problems panel update accepted. */
const LATENCY_EDITS = 8;
const MAX_UPDATE_MS = Number(process.env.E2E_MAX_UPDATE_MS ?? 2_000);

const timings = {};
let server;
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {Workbench} */
let wb;
let shots = 0;
let failed = false;

async function screenshot(name) {
  const file = path.join(ARTIFACTS, `${String(++shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * A README screenshot (of an element, or of a page region): always written to
 * test-artifacts/e2e/readme/, and copied to docs/images/ with UPDATE_SCREENSHOTS=1.
 */
async function readmeScreenshot(name, target) {
  const file = path.join(ARTIFACTS, 'readme', name);
  if ('screenshot' in target) await target.screenshot({ path: file });
  else await page.screenshot({ path: file, clip: target });
  if (UPDATE_SCREENSHOTS) fs.copyFileSync(file, path.join(README_IMAGES, name));
}

/** One step of the issue: a screenshot when it passes, and one of the state it was stuck in when it fails. */
function step(name, fn) {
  const slug = name.replace(/^(\d+)\.\s*/, 'step$1-').replace(/[^\w-]+/g, '-').replace(/-+$/, '').slice(0, 60).toLowerCase();
  test(name, { timeout: 240_000 }, async () => {
    const started = performance.now();
    try {
      await fn();
      await screenshot(slug);
    } catch (error) {
      failed = true;
      await screenshot(`${slug}-FAILED`).catch(() => {});
      throw error;
    } finally {
      timings[slug] = Math.round(performance.now() - started);
    }
  });
}

function findFiles(dir, pattern) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((file) => pattern.test(path.basename(file))).map((file) => path.join(dir, file));
}

const logsDir = () => path.join(USER_DATA, 'logs');
const extensionHostLog = () => findFiles(logsDir(), /^remoteexthost\.log$/).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
/** The "Port Warden" output channel (the language client's and server's log), as VS Code writes it to disk. */
const outputChannelFiles = () => findFiles(logsDir(), /^\d+-Port Warden\.log$/);

/** Waits until `predicate` holds for the text a reader returns (files VS Code flushes on its own schedule). */
async function eventually(read, predicate, what, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}; last seen:\n${String(value).slice(-2_000)}`);
    await delay(100); // polling a file VS Code writes: the condition is re-checked, not assumed after a sleep
  }
}

before(async () => {
  try {
    await setUp();
  } catch (error) {
    failed = true;
    throw error;
  }
});

async function setUp() {
  assert.ok(fs.existsSync(CODE_SERVER), `code-server is not installed at ${CODE_SERVER}: run \`bash scripts/e2e-setup.sh\` (npm run test:e2e does)`);
  assert.ok(fs.existsSync(CHROMIUM), `no browser at ${CHROMIUM}: run \`bash scripts/e2e-setup.sh\` (npm run test:e2e does)`);
  assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` (npm run test:e2e does)`);

  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(path.join(ARTIFACTS, 'readme'), { recursive: true });
  fs.rmSync(WORK, { recursive: true, force: true });
  for (const dir of [USER_DATA, EXTENSIONS, ISOLATED_ENV.XDG_CONFIG_HOME, ISOLATED_ENV.XDG_DATA_HOME, ISOLATED_ENV.XDG_CACHE_HOME]) fs.mkdirSync(dir, { recursive: true });
  prepareWorkspace();
  // The expected findings come from the CLI built from the same sources as the .vsix, just now.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { env: { ...process.env, PORTWARDEN_OUTDIR: BUILD }, stdio: 'pipe' });
  assert.ok(fs.existsSync(CLI), `scripts/build.mjs did not write ${CLI}`);

  fs.mkdirSync(path.join(USER_DATA, 'User'), { recursive: true });
  fs.writeFileSync(path.join(USER_DATA, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.tips.enabled': false,
    'files.autoSave': 'off', // VS Code in a browser saves after a delay by default; saving is part of the steps here
    'editor.cursorBlinking': 'solid', // steady screenshots
    'portwarden.trace.server': 'messages', // the LSP traffic in the Port Warden output, for failures
  }, null, 2));

  const t0 = performance.now();
  const installed = codeServerCli('--install-extension', VSIX, '--force');
  assert.match(installed, /was successfully installed/, installed);
  timings.installExtension = Math.round(performance.now() - t0);

  const t1 = performance.now();
  server = await startCodeServer({ port: await freePort(), folder: WORKSPACE, logFile: path.join(ARTIFACTS, 'code-server.log') });
  timings.codeServerHealthy = Math.round(performance.now() - t1);

  const t2 = performance.now();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-dev-shm-usage', '--disable-gpu'], env: ISOLATED_ENV });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  const consoleLog = fs.createWriteStream(path.join(ARTIFACTS, 'browser-console.log'));
  page.on('console', (message) => consoleLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
  wb = new Workbench(page, EXTENSION_ID);
  await page.goto(`${server.base}/?folder=${encodeURIComponent(WORKSPACE)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'terraform' }).waitFor({ timeout: 90_000 });
  timings.workbenchLoaded = Math.round(performance.now() - t2);
}

after(async () => {
  if (page) await screenshot(failed ? 'final-FAILED' : 'final').catch(() => {});
  await browser?.close().catch(() => {});
  await server?.stop();
  // Every output channel is a file under <user-data>/logs/<stamp>/exthost*/output_logging_*/.
  if (fs.existsSync(logsDir())) fs.cpSync(logsDir(), path.join(ARTIFACTS, 'vscode-logs'), { recursive: true });
  const channel = outputChannelFiles().map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  fs.writeFileSync(path.join(ARTIFACTS, 'portwarden-output.log'), channel);
  fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  console.log(`timings (ms): ${JSON.stringify(timings)}`);
  if (failed) {
    console.log(`FAILED: screenshots, browser console, VS Code logs and the Port Warden output are in ${ARTIFACTS}`);
    console.log(`--- last lines of the Port Warden output channel ---\n${channel.split('\n').slice(-40).join('\n')}`);
    console.log(`--- errors in the extension host log ---\n${extensionHostLog().split('\n').filter((line) => /\[error\]/i.test(line)).slice(-20).join('\n')}`);
  } else {
    fs.rmSync(WORK, { recursive: true, force: true });
  }
});

step('1. activates on a Terraform file with no other extension installed; the status bar counts the findings', async () => {
  assert.deepEqual(codeServerCli('--list-extensions').trim().split('\n'), [EXTENSION_ID], 'only Port Warden is installed');
  // A .portwarden.yaml in examples/ would activate Port Warden at startup (workspaceContains) instead.
  const activationEvent = findFiles(WORKSPACE, /^\.portwarden\.yaml$/).length > 0 ? 'workspaceContains:**/.portwarden.yaml' : 'onLanguage:terraform';
  if (activationEvent === 'onLanguage:terraform') assert.equal(await wb.statusItem().count(), 0, 'Port Warden is active before a file it serves is open');

  const expected = cliFindings(AWS);
  assert.ok(expected.length >= 10, `the CLI finds ${expected.length} findings in ${AWS}`);
  const t0 = performance.now();
  await wb.openFile(AWS);
  await wb.waitForFindingsCount(expected.length);
  timings.openToStatusCount = Math.round(performance.now() - t0);

  // Our contributed language, our status item with its tooltip, activated by opening the Terraform file.
  assert.equal((await page.locator('[id="status.editor.mode"]').innerText()).trim(), 'Terraform');
  assert.match(await wb.statusItem().getAttribute('aria-label'), new RegExp(`Port Warden: ${expected.length} findings in 1 file`));
  await eventually(extensionHostLog, (log) => log.split('\n').some((line) => line.includes(`_doActivateExtension ${EXTENSION_ID},`) && line.includes(`activationEvent: '${activationEvent}'`)),
    `the extension host log does not say that Port Warden was activated by ${activationEvent}`);
  assert.ok(!extensionHostLog().includes(`Activating extension '${EXTENSION_ID}' failed`), 'activation failed');
  // The squiggles are in the editor too.
  assert.ok(await page.locator('.monaco-editor .squiggly-error').count() > 0, 'no error squiggle in the editor');
});

step('2. the Problems panel lists the findings of a Terraform file with check ids and line:column', async () => {
  const expected = cliFindings(AWS);
  const shown = await wb.expectProblems(AWS, expected);
  for (const pinned of [
    'error 9:5 full-range-exposure 65,536 ports (0-65535) are open to 0.0.0.0/0',
    'error 34:3 admin-port-exposed SSH (22) is open to 0.0.0.0/0, ::/0',
    'error 47:5 public-database MySQL (3306) is open to 0.0.0.0/0',
    'warning 2:1 missing-owner aws_security_group.web has no owner tag (owner, Owner) and no owner= in its descriptions',
  ]) assert.ok(shown.problems.some((problem) => findingKey(problem) === pinned), `the Problems panel does not show: ${pinned}`);
  assert.ok(shown.problems.every((problem) => problem.source === 'portwarden'), 'every problem has the source portwarden');
  const fullRange = shown.problems.find((problem) => problem.line === 9 && problem.checkId === 'full-range-exposure');
  assert.deepEqual(fullRange.related, ['aws.tf:2:1 in aws_security_group.web'], 'the finding points at its resource');
  // For the README: the panel maximized, scrolled to the top, cut below its last row.
  await wb.runCommand('View: Toggle Maximized Panel');
  await wb.focusProblems();
  await page.keyboard.press('Home');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.last().and(page.locator('[data-last-element="true"]')).waitFor();
  const panel = await page.locator('.part.panel').boundingBox();
  const last = await rows.last().boundingBox();
  await readmeScreenshot('problems-panel.png', { x: panel.x, y: panel.y, width: panel.width, height: Math.min(panel.height, last.y + last.height + 8 - panel.y) });
  await wb.runCommand('View: Toggle Maximized Panel');
});

for (const [folder, what] of [['kubernetes', 'Kubernetes'], ['compose', 'Compose'], ['sg-exports', 'security-group JSON export']]) {
  step(`2. the Problems panel lists the findings of a ${what} file (examples/${folder}/)`, async () => {
    await wb.closeAllEditors();
    const file = richestExample(folder, what);
    const expected = cliFindings(file);
    await wb.openFile(file);
    const shown = await wb.expectProblems(file, expected);
    assert.ok(shown.problems.every((problem) => problem.source === 'portwarden'));
    await wb.waitForFindingsCount(expected.length);
  });
}

step('3. Ctrl+. on a full-range finding offers "Narrow port range to ..."; applied and saved, the file is narrowed and the finding gone', async () => {
  await wb.closeAllEditors();
  const before = cliFindings(AWS);
  const target = before.find((finding) => finding.checkId === 'full-range-exposure' && finding.line === 9);
  assert.ok(target, `no full-range-exposure on line 9 of ${AWS}`);
  await wb.openFile(AWS);
  await wb.waitForFindingsCount(before.length);

  await wb.goTo(target.line, target.column);
  const titles = await wb.openQuickFixMenu();
  const narrowTo = titles.filter((title) => /^Narrow port range to \d+$/.test(title));
  assert.ok(narrowTo.includes('Narrow port range to 443'), `quick fixes offered: ${titles.join(' | ')}`);
  assert.ok(titles.includes('Narrow port range…'));
  await readmeScreenshot('quick-fix.png', page.locator('.part.editor'));
  const t0 = performance.now();
  await wb.chooseCodeAction('Narrow port range to 443');
  await wb.save();
  timings.quickFixToDisk = Math.round(performance.now() - t0);

  const lines = readWs(AWS).split('\n');
  assert.match(lines[8], /^\s+from_port\s+= 443$/, 'line 9 on disk');
  assert.match(lines[9], /^\s+to_port\s+= 443$/, 'line 10 on disk');
  const afterFix = cliFindings(AWS);
  // overlapping-rules compares the rule with its neighbours, so those findings follow the narrowed
  // range (the 0-65535 rule no longer covers 3389); every other finding but the narrowed one stays.
  const others = (findings) => findings.filter((finding) => finding.checkId !== 'overlapping-rules').map(findingKey);
  assert.deepEqual(others(afterFix), others(before.filter((finding) => finding !== target)), 'only the narrowed finding is gone');
  await wb.expectProblems(AWS, afterFix);
  await wb.waitForFindingsCount(afterFix.length);
});

step('4. "Narrow port range…" asks for the ports in an input box; "Fix all" is a source action', async () => {
  // "Narrow port range…" on a rule whose syntax holds a list (a GCP firewall's ports = [...]).
  await wb.closeAllEditors();
  const before = cliFindings(GCP);
  const target = before.find((finding) => finding.checkId === 'full-range-exposure');
  assert.ok(target, `no full-range-exposure in ${GCP}`);
  await wb.openFile(GCP);
  await wb.waitForFindingsCount(before.length);
  await wb.goTo(target.line, target.column);
  await wb.openQuickFixMenu();
  await wb.chooseCodeAction('Narrow port range…');
  const box = page.locator('.quick-input-widget');
  await box.locator('.quick-input-title', { hasText: 'Narrow port range' }).waitFor();
  const input = box.locator('input');
  assert.equal(await input.inputValue(), '0-65535', 'the input box starts with the rule\'s ports');
  await input.fill('70000');
  await box.locator('.monaco-inputbox.error').waitFor();
  assert.match(await box.locator('.quick-input-message').innerText(), /70000.*outside 0-65535/);
  await screenshot('step4-input-box-validation');
  await input.fill('');
  await page.keyboard.type('443, 8443');
  await box.locator('.monaco-inputbox:not(.error)').waitFor();
  await screenshot('step4-input-box');
  await page.keyboard.press('Enter');
  await box.waitFor({ state: 'hidden' });
  await wb.save();
  assert.match(readWs(GCP), /resource "google_compute_firewall" "allow_all" \{[^}]*allow \{\s*protocol = "tcp"\s*ports\s*= \["443", "8443"\]\s*\}/, `${GCP} on disk`);
  const narrowed = cliFindings(GCP);
  assert.ok(!narrowed.some((finding) => finding.checkId === 'full-range-exposure'), 'the full-range finding is gone');
  await wb.expectProblems(GCP, narrowed);

  // Fix all: Source Action… -> "Fix all Port Warden problems in this file".
  await wb.closeAllEditors();
  const unfixed = cliFindings(AZURE);
  assert.ok(unfixed.some((finding) => finding.preferredFix), `nothing in ${AZURE} has a preferred fix`);
  const original = readWs(AZURE);
  await wb.openFile(AZURE);
  await wb.waitForFindingsCount(unfixed.length);
  await wb.runCommand('Source Action...');
  await page.locator('.action-widget .monaco-list-row.action').first().waitFor();
  await screenshot('step4-source-action-menu');
  await wb.chooseCodeAction('Fix all Port Warden problems in this file');
  await wb.save();
  assert.notEqual(readWs(AZURE), original, `${AZURE} did not change on disk`);
  const fixed = cliFindings(AZURE);
  assert.ok(fixed.length < unfixed.length, `${unfixed.length} findings before Fix all, ${fixed.length} after`);
  assert.deepEqual(fixed.filter((finding) => finding.preferredFix).map(findingKey), [], 'Fix all left findings with a preferred fix');
  await wb.expectProblems(AZURE, fixed);
  await wb.waitForFindingsCount(fixed.length);
});

step('5. hovering a port or a range says what it covers', async () => {
  await wb.closeAllEditors();
  await wb.openFile(AWS);
  await wb.goTo(47);
  const port = await wb.hover(/^3306$/, '3306 MySQL');
  assert.match(port, /MySQL \(3306\) is open to 0\.0\.0\.0\/0/, 'the hover names the finding on the port');
  await screenshot('step5-hover-port');
  await page.mouse.move(1, 450);
  await page.locator('.monaco-editor .monaco-hover:not(.hidden)').waitFor({ state: 'hidden' });

  await wb.openFile(ALIBABA);
  await wb.goTo(11);
  const range = await wb.hover('"1/65535"', '65,535 ports');
  assert.match(range, /1-65535: 65,535 ports, including .*22 SSH/);
  await page.mouse.move(1, 450);
  await page.locator('.monaco-editor .monaco-hover:not(.hidden)').waitFor({ state: 'hidden' });
});

step('6. turning a check off in .portwarden.yaml and changing a portwarden.* setting take effect without a reload', async () => {
  await wb.closeAllEditors();
  const configText = '# Port Warden configuration of the examples\nchecks:\n  missing-owner: warning\n';
  fs.writeFileSync(ws(CONFIG), configText);
  const withOwners = cliFindings(OPENSTACK);
  assert.ok(withOwners.some((finding) => finding.checkId === 'missing-owner'), `${OPENSTACK} has no missing-owner finding`);
  await wb.openFile(OPENSTACK);
  await wb.expectProblems(OPENSTACK, withOwners);
  await page.evaluate(() => { window.portwardenE2eNoReload = true; });

  // Edit the file in the editor, as a user would: "warning" -> "off", then save.
  await wb.openFile(CONFIG);
  await wb.goTo(3);
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.type('off');
  await wb.save();
  assert.equal(readWs(CONFIG), configText.replace('missing-owner: warning', 'missing-owner: off'));
  const withoutOwners = cliFindings(OPENSTACK);
  assert.ok(!withoutOwners.some((finding) => finding.checkId === 'missing-owner'));
  await wb.expectProblems(OPENSTACK, withoutOwners);
  await screenshot('step6-config-check-off');

  // A setting the configuration file does not mention: portwarden.maxPortRange, in the Settings editor.
  await wb.runCommand('Preferences: Open User Settings');
  await page.locator('.settings-editor').waitFor();
  await page.keyboard.type('portwarden.maxPortRange');
  const setting = page.locator('.settings-editor .setting-item-contents', { hasText: 'Max Port Range' });
  const input = setting.locator('input');
  await input.waitFor();
  assert.equal(await input.inputValue(), '1024');
  await input.fill('65536');
  const mirrored = path.join(WORK, 'cli-config.yaml'); // the CLI has no editor settings: the same values as a file
  fs.writeFileSync(mirrored, `${readWs(CONFIG)}maxPortRange: 65536\n`);
  const widerRange = cliFindings(OPENSTACK, { config: mirrored });
  assert.ok(!widerRange.some((finding) => finding.checkId === 'full-range-exposure'), 'maxPortRange 65536 still reports a full range');
  assert.notDeepEqual(widerRange.map(findingKey), withoutOwners.map(findingKey));
  await wb.expectProblems(OPENSTACK, widerRange);
  const userSettings = JSON.parse(fs.readFileSync(path.join(USER_DATA, 'User', 'settings.json'), 'utf8'));
  assert.equal(userSettings['portwarden.maxPortRange'], 65536);
  await screenshot('step6-setting-changed');

  // And back.
  await input.fill('1024');
  await wb.expectProblems(OPENSTACK, withoutOwners);
  assert.equal(await page.evaluate(() => window.portwardenE2eNoReload), true, 'the window was reloaded');
});

step('7. on a 5,000-line file, a keystroke updates the Problems panel quickly', async () => {
  await wb.closeAllEditors();
  const text = readWs(LARGE_FILE);
  assert.equal(text.split('\n').length - 1, LARGE_FILE_LINES);
  const expected = cliFindings(LARGE_FILE);
  // The keystroke comments out the first `publicly_accessible = true`, which removes exactly one finding.
  const line = text.split('\n').findIndex((content) => content.trim() === 'publicly_accessible = true') + 1;
  const target = expected.find((finding) => finding.line === line && finding.checkId === 'public-database');
  assert.ok(target, `no public-database finding on line ${line} of ${LARGE_FILE}`);

  const t0 = performance.now();
  await wb.openFile(LARGE_FILE);
  await wb.waitForFindingsCount(expected.length);
  timings.openLargeFileToStatusCount = Math.round(performance.now() - t0);
  await wb.focusProblems();
  // Filter the panel down to the public-database endpoints, a few rows. Not by the message or the
  // resource's address: with such a filter (even "aws_db_instance.orders_0 (MySQL)", once the file
  // had 356 problems), VS Code 1.100 does not show the problem again once it has gone and come
  // back ("Showing 0 of 356" while the editor shows the squiggle).
  const filter = /is publicly accessible/.exec(target.message)?.[0];
  assert.ok(filter, `unexpected message: ${target.message}`);
  await wb.setProblemsFilter(filter);
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: target.message });
  await row.waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
  await wb.goTo(line, 3);

  // Time stamps taken in the page: the keydown, the Problems panel row appearing or vanishing,
  // and (for comparison) the status bar's problem counts changing.
  await page.evaluate((message) => {
    const probe = { keys: [], panel: [], statusBar: [] };
    window.portwardenE2eLatency = probe;
    document.addEventListener('keydown', (event) => { if (event.key === '#' || event.key === 'Backspace') probe.keys.push(performance.now()); }, true);
    const shown = () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((element) => element.innerText.includes(message));
    let wasShown = shown();
    new MutationObserver(() => {
      const now = shown();
      if (now !== wasShown) probe.panel.push(performance.now());
      wasShown = now;
    }).observe(document.querySelector('.markers-panel'), { subtree: true, childList: true, characterData: true });
    const status = document.getElementById('status.problems');
    let label = status.getAttribute('aria-label');
    new MutationObserver(() => {
      if (status.getAttribute('aria-label') !== label) probe.statusBar.push(performance.now());
      label = status.getAttribute('aria-label');
    }).observe(status, { attributes: true, subtree: true });
  }, target.message);

  for (let edit = 0; edit < LATENCY_EDITS; edit++) {
    const comment = edit % 2 === 0;
    if (comment) await page.keyboard.type('#');
    else await page.keyboard.press('Backspace');
    await row.waitFor({ state: comment ? 'detached' : 'visible', timeout: 10_000 });
    if (edit === 0) await screenshot('step7-large-file-edited');
  }
  // The counts settle on the original again (an even number of edits); the last status-bar change may trail the panel's.
  await wb.waitForFindingsCount(expected.length);
  const probe = await page.evaluate(() => window.portwardenE2eLatency);
  assert.equal(probe.keys.length, LATENCY_EDITS);
  assert.equal(probe.panel.length, LATENCY_EDITS, 'one Problems panel change per keystroke');
  const panelMs = probe.keys.map((at, index) => Math.round(probe.panel[index] - at));
  const statusMs = probe.keys.map((at, index) => Math.round(probe.statusBar[index] - at)).filter(Number.isFinite);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  timings.keystrokeToProblemsPanel = panelMs;
  timings.keystrokeToStatusBar = statusMs;
  console.log(`5,000-line file (${expected.length} findings): keystroke -> Problems panel ${panelMs.join(', ')} ms (median ${median(panelMs)}, max ${Math.max(...panelMs)}); keystroke -> status bar ${statusMs.join(', ')} ms (median ${median(statusMs)})`);
  assert.ok(panelMs.every((ms) => ms > 0 && ms < MAX_UPDATE_MS), `keystroke -> Problems panel took ${panelMs.join(', ')} ms; the limit is ${MAX_UPDATE_MS} ms`);
  await wb.setProblemsFilter('');
});

step('8. no Port Warden error on the way: no error notification, no error in its output channel', async () => {
  const toasts = await page.locator('.notifications-toasts .notification-list-item').allInnerTexts();
  assert.deepEqual(toasts.filter((toast) => /port ?warden/i.test(toast)), [], 'Port Warden notifications');
  const channel = await eventually(() => outputChannelFiles().map((file) => fs.readFileSync(file, 'utf8')).join('\n'), (text) => text.length > 0, 'the Port Warden output channel was never written to disk');
  assert.deepEqual(channel.split('\n').filter((line) => /^\[Error\b/.test(line)), [], 'errors in the Port Warden output');
  // The README shows the two screenshots this test takes.
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const image of ['quick-fix.png', 'problems-panel.png']) {
    assert.ok(readme.includes(`docs/images/${image}`), `README.md does not show docs/images/${image}`);
    assert.ok(fs.existsSync(path.join(README_IMAGES, image)), `docs/images/${image} is missing: run UPDATE_SCREENSHOTS=1 npm run test:e2e`);
  }
});
