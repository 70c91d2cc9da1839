// A learner can always stop a run (issue 23): runs go to the engine's Web Worker, a long one
// shows its progress and a Stop button, Stop (or Esc) ends it within a second with what it did so
// far, the page answers clicks meanwhile, and the next run works. A worker that dies costs that
// run only.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, verdictsShown, watchConsole } from '../support';

const RUNAWAY = 'package main\n\nfunc main() {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n';
const HELLO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello again")\n}\n';

const headline = (page: Page, side: string) => page.getByTestId(`verdict-${side}`).locator('.verdict');

/** The page has started the engine's worker (after its first run) and it said it is ready. */
async function workerReady(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-engine-worker', 'ready', { timeout: 20_000 });
}

/** Milliseconds, by the page's own clock, from the next Stop (a click on it, or Esc) until
 * `side`'s verdict says the run was stopped: what a learner waits, without the test's round trips. */
async function watchStop(page: Page, side: string) {
  await page.evaluate((side) => {
    const w = window as unknown as { stopMs: Promise<number> };
    w.stopMs = new Promise((resolve) => {
      let pressed = 0;
      const press = () => (pressed ||= performance.now());
      document.addEventListener('keydown', (e) => e.key === 'Escape' && press(), { capture: true });
      document.addEventListener('pointerdown', (e) => (e.target as Element).closest('[data-testid="stop"]') && press(), { capture: true });
      const box = document.querySelector(`[data-testid="verdict-${side}"]`)!;
      new MutationObserver(() => {
        if (pressed && /Stop pressed after/.test(box.textContent ?? '')) resolve(performance.now() - pressed);
      }).observe(box, { subtree: true, childList: true, characterData: true });
    });
  }, side);
}
async function stopMs(page: Page) {
  const ms = await page.evaluate(() => (window as unknown as { stopMs: Promise<number> }).stopMs);
  console.log(`Stop to the stopped verdict: ${Math.round(ms)} ms`);
  return ms;
}

/** The engine's worker runs programs 4 times slower, as on a phone (Lighthouse's CPU model;
 * `SLOWER` in app/src/worker.rs). On a quiet desktop every runaway meets a limit within about a
 * second (issue 23), too soon to see its progress and press Stop reliably; on a phone, where
 * Stop matters most, it runs 4 times longer. DevTools' CPU throttling does not reach a worker
 * (the same runaway took 1.0 s unthrottled and 1.3 s at 4x). */
async function phoneCpu(page: Page) {
  await tellWorker(page, 'phone');
}

async function editAndRun(page: Page, side: string, src: string) {
  await page.getByTestId(`edit-${side}`).click();
  await page.getByTestId(`editor-text-${side}`).fill(src);
  await page.getByTestId(`editor-run-${side}`).click();
  await expect(page.getByTestId(`editor-${side}`)).toHaveCount(0);
}

for (const [name, size] of [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`a runaway edit shows its progress, Stop ends it within a second, and the next run works (${name})`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize(size);
    await page.goto('index.html?lesson=forgotten-sender');
    await verdictsShown(page);
    await workerReady(page);
    await phoneCpu(page);
    await editAndRun(page, 'bad', RUNAWAY);
    await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-engine', 'worker');

    // Past half a second: the progress, counted in millions of steps, and the Stop button.
    const running = page.getByTestId('running');
    await expect(running).toHaveText(/^running bad\.go: [\d,]+( M)? steps$/, { timeout: 5_000 });
    await expect(running).toHaveText(/^running bad\.go: \d+ M steps$/, { timeout: 10_000 });
    await expect(page.getByTestId('stop')).toHaveText('Stop');
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, `stop-progress-${name}.png`) });

    // The page answers while it runs: the editor opens and closes.
    await page.getByTestId('edit-bad').click();
    await expect(page.getByTestId('editor-bad')).toBeVisible({ timeout: 1_000 });
    await page.getByTestId('editor-cancel-bad').click();
    await expect(page.getByTestId('editor-bad')).toHaveCount(0);

    // Left alone, the runaway meets the step limit (48 M steps: under two seconds in a desktop
    // tab, issue 23); run it again and stop it as soon as its progress shows.
    await expect(headline(page, 'bad')).toHaveText(/^stopped by the playground: step limit: the program ran more than 48000000 steps \(goroutine 1 at line \d\)$/, { timeout: 20_000 });
    await expect(running).toHaveCount(0);
    await editAndRun(page, 'bad', RUNAWAY);
    await expect(running).toHaveText(/^running bad\.go: /, { timeout: 5_000 });
    await watchStop(page, 'bad');
    await page.getByTestId('stop').click();
    await expect(headline(page, 'bad')).toHaveText(/^stopped by the playground: Stop pressed after [\d,]+ steps$/, { timeout: 2_000 });
    expect(await stopMs(page)).toBeLessThan(1_000);
    await expect(running).toHaveCount(0);
    const steps = Number((await headline(page, 'bad').textContent())?.match(/after ([\d,]+) steps/)?.[1].replace(/,/g, ''));
    expect(steps).toBeGreaterThanOrEqual(1_000_000);
    await page.screenshot({ path: path.join(artifacts, `stop-stopped-${name}.png`) });

    // The next run works.
    await editAndRun(page, 'bad', HELLO);
    await expect(page.getByTestId('output-bad')).toHaveText('hello again');
    await expect(headline(page, 'bad')).toHaveAttribute('data-outcome', 'exit');
    expect(problems).toEqual([]);
  });
}

