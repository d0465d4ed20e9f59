// The kernel seen through a real browser: Debian's Chromium, driven by playwright-core, opens a
// notebook in the classic Jupyter Notebook server, runs its cells on the flink-java kernel and
// checks what the page shows: a text result, a Flink result and a Tablesaw table as HTML tables,
// an HTML table from display(), a chart as a PNG image, data values that look like markup
// (<script>alert(1)</script>) shown as text with no dialog opening, a streaming query's table
// redrawn in place in one output, and a job's progress line with its link to the Flink web UI.
//
//   node --test tests/browser/        (tests/browser/run.sh sets it up; tests/run.sh runs it)
//
// Needs the kernelspec flink-java where the notebook server finds it (JUPYTER_PATH etc.), and
// /usr/bin/chromium. Environment: CHROMIUM (browser executable), JUPYTER (jupyter command),
// BROWSER_TEST_KERNEL (kernelspec name, default flink-java), BROWSER_TEST_TMP (where to make the
// notebook directory; default the system temp dir). Writes tests/target/browser/notebook.png
// (a screenshot of the page, also on failure) and notebook-server.log.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const outDir = path.join(root, 'tests', 'target', 'browser');
const FIXTURE = path.join(here, 'browser-check.ipynb');
const KERNEL = process.env.BROWSER_TEST_KERNEL || 'flink-java';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const JUPYTER = process.env.JUPYTER || (fs.existsSync('/usr/bin/jupyter') ? '/usr/bin/jupyter' : 'jupyter');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const SERVER_START_TIMEOUT = 60_000;
const KERNEL_READY_TIMEOUT = 120_000; // a cold JVM on a busy 2-core machine
const RUN_ALL_TIMEOUT = 300_000; // every cell; the first Flink cell starts the kernel's cluster
const CELL_TIMEOUT = 120_000; // a cell typed and run on its own
const SETTLED_TIMEOUT = 10_000; // an output of a cell that Run All has run already

// ---- the notebook server ------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

class NotebookServer {
  constructor(notebookDir, logFile) {
    this.notebookDir = notebookDir;
    this.logFile = logFile;
    this.token = randomBytes(24).toString('hex');
    this.proc = null;
    this.exited = null;
  }

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    for (let attempt = 1; ; attempt++) {
      this.port = await freePort();
      try {
        await this.startOn(this.port);
        return;
      } catch (error) {
        await this.stop();
        if (attempt >= 3 || !/exited/.test(error.message)) throw error;
      }
    }
  }

  async startOn(port) {
    const args = [
      'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--NotebookApp.port_retries=0',
      `--NotebookApp.token=${this.token}`, `--notebook-dir=${this.notebookDir}`,
    ];
    if (process.getuid && process.getuid() === 0) args.push('--allow-root');
    const log = fs.openSync(this.logFile, 'a');
    // Its own process group, so that stopping it reaches the kernels it started too.
    this.proc = spawn(JUPYTER, args, {
      cwd: this.notebookDir,
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    });
    fs.closeSync(log);
    this.exited = new Promise((resolve) => {
      this.proc.once('exit', (code, signal) => resolve({ code, signal }));
      this.proc.once('error', (error) => resolve({ code: null, signal: null, error }));
    });
    const deadline = Date.now() + SERVER_START_TIMEOUT;
    let last = '';
    while (Date.now() < deadline) {
      const done = await Promise.race([this.exited, sleep(250).then(() => null)]);
      if (done) {
        throw new Error(
          `the notebook server (${JUPYTER} notebook) exited before answering ` +
          `(${done.error ? done.error.message : `exit ${done.code}, signal ${done.signal}`}); its log:\n` +
          tail(this.logFile));
      }
      try {
        const response = await this.api('/api/status');
        if (response.ok) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = error.cause?.code || error.message;
      }
    }
    throw new Error(
      `the notebook server did not answer on ${this.base} within ${SERVER_START_TIMEOUT / 1000} s ` +
      `(last: ${last}); its log:\n${tail(this.logFile)}`);
  }

  api(apiPath, options = {}) {
    return fetch(this.base + apiPath, {
      ...options,
      headers: { Authorization: `token ${this.token}`, ...(options.headers || {}) },
      signal: AbortSignal.timeout(10_000),
    });
  }

  /** Shuts down its kernels through the REST API (they clean up after themselves), then the server. */
  async stop() {
    const proc = this.proc;
    if (!proc) return;
    this.proc = null;
    if (proc.exitCode === null && proc.signalCode === null) {
      try {
        const kernels = await (await this.api('/api/kernels')).json();
        await Promise.all(kernels.map((k) => this.api(`/api/kernels/${k.id}`, { method: 'DELETE' })
          .catch(() => {})));
      } catch {
        // the server is not answering: the signals below still stop it and its kernels
      }
      killGroup(proc.pid, 'SIGTERM');
      const stopped = await Promise.race([this.exited, sleep(20_000).then(() => null)]);
      if (!stopped) killGroup(proc.pid, 'SIGKILL');
    }
    // Kernels the server could not shut down in time, if any, are still in its process group.
    await sleep(500);
    killGroup(proc.pid, 'SIGKILL');
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // gone already
  }
}

