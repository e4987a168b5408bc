// Drives the VS Code 1.100.3 workbench (code-server) in a playwright-core page, with the selectors
// and command labels of that version. Every wait is on a condition in the page, never a sleep.
// Prefer the Command Palette to shortcuts: many Ctrl+<key> are browser shortcuts as well.
import assert from 'node:assert/strict';
import path from 'node:path';

const QUICK_INPUT = '.quick-input-widget';
const ACTION_ROW = '.action-widget .monaco-list-row.action';
const PROBLEM_ROW = '.markers-panel .monaco-list-row';

export class Workbench {
  /** @param {import('playwright-core').Page} page @param {string} extensionId */
  constructor(page, extensionId) {
    this.page = page;
    this.statusItemId = `${extensionId}.portwarden.findings`;
  }

  // ---------------------------------------------------------------- commands, files, cursor

  /** Runs a Command Palette entry by its exact label (rows read "label" or "label, <keybinding|recently used>"). */
  async runCommand(label) {
    const { page } = this;
    await page.keyboard.press('F1');
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor();
    await input.fill(`>${label}`);
    await page.locator(`${QUICK_INPUT} .monaco-list-row:is([aria-label="${label}"], [aria-label^="${label},"])`).first().click();
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), waiting until its row, not a recent file's, is focused. */
  async openFile(relPath) {
    const { page } = this;
    await page.keyboard.press('Control+p');
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor();
    await input.fill(relPath);
    const dir = path.dirname(relPath);
    const label = dir === '.' ? path.basename(relPath) : `${path.basename(relPath)} ${dir}`;
    await page.waitForFunction(([selector, wanted]) => {
      const aria = document.querySelector(selector)?.getAttribute('aria-label');
      return aria === wanted || aria?.startsWith(`${wanted},`);
    }, [`${QUICK_INPUT} .monaco-list-row.focused`, label]);
    await page.keyboard.press('Enter');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
    await page.locator('.tab.active', { hasText: path.basename(relPath) }).waitFor();
    await page.locator('.monaco-editor.focused').waitFor();
  }

  /** Moves the cursor with Quick Open's `:line:column` and waits for the status bar to say so. */
  async goTo(line, column = 1) {
    const { page } = this;
    await page.keyboard.press('Control+p');
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await page.locator(`${QUICK_INPUT} .monaco-list-row`).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** Saves the active editor and waits until it is no longer dirty. */
  async save() {
    await this.page.locator('.tab.active.dirty').waitFor();
    await this.page.keyboard.press('Control+s');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** Saves and closes every editor; the server then clears the closed files' diagnostics. */
  async closeAllEditors() {
    await this.page.keyboard.press('Escape');
    await this.runCommand('File: Save All Files');
    await this.runCommand('View: Close All Editors');
    await this.page.locator('.tab').first().waitFor({ state: 'detached' });
    if (await this.statusItem().count() > 0) await this.waitForFindingsCount(0);
  }

  // ---------------------------------------------------------------- status bar

  statusItem() {
    return this.page.locator(`[id="${this.statusItemId}"]`);
  }

  /** Waits until Port Warden's status-bar item shows `count`. */
  async waitForFindingsCount(count, timeout = 60_000) {
    await this.page.waitForFunction(([id, wanted]) => document.getElementById(id)?.innerText.trim() === String(wanted), [this.statusItemId, count], { timeout });
  }

  async findingsCount() {
    return Number((await this.statusItem().innerText()).trim());
  }

  // ---------------------------------------------------------------- Problems panel

  async focusProblems() {
    await this.runCommand('Problems: Focus on Problems View');
    await this.page.locator('.markers-panel').waitFor();
  }

  async setProblemsFilter(text) {
    const input = this.page.locator('.panel .viewpane-filter input');
    await input.fill(text);
  }

  /**
   * Every row of the Problems panel, scrolling through its virtualized list with PageDown:
   * `{ files: [{ name, folder, count }], problems: [{ severity, message, source, checkId, line, column, related: [] }] }`.
   */
  async readProblems() {
    const { page } = this;
    await this.focusProblems();
    const rows = new Map();
    const collect = async () => {
      for (const row of await page.locator(PROBLEM_ROW).evaluateAll((elements) => elements.map((element) => ({
        index: Number(element.dataset.index),
        last: element.dataset.lastElement === 'true',
        focused: element.classList.contains('focused'),
        label: element.getAttribute('aria-label') ?? '',
        text: element.innerText,
      })))) rows.set(row.index, row);
    };
    if (await page.locator('.markers-panel .monaco-list-row').count() > 0) {
      await page.keyboard.press('Home');
      const firstFocused = page.locator(`${PROBLEM_ROW}.focused[data-index="0"]`);
      // The focus command can land while the list re-renders and leave the keyboard elsewhere:
      // focus the view again (a click could collapse the file's row) and go Home once more.
      for (let attempt = 1; !(await firstFocused.waitFor({ timeout: 5_000 }).then(() => true, () => false)); attempt++) {
        if (attempt === 3) await firstFocused.waitFor();
        await this.focusProblems();
        await page.keyboard.press('Home');
      }
      for (;;) {
        await collect();
        if ([...rows.values()].some((row) => row.last)) break;
        const focused = await page.locator(`${PROBLEM_ROW}.focused`).getAttribute('data-index');
        await page.keyboard.press('PageDown');
        await page.waitForFunction(([selector, before]) => Number(document.querySelector(selector)?.dataset.index) > before, [`${PROBLEM_ROW}.focused`, Number(focused)]);
      }
    }
    return parseProblemRows([...rows.values()].sort((a, b) => a.index - b.index));
  }

  /**
   * Waits until the Problems panel lists exactly `expected` (CLI findings) for `relPath` and nothing
   * else; on timeout fails with the difference. Returns what the panel showed.
   */
  async expectProblems(relPath, expected, timeout = 30_000) {
    const dir = path.dirname(relPath);
    const want = {
      files: expected.length === 0 ? [] : [{ name: path.basename(relPath), folder: dir === '.' ? '' : dir, count: expected.length }],
      problems: expected.map(findingLine).sort(),
    };
    const deadline = Date.now() + timeout;
    for (;;) {
      const shown = await this.readProblems();
      const got = { files: shown.files, problems: shown.problems.map(findingLine).sort() };
      if (JSON.stringify(got) === JSON.stringify(want)) return shown;
      if (Date.now() > deadline) assert.deepEqual(got, want, `Problems panel for ${relPath}`);
      await this.problemsChanged(Math.min(2_000, Math.max(1, deadline - Date.now())));
    }
  }

  /** Resolves when the Problems panel's DOM changes next, or after `capMs` at the latest. */
  async problemsChanged(capMs) {
    await this.page.evaluate((cap) => new Promise((resolve) => {
      const panel = document.querySelector('.markers-panel');
      if (!panel) return resolve();
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(panel, { subtree: true, childList: true, characterData: true });
      setTimeout(() => { observer.disconnect(); resolve(); }, cap);
    }), capMs);
  }

  // ---------------------------------------------------------------- code actions, hover

  /** Opens the Quick Fix menu (Ctrl+.) at the cursor and returns the titles it offers. */
  async openQuickFixMenu() {
    await this.page.keyboard.press('Control+.');
    await this.page.locator(ACTION_ROW).first().waitFor();
    return this.codeActionTitles();
  }

  async codeActionTitles() {
    return this.page.locator(ACTION_ROW).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
  }

  /** Applies the code action titled `title` from the open menu (arrow keys + Enter; the menu blocks mouse clicks). */
  async chooseCodeAction(title) {
    const { page } = this;
    const titles = await this.codeActionTitles();
    assert.ok(titles.includes(title), `"${title}" is not offered; the menu has: ${titles.join(' | ')}`);
    for (let presses = 0; (await page.locator(`${ACTION_ROW}.focused`).getAttribute('aria-label')) !== title; presses++) {
      assert.ok(presses <= titles.length, `could not focus "${title}" in the code action menu`);
      const before = await page.locator(`${ACTION_ROW}.focused`).getAttribute('data-index');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(([selector, index]) => document.querySelector(selector)?.dataset.index !== index, [`${ACTION_ROW}.focused`, before]);
    }
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });
  }

