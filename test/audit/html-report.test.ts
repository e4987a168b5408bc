import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { JsonInventory } from '../../server/src/cli/inventory/formats/json';

/*
 * The HTML inventory report in a real browser: Debian's headless Chromium driven by playwright-core
 * (never a downloaded browser). Sorting and filtering are clicked and typed as a person would.
 * The screenshot goes to test-artifacts/inventory.png; UPDATE_SCREENSHOTS=1 also writes
 * docs/images/inventory.png, the picture in the README.
 */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');
const artifacts = join(root, 'test-artifacts');
const report = join(artifacts, 'inventory.html');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SOURCES = ['examples/terraform/bad', 'examples/terraform/good'];

function portwarden(args: readonly string[]): string {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_SHA: '', NO_COLOR: '' } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('the HTML inventory report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let inventory: JsonInventory;

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      assert.fail(`Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" as root (.ci/run does), or set CHROMIUM to a Chromium binary.`);
    }
    mkdirSync(artifacts, { recursive: true });
    portwarden(['inventory', '-f', 'html', '-o', report, ...SOURCES]);
    inventory = JSON.parse(portwarden(['inventory', '-f', 'json', ...SOURCES])) as JsonInventory;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);
    assert.deepEqual(requests, [pathToFileURL(report).href], 'the report loads nothing but itself');
  });

  after(async () => {
    await browser?.close();
  });

  /** The visible rows' values of a data attribute, in table order. */
  const visible = (attribute: string): Promise<string[]> =>
    page.$$eval(`#exposures tbody tr:not([hidden])`, (rows, name) => rows.map((row) => row.getAttribute(name) ?? ''), attribute);
  const sortKeys = (column: string): Promise<string[]> =>
    page.$$eval(`#exposures tbody tr:not([hidden]) td.col-${column}`, (cells) => cells.map((cell) => cell.getAttribute('data-sort') ?? ''));
  const shown = (): Promise<string> => page.$eval('#shown', (output) => output.textContent ?? '');

  it('shows every exposure, the summary and the chart', async () => {
    const total = inventory.exposures.length;
    assert.equal((await visible('data-reach')).length, total);
    assert.equal(await shown(), `${total} of ${total} shown`);
    assert.match(await page.$eval('.summary', (element) => element.textContent ?? ''), new RegExp(`^${total} exposures: ${inventory.summary.internet} open to the internet`));
    const bars = await page.$$eval('svg.chart g.bar', (groups) => groups.map((group) => group.getAttribute('data-port')));
    assert.equal(bars[0], '443', 'the most frequent internet port comes first');
    assert.ok(bars.length >= 5 && bars.length <= 10);
  });

  it('highlights rules without an owner and past their expiry date', async () => {
    const colors = await page.$$eval('#exposures tbody tr', (rows) => rows.map((row) => [row.className, row.ownerDocument.defaultView?.getComputedStyle(row.cells[0]).backgroundColor ?? ""]));
    const ownerless = colors.filter(([className]) => className.includes('ownerless') && !className.includes('expired'));
    const expired = colors.filter(([className]) => className.includes('expired'));
    const plain = colors.filter(([className]) => !className.includes('ownerless') && !className.includes('expired'));
    assert.equal(ownerless.length + expired.length, inventory.exposures.filter((exposure) => exposure.ownerState === 'missing' || exposure.isExpired).length);
    assert.ok(expired.length > 0 && ownerless.length > 0 && plain.length > 0);
    assert.ok(new Set(ownerless.map(([, color]) => color)).size === 1 && new Set(expired.map(([, color]) => color)).size === 1);
    assert.notEqual(ownerless[0][1], expired[0][1]);
    assert.notEqual(ownerless[0][1], plain[0][1]);
  });

  it('sorts by a column when its header is clicked, and the other way on a second click', async () => {
    const header = page.locator('th[data-column="ports"] button');
    await header.click();
    const ascending = (await sortKeys('ports')).map(Number);
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    assert.equal(await page.getAttribute('th[data-column="ports"]', 'aria-sort'), 'ascending');
    await header.click();
    const descending = (await sortKeys('ports')).map(Number);
    assert.deepEqual(descending, [...ascending].sort((a, b) => b - a));
    assert.equal(await page.getAttribute('th[data-column="ports"]', 'aria-sort'), 'descending');
    await page.locator('th[data-column="resource"] button').click();
    const resources = await sortKeys('resource');
    assert.deepEqual(resources, [...resources].sort());
    assert.equal(await page.getAttribute('th[data-column="ports"]', 'aria-sort'), 'none');
  });

  it('filters by reach, owner, provider and port, together', async () => {
    await page.selectOption('#filter-reach', 'internet');
    const internet = inventory.exposures.filter((exposure) => exposure.reach === 'internet');
    assert.deepEqual([...new Set(await visible('data-reach'))], ['internet']);
    assert.equal(await shown(), `${internet.length} of ${inventory.exposures.length} shown`);

    await page.selectOption('#filter-provider', 'aws');
    assert.deepEqual([...new Set(await visible('data-provider'))], ['aws']);
    assert.equal((await visible('data-provider')).length, internet.filter((exposure) => exposure.provider === 'aws').length);

    await page.fill('#filter-port', '22');
    const covering = internet.filter((exposure) => exposure.provider === 'aws' && (exposure.ports ?? []).some(([from, to]) => from <= 22 && 22 <= to));
    assert.equal((await visible('data-ports')).length, covering.length);
    assert.ok(covering.some((exposure) => exposure.portsText === '0-65535'), 'a range that includes the port matches it');

    await page.fill('#filter-port', '');
    await page.selectOption('#filter-provider', '');
    await page.selectOption('#filter-owner', '(none)');
    assert.equal((await visible('data-owner')).length, internet.filter((exposure) => exposure.ownerState === 'missing').length);

    await page.selectOption('#filter-owner', '');
    await page.selectOption('#filter-reach', '');
    assert.equal(await shown(), `${inventory.exposures.length} of ${inventory.exposures.length} shown`);
  });

  it('links every row to its file and line', async () => {
    const hrefs = await page.$$eval('#exposures tbody td.col-location a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    assert.equal(hrefs.length, inventory.exposures.length);
    for (const href of hrefs) assert.match(href, /^(\.\.\/)?examples\/terraform\/(bad|good)\/[a-z-]+\.tf#L\d+$/);
  });

  it('saves a screenshot (test-artifacts/inventory.png; docs/images/inventory.png with UPDATE_SCREENSHOTS=1)', async () => {
    await page.locator('th[data-column="reach"] button').click();
    const screenshot = join(artifacts, 'inventory.png');
    await page.screenshot({ path: screenshot, fullPage: false });
    assert.ok(existsSync(screenshot));
    const documented = join(root, 'docs/images/inventory.png');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(root, 'docs/images'), { recursive: true });
      copyFileSync(screenshot, documented);
    }
    assert.ok(existsSync(documented), 'docs/images/inventory.png is missing: run UPDATE_SCREENSHOTS=1 npm test');
  });
});