// ---- reading the page ---------------------------------------------------------------------

/** Marks every cell's element with its tags (data-fj-tags) so locators can find it. */
async function tagCells(page) {
  return page.evaluate(() => Jupyter.notebook.get_cells().map((cell) => {
    const tags = (cell.metadata && cell.metadata.tags) || [];
    cell.element[0].setAttribute('data-fj-tags', tags.join(' '));
    return tags.join(' ');
  }));
}

/** Each code cell's state: its tags, prompt (a number once run, '*' while running), error text. */
async function cellStates(page) {
  return page.evaluate(() => Jupyter.notebook.get_cells()
    .filter((cell) => cell.cell_type === 'code')
    .map((cell, i) => ({
      index: i,
      tags: ((cell.metadata && cell.metadata.tags) || []).join(' ') || `(untagged code cell ${i})`,
      prompt: cell.input_prompt_number,
      error: (cell.output_area.outputs || [])
        .filter((o) => o.output_type === 'error')
        .map((o) => `${o.ename}: ${o.evalue}`).join('\n'),
    })));
}

/** Waits until every code cell has run (a number in its prompt), failing at once on a cell error. */
async function waitForAllCells(page, timeout) {
  const deadline = Date.now() + timeout;
  let states = [];
  while (Date.now() < deadline) {
    states = await cellStates(page);
    const failed = states.filter((s) => s.error);
    if (failed.length) {
      throw new Error(`cells failed in the browser:\n${failed.map((s) => `[${s.tags}] ${s.error}`).join('\n')}`);
    }
    const busy = await page.evaluate(() => !document.querySelector('#kernel_indicator_icon.kernel_idle_icon'));
    if (!busy && states.every((s) => typeof s.prompt === 'number')) return states;
    await sleep(250);
  }
  const pending = states.filter((s) => typeof s.prompt !== 'number');
  throw new Error(
    `after ${timeout / 1000} s these cells had not finished running ` +
    `(prompt * = still running, empty = never started): ` +
    pending.map((s) => `[${s.tags}] prompt=${JSON.stringify(s.prompt ?? null)}`).join(', '));
}

function cell(page, tag) {
  return page.locator(`.cell[data-fj-tags~="${tag}"]`);
}

/** The text of all of a cell's output areas, for failure messages. */
async function outputText(page, tag) {
  const texts = await cell(page, tag).locator('.output_subarea').allInnerTexts();
  return texts.length ? texts.join('\n---\n').slice(0, 2000) : '(no output)';
}

/**
 * The first HTML table among a cell's outputs: its column names (a header cell's own text,
 * without the type shown under it), its types (.fj-type, when shown) and its body rows as texts.
 */
async function htmlTable(page, tag) {
  const table = cell(page, tag).locator('.output_subarea table').first();
  try {
    await table.waitFor({ state: 'attached', timeout: SETTLED_TIMEOUT });
  } catch {
    assert.fail(`no HTML <table> in the output of cell [${tag}]; it shows: ${await outputText(page, tag)}`);
  }
  return table.evaluate((t) => {
    const rows = [...t.querySelectorAll('tr')];
    const headerRow = rows.find((r) => r.querySelector('th'));
    const header = headerRow ? [...headerRow.querySelectorAll('th')] : [];
    const ownText = (th) => [...th.childNodes]
      .filter((n) => !(n.nodeType === 1 && n.classList.contains('fj-type')))
      .map((n) => n.textContent).join('').trim();
    return {
      columns: header.map(ownText),
      types: header.map((th) => th.querySelector('.fj-type')?.textContent.trim() ?? null),
      rows: rows.filter((r) => r.querySelector('td'))
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
      rowCount: rows.length,
    };
  });
}

/**
 * Saves a screenshot of the whole notebook. The notebook scrolls inside #site, not the document:
 * the window is made as tall as the notebook so that one screenshot shows every cell.
 */