  /** Rests the mouse on the first editor token whose text matches `token` and returns the hover's text once it contains `expect`. */
  async hover(token, expect) {
    const { page } = this;
    const span = page.locator('.monaco-editor .view-line span span', { hasText: token }).first();
    await span.waitFor();
    await span.hover();
    const widget = page.locator('.monaco-editor .monaco-hover:not(.hidden)', { hasText: expect });
    await widget.waitFor();
    return widget.innerText();
  }
}

const findingLine = (finding) => `${finding.severity} ${finding.line}:${finding.column} ${finding.checkId} ${finding.message}`;

/** Problems rows -> files and problems. Row texts in 1.100.3: "message\nsource\ncode\n[Ln 9, Col 5]". */
function parseProblemRows(rows) {
  const files = [];
  const problems = [];
  for (const row of rows) {
    const file = /^(\d+) problems? in file (.+?)(?: of folder (.*))?$/.exec(row.label);
    const marker = /^(Error|Warning|Info|Hint): /.exec(row.label);
    if (file) {
      files.push({ name: file[2], folder: file[3] ?? '', count: Number(file[1]) });
    } else if (marker) {
      const lines = row.text.split('\n');
      const position = /^\[Ln (\d+), Col (\d+)\]$/.exec(lines.at(-1) ?? '');
      assert.ok(position && lines.length === 4, `unexpected Problems row: ${JSON.stringify(row.text)}`);
      problems.push({
        severity: marker[1].toLowerCase(),
        message: lines[0],
        source: lines[1],
        checkId: lines[2],
        line: Number(position[1]),
        column: Number(position[2]),
        related: [],
      });
    } else if (problems.length > 0) {
      // Related information: "aws.tf\n[Ln 2, Col 1]\n:\nin aws_security_group.web" -> "aws.tf:2:1 in aws_security_group.web".
      const related = /^(.*)\n\[Ln (\d+), Col (\d+)\]\n:\n([^]*)$/.exec(row.text);
      problems.at(-1).related.push(related ? `${related[1]}:${related[2]}:${related[3]} ${related[4]}` : row.text);
    }
  }
  return { files, problems };
}