test('Esc stops a run too', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await workerReady(page);
  await phoneCpu(page);
  await editAndRun(page, 'good', RUNAWAY);
  await expect(page.getByTestId('running')).toHaveText(/^running good\.go: /, { timeout: 5_000 });
  await watchStop(page, 'good');
  await page.keyboard.press('Escape');
  await expect(headline(page, 'good')).toHaveText(/^stopped by the playground: Stop pressed after [\d,]+ steps$/, { timeout: 2_000 });
  expect(await stopMs(page)).toBeLessThan(1_000);
  await expect(page.getByTestId('running')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('an engine that dies costs one run: the side says so, and the next run gets a fresh engine', async ({ page }) => {
  // The first worker says it is ready, then dies on its first run with a wasm trap, as a Rust
  // abort inside the engine would end it. The page starts the next worker at once: the real one.
  let broken = true;
  await page.route('**/engine-worker.js', (route) => {
    const fake = broken;
    broken = false;
    return fake
      ? route.fulfill({
          contentType: 'text/javascript',
          // Not kept: the next worker fetches its script again, and gets the real one.
          headers: { 'cache-control': 'no-store' },
          body:
            'self.onmessage = () => {\n' +
            '  self.onmessage = (e) => { if (e.data instanceof Uint8Array) throw new WebAssembly.RuntimeError("unreachable"); };\n' +
            '  self.postMessage("ready");\n' +
            '};\n',
        })
      : route.fallback();
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await workerReady(page);
  await page.getByTestId('new-seed').click();
  const failed = page.getByTestId('engine-failed-bad');
  await expect(failed).toHaveText("the playground's engine failed on this program");
  await expect(headline(page, 'bad')).toHaveText('stopped by the playground: the engine crashed; the next run starts a fresh one');
  await expect(headline(page, 'good')).toHaveText('stopped by the playground: not run: the run of bad.go was ended');
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'stop-engine-failed.png') });

  // The page still works: the next run goes to a fresh worker, which runs both programs.
  await page.getByTestId('new-seed').click();
  await verdictsShown(page);
  await expect(failed).toHaveCount(0);
  await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-engine', 'worker');
  await expect(headline(page, 'bad')).toHaveAttribute('data-outcome', 'exit');
});

/** Sends `message` to the engine's worker as the page would, from inside the worker: the engine's
 * own message handler gets it (`app/src/worker.rs`'s test messages `abort` and `hang`). */
async function tellWorker(page: Page, message: string) {
  const workers = page.workers();
  expect(workers.length).toBe(1);
  await workers[0].evaluate((m) => {
    // The handler runs in a task of its own: this call returns before it aborts or hangs.
    setTimeout(() => self.dispatchEvent(new MessageEvent('message', { data: m })));
  }, message);
}

/** The lesson on a desktop, the worker ready, and a runaway edit of bad.go running in it. */
async function runawayInWorker(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await workerReady(page);
  await phoneCpu(page);
  await editAndRun(page, 'bad', RUNAWAY);
  await expect(page.getByTestId('running')).toHaveText(/^running bad\.go: /, { timeout: 5_000 });
}

test('a real engine abort in the worker costs the run in progress, not the page', async ({ page }) => {
  const problems = watchConsole(page);
  await runawayInWorker(page);
  // The engine's own Rust abort (a wasm trap), while it runs bad.go.
  await tellWorker(page, 'abort');
  await expect(page.getByTestId('engine-failed-bad')).toHaveText("the playground's engine failed on this program", { timeout: 5_000 });
  await expect(headline(page, 'bad')).toHaveText('stopped by the playground: the engine crashed; the next run starts a fresh one');
  await expect(headline(page, 'good')).toHaveText('stopped by the playground: not run: the run of bad.go was ended');
  // The next run goes to a fresh worker (the dead one is gone) and works.
  await editAndRun(page, 'bad', HELLO);
  await expect(page.getByTestId('output-bad')).toHaveText('hello again');
  await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-engine', 'worker');
  await expect(page.getByTestId('engine-failed-bad')).toHaveCount(0);
  // The trap is the worker's error, which the page reports as the side's failure, not a page error.
  expect(problems.filter((p) => !/unreachable|RuntimeError/.test(p))).toEqual([]);
});

test('a worker stuck in one long step is ended 700 ms after Stop, and the next run works', async ({ page }) => {
  const problems = watchConsole(page);
  await runawayInWorker(page);
  // Ten seconds inside one task: the Stop message waits behind it.
  await tellWorker(page, 'hang');
  await page.waitForTimeout(200);
  await watchStop(page, 'bad');
  await page.getByTestId('stop').click();
  await expect(headline(page, 'bad')).toHaveText(/^stopped by the playground: Stop pressed after [\d,]+ steps$/, { timeout: 3_000 });
  const ms = await stopMs(page);
  expect(ms).toBeGreaterThanOrEqual(700);
  expect(ms).toBeLessThan(2_000);
  await editAndRun(page, 'bad', HELLO);
  await expect(page.getByTestId('output-bad')).toHaveText('hello again', { timeout: 10_000 });
  await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-engine', 'worker');
  expect(problems).toEqual([]);
});