async function saveScreenshot(page, file) {
  const height = await page.evaluate(() => {
    const site = document.querySelector('#site');
    return site ? site.getBoundingClientRect().top + site.scrollHeight + 20 : 0;
  }).catch(() => 0);
  if (height > 1000) await page.setViewportSize({ width: 1280, height: Math.min(Math.ceil(height), 8000) }).catch(() => {});
  await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
}

/**
 * Watches the output area of a cell from now on, in the page: every note under a table it ever
 * shows (.fj-note: "3 rows · live", ...), and the most tables it held at once. Read back with
 * liveRecord(); set up before the cell runs.
 */
async function recordOutputs(page, tag) {
  await page.evaluate((tag) => {
    const area = document.querySelector(`.cell[data-fj-tags~="${tag}"] .output`);
    const record = { notes: [], maxTables: 0 };
    window.fjRecorded = window.fjRecorded || {};
    window.fjRecorded[tag] = record;
    new MutationObserver(() => {
      record.maxTables = Math.max(record.maxTables, area.querySelectorAll('table').length);
      for (const note of area.querySelectorAll('.fj-note')) {
        if (record.notes[record.notes.length - 1] !== note.textContent) record.notes.push(note.textContent);
      }
    }).observe(area, { childList: true, subtree: true, characterData: true });
  }, tag);
}

const recorded = (page, tag) => page.evaluate((tag) => window.fjRecorded[tag], tag);

const sortedRows = (rows) => rows.map((r) => r.map((v) => v.trim())).sort((a, b) => a.join('\t').localeCompare(b.join('\t')));

// ---- the test -------------------------------------------------------------------------------

