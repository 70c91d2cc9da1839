// Runaway programs in the page (issue 23): a sample of tests/hostile's cases, each typed into
// the editor of lesson 01's fix and run in the engine's worker. Per case, the milliseconds by the
// page's own clock from the Run click to the verdict, the median of TRIES runs (the machines are
// shared and noisy: one try of the same case took 2.0 s and 3.3 s minutes apart; goal: 2 s in
// Chromium, no throttling), the
// outcome (the one `golite run` gives natively), and the engine's linear memory after the run
// (wasm memory only grows, so this is the peak so far; goal: twice the 256 MB modeled heap plus
// 64 MB). Writes artifacts/runaway.json and prints one line per case.
//
// Usage: script/budgets -- runaway.spec.ts
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, repo, verdictsShown, watchConsole } from '../support';

const CASES = [
  'append_doubling',
  'append_bytes_doubling',
  'bytes_keep_growing',
  'defer_endless_loop',
  'goroutine_bomb',
  'goroutine_fork_bomb',
  'linked_list_endless',
  'map_string_keys_growth',
  'mutex_spin_forever',
  'output_flood',
  'select_default_spin',
  'sprint_big_slice_loop',
];
const GOAL_MS = 2_000;
const TRIES = 3;
const HELLO = 'package main\n\nfunc main() {\n\tprintln("hello")\n}\n';
const GOAL_MEMORY = 2 * 256 * 2 ** 20 + 64 * 2 ** 20;

/** The engine worker's linear memory in bytes (the newest worker: a retired one is gone). */
async function engineMemory(page: Page): Promise<number> {
  const worker = page.workers().at(-1);
  if (!worker) return 0;
  return worker.evaluate(() => (self as unknown as { engineMemory?: WebAssembly.Memory }).engineMemory?.buffer.byteLength ?? 0);
}

const headline = (page: Page) => page.getByTestId('verdict-good').locator('.verdict');
const rows: Record<string, unknown>[] = [];

test.afterAll(() => {
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'runaway.json'), JSON.stringify(rows, null, 2));
});

test('runaway programs end in the page within 2 s, in bounded wasm memory', async ({ page }) => {
  test.setTimeout(CASES.length * TRIES * 60_000);
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await expect(page.locator('html')).toHaveAttribute('data-engine-worker', 'ready', { timeout: 20_000 });
  for (const name of CASES) {
    const src = fs.readFileSync(path.join(repo, 'tests/hostile/cases', `${name}.go`), 'utf8');
    const expected = /^\/\/ expect: (\w+)/m.exec(src)![1];
    const tries: number[] = [];
    let text = '';
    for (let i = 0; i < TRIES; i++) {
      // First a program that exits, so that the case's verdict is a change the page must make.
      await page.getByTestId('edit-good').click();
      await page.getByTestId('editor-text-good').fill(HELLO);
      await page.getByTestId('editor-run-good').click();
      await expect(headline(page)).toHaveAttribute('data-outcome', 'exit', { timeout: 20_000 });
      await page.getByTestId('edit-good').click();
      await page.getByTestId('editor-text-good').fill(src);
      // From the Run click to the verdict's outcome, by the page's clock.
      await page.evaluate((expected) => {
        const w = window as unknown as { doneMs: Promise<number> };
        w.doneMs = new Promise((resolve) => {
          let start = 0;
          const run = (e: Event) => (e.target as Element).closest('[data-testid="editor-run-good"]');
          document.addEventListener('pointerdown', (e) => run(e) && (start ||= performance.now()), { capture: true });
          const box = document.querySelector('[data-testid="verdict-good"]')!;
          new MutationObserver(() => {
            const v = box.querySelector('.verdict');
            if (start && v?.getAttribute('data-outcome') === expected && v.getAttribute('data-source') === 'engine')
              resolve(performance.now() - start);
          }).observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      }, expected);
      await page.getByTestId('editor-run-good').click();
      await expect(headline(page)).toHaveAttribute('data-outcome', expected, { timeout: 50_000 });
      await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 50_000 });
      tries.push(Math.round(await page.evaluate(() => (window as unknown as { doneMs: Promise<number> }).doneMs)));
      text = (await headline(page).textContent()) ?? '';
    }
    const ms = [...tries].sort((a, b) => a - b)[Math.floor(TRIES / 2)];
    const memory = await engineMemory(page);
    rows.push({ case: name, outcome: expected, ms, tries, wasm_memory_mb: Math.round(memory / 2 ** 20), verdict: text });
    console.log(`${name.padEnd(26)} ${expected.padEnd(6)} ${String(ms).padStart(5)} ms (tries ${tries.join(', ')})  wasm memory ${Math.round(memory / 2 ** 20)} MB  ${text.slice(0, 70)}`);
  }
  // A worker whose memory passed 256 MB is replaced before the next request (app/src/worker.rs
  // RETIRE_BYTES): the tab does not keep half a gigabyte after a runaway.
  await page.getByTestId('edit-good').click();
  await page.getByTestId('editor-text-good').fill(HELLO);
  await page.getByTestId('editor-run-good').click();
  await expect(headline(page)).toHaveAttribute('data-outcome', 'exit', { timeout: 20_000 });
  const after = await engineMemory(page);
  console.log(`after the next run: wasm memory ${Math.round(after / 2 ** 20)} MB`);
  rows.push({ case: 'the next run (hello)', outcome: 'exit', wasm_memory_mb: Math.round(after / 2 ** 20) });
  expect(after).toBeLessThanOrEqual(256 * 2 ** 20);
  for (const r of rows.filter((r) => r.ms !== undefined)) {
    expect(r.ms as number, `${r.case}`).toBeLessThanOrEqual(GOAL_MS);
  }
  expect(Math.max(...rows.map((r) => (r.wasm_memory_mb as number) * 2 ** 20))).toBeLessThanOrEqual(GOAL_MEMORY);
  expect(problems).toEqual([]);
});