describe(`a notebook on the ${KERNEL} kernel in Chromium (classic Notebook)`, () => {
  let work;
  let server;
  let browser;
  let page;
  const dialogs = [];
  const pageErrors = [];

  const cleanUpOnSignal = (signal) => {
    if (server?.proc) killGroup(server.proc.pid, 'SIGTERM');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  before(async () => {
    process.once('SIGINT', cleanUpOnSignal);
    process.once('SIGTERM', cleanUpOnSignal);
    fs.mkdirSync(outDir, { recursive: true });
    const base = process.env.BROWSER_TEST_TMP || os.tmpdir();
    fs.mkdirSync(base, { recursive: true });
    work = fs.mkdtempSync(path.join(base, 'browser-test-'));
    const notebookDir = path.join(work, 'notebooks');
    fs.mkdirSync(notebookDir);
    fs.copyFileSync(FIXTURE, path.join(notebookDir, 'browser-check.ipynb'));
    const logFile = path.join(outDir, 'notebook-server.log');
    fs.writeFileSync(logFile, '');

    assert.ok(fs.existsSync(CHROMIUM), `no browser at ${CHROMIUM}: install Debian's chromium (tests/browser/run.sh does)`);
    server = new NotebookServer(notebookDir, logFile);
    await server.start();
    const specs = await (await server.api('/api/kernelspecs')).json();
    assert.ok(KERNEL in specs.kernelspecs,
      `the notebook server does not know the kernelspec ${KERNEL} (it knows: ${Object.keys(specs.kernelspecs).join(', ')}); ` +
      'install it first (tests/run.sh installs it in a temporary Jupyter home and sets JUPYTER_PATH)');

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${server.base}/notebooks/browser-check.ipynb?token=${server.token}`);
    try {
      await page.waitForFunction(
        () => window.Jupyter?.notebook?.kernel?.is_connected?.() === true,
        null, { timeout: KERNEL_READY_TIMEOUT, polling: 250 });
      await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: KERNEL_READY_TIMEOUT });
    } catch (error) {
      const status = await page.evaluate(() => ({
        kernel: window.Jupyter?.notebook?.kernel?.name,
        indicator: document.querySelector('#kernel_indicator_icon')?.className,
        dialog: document.querySelector('.modal-dialog')?.innerText,
      })).catch(() => ({}));
      throw new Error(
        `the ${KERNEL} kernel did not become connected and idle within ${KERNEL_READY_TIMEOUT / 1000} s ` +
        `(${JSON.stringify(status)}); server log:\n${tail(logFile)}`, { cause: error });
    }
    const kernelName = await page.evaluate(() => Jupyter.notebook.kernel.name);
    assert.equal(kernelName, KERNEL, 'the notebook runs on another kernel');

    await tagCells(page);
    await recordOutputs(page, 'live-stream');
  }, { timeout: SERVER_START_TIMEOUT + 2 * KERNEL_READY_TIMEOUT + 60_000 });

  after(async () => {
    process.removeListener('SIGINT', cleanUpOnSignal);
    process.removeListener('SIGTERM', cleanUpOnSignal);
    try {
      if (page) {
        const shot = path.join(outDir, 'notebook.png');
        await saveScreenshot(page, shot)
          .then(() => console.log(`screenshot: ${path.relative(root, shot)}`))
          .catch((error) => console.log(`no screenshot: ${error.message}`));
      }
      if (pageErrors.length) console.log(`page errors: ${pageErrors.join(' | ')}`);
    } finally {
      try {
        await browser?.close();
      } finally {
        try {
          await server?.stop();
        } finally {
          if (work) fs.rmSync(work, { recursive: true, force: true });
        }
      }
    }
  }, { timeout: 90_000 });

  // The tests after this one read what Run All left in the page, so they wait only briefly.
  test('Cell > Run All runs every cell without an error', async () => {
    await page.click('#celllink');
    await page.click('#run_all_cells');
    await waitForAllCells(page, RUN_ALL_TIMEOUT);
  }, { timeout: RUN_ALL_TIMEOUT + 30_000 });

  test('a text result: 6 * 7 shows 42', async () => {
    const result = cell(page, 'answer').locator('.output_subarea.output_result');
    assert.equal(await result.count(), 1, `no execute_result for [answer]; it shows: ${await outputText(page, 'answer')}`);
    assert.equal((await result.innerText()).trim(), '42');
  });

  test('a cell typed on the keyboard and run with Shift+Enter', async () => {
    await page.evaluate(() => {
      const added = Jupyter.notebook.insert_cell_at_bottom('code');
      added.metadata.tags = ['typed'];
      added.element[0].setAttribute('data-fj-tags', 'typed');
    });
    const typed = cell(page, 'typed');
    await typed.locator('.CodeMirror').click();
    await page.keyboard.type('apples * baskets * 10');
    await page.keyboard.press('Shift+Enter');
    const result = typed.locator('.output_subarea.output_result');
    try {
      await result.waitFor({ timeout: CELL_TIMEOUT });
    } catch {
      assert.fail(`the typed cell showed no result within ${CELL_TIMEOUT / 1000} s; ` +
        `its input: ${JSON.stringify(await typed.locator('.CodeMirror').innerText())}, ` +
        `output: ${await outputText(page, 'typed')}`);
    }
    assert.equal((await result.innerText()).trim(), '420');
  });

  test('a Flink TableResult shows as an HTML table with column names, types and rows', async () => {
    const table = await htmlTable(page, 'flink-table');
    assert.deepEqual(table.columns, ['id', 'name'], `column names; table: ${JSON.stringify(table)}`);
    assert.match(table.types[0] ?? '', /INT/, `id's type; table: ${JSON.stringify(table)}`);
    assert.match(table.types[1] ?? '', /CHAR|STRING/, `name's type; table: ${JSON.stringify(table)}`);
    assert.deepEqual(sortedRows(table.rows), [['1', 'a'], ['2', 'b']], `rows; table: ${JSON.stringify(table)}`);
  });

  test('a Tablesaw table shows as an HTML table', async () => {
    const table = await htmlTable(page, 'tablesaw-table');
    assert.deepEqual(table.columns, ['animal', 'legs'], `column names; table: ${JSON.stringify(table)}`);
    assert.deepEqual(sortedRows(table.rows), [['cat', '4'], ['dog', '4']], `rows; table: ${JSON.stringify(table)}`);
  });

  test('display(new Html("<table>...")) shows the table', async () => {
    const table = await htmlTable(page, 'html');
    assert.equal(table.rowCount, 3, `table tr count; table: ${JSON.stringify(table)}`);
    assert.deepEqual(table.rows, [['x', '1'], ['y', '2']]);
  });

  test('an XChart chart shows as a PNG image that the browser decodes', async () => {
    const img = cell(page, 'chart').locator('.output_subarea img').first();
    try {
      await img.waitFor({ state: 'attached', timeout: SETTLED_TIMEOUT });
    } catch {
      assert.fail(`no <img> in the output of cell [chart]; it shows: ${await outputText(page, 'chart')}`);
    }
    const image = await img.evaluate(async (el) => {
      await el.decode().catch(() => {});
      return { src: el.getAttribute('src').slice(0, 40), width: el.naturalWidth, height: el.naturalHeight };
    });
    assert.ok(image.src.startsWith('data:image/png;base64,'), `the image is not an inline PNG: ${image.src}...`);
    assert.ok(image.width > 0 && image.height > 0, `the PNG did not decode: ${JSON.stringify(image)}`);
  });

  test('control: a script in HTML that a cell means as markup does run in this page', async () => {
    // Without this, "no dialog" below would prove nothing.
    const value = await page.evaluate(() => window.fjScriptControl);
    assert.equal(value, 42, 'the control script in display(new Html("<script>...")) did not run');
  });

  test('data values that look like markup show as text, and run nothing', async () => {
    const flink = await htmlTable(page, 'escaped-flink');
    assert.deepEqual(flink.rows, [['<script>alert(1)</script>', '<img src=x onerror=alert(2)>']],
      `the Flink values are not shown as text: ${JSON.stringify(flink)}`);
    const records = await htmlTable(page, 'escaped-records');
    assert.deepEqual(records.rows.map((r) => r[0]), ['<script>alert(3)</script>', '<b onmouseover=alert(4)>bold?</b>'],
      `the record values are not shown as text: ${JSON.stringify(records)}`);
    for (const tag of ['escaped-flink', 'escaped-records']) {
      const injected = await cell(page, tag).locator('.output_subarea').evaluateAll((areas) => areas
        .flatMap((a) => [...a.querySelectorAll('script, img, b, [onerror], [onmouseover]')])
        .map((el) => el.outerHTML));
      assert.deepEqual(injected, [], `markup from data became elements in cell [${tag}]`);
    }
  });

  test('no dialog opened (alert from data) while the cells ran, nor on hovering over a value', async () => {
    // Hover over the value that would have been <b onmouseover=...>, then give handlers time.
    await cell(page, 'escaped-records').locator('td', { hasText: 'bold?' }).first().hover({ timeout: 10_000 })
      .catch(() => {}); // absent: the test above says why
    await sleep(1000);
    assert.deepEqual(dialogs, [], 'a dialog opened: data ran as script');
  });

  test('a streaming query shows one table, redrawn in place until its counts are final', async () => {
    const table = await htmlTable(page, 'live-stream');
    assert.deepEqual(table.columns, ['parity', 'n'], `column names; table: ${JSON.stringify(table)}`);
    assert.deepEqual(sortedRows(table.rows), [['0', '1000'], ['1', '1000']], `final counts; table: ${JSON.stringify(table)}`);
    const seen = await recorded(page, 'live-stream');
    assert.equal(seen.maxTables, 1, `more than one table at a time: outputs were added, not updated (${JSON.stringify(seen)})`);
    assert.ok(seen.notes.some((note) => note.endsWith('· live')), `never shown live: ${JSON.stringify(seen.notes)}`);
    assert.equal(seen.notes[seen.notes.length - 1], '2 rows', `the last view: ${JSON.stringify(seen.notes)}`);
    assert.equal(await cell(page, 'live-stream').locator('.output_subarea.output_result').count(), 0,
      'the live table is the result: no second, static copy');
  });

  test('a job shows one progress line, ending FINISHED, with a link to it in the Flink web UI', async () => {
    const lines = cell(page, 'progress').locator('.output_subarea .fj-job');
    try {
      await lines.first().waitFor({ state: 'attached', timeout: SETTLED_TIMEOUT });
    } catch {
      assert.fail(`no progress line in cell [progress]; it shows: ${await outputText(page, 'progress')}`);
    }
    assert.equal(await lines.count(), 1, `one line per job, updated in place: ${await outputText(page, 'progress')}`);
    const text = await lines.first().innerText();
    assert.match(text, /^Job browser progress FINISHED · 1\/1 tasks · 40 in · 40 out · [\d.]+ s · Flink web UI$/, text);
    const href = await lines.first().locator('a').getAttribute('href');
    const link = /^(http:\/\/127\.0\.0\.1:\d+)\/#\/job\/completed\/([0-9a-f]{32})\/overview$/.exec(href ?? '');
    assert.ok(link, `not a link to the job in the web UI on loopback: ${href}`);
    const job = await (await fetch(`${link[1]}/jobs/${link[2]}`, { signal: AbortSignal.timeout(10_000) })).json();
    assert.equal(job.name, 'browser progress');
    assert.equal(job.state, 'FINISHED');
  });

  test('a screenshot of the notebook is saved under tests/target/browser', async () => {
    const shot = path.join(outDir, 'notebook.png');
    fs.rmSync(shot, { force: true });
    await saveScreenshot(page, shot);
    const bytes = fs.readFileSync(shot);
    assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG file');
    assert.ok(bytes.length > 10_000, `a screenshot of ${bytes.length} bytes shows little`);
  });

  test('no cell shows an error', async () => {
    const errors = await page.locator('.output_subarea.output_error').allInnerTexts();
    assert.deepEqual(errors, []);
  });
});
