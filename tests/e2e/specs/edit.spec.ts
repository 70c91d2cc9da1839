// A learner edits a program in the page: the edit runs (and agrees with the golite CLI on the
// same text), travels in the link, and can be reverted; broken or runaway code gets a clear
// message on its side while the page stays responsive.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FS, artifacts, goliteSource, shownLeaks, verdictsShown, watchConsole } from '../support';

const BAD = fs.readFileSync(path.join(FS, 'bad.go'), 'utf8');

/** A side's verdict headline (the leak list under it not included). */
const headline = (page: Page, side: string) => page.getByTestId(`verdict-${side}`).locator('.verdict');
/** A side that ended with nothing left behind; an edited anti-pattern that shows none of the
 * lesson's harm says so (instead of the lesson's hint to change the parameters). */
async function noLeaks(page: Page, side: string, edited = false) {
  await expect(headline(page, side)).toHaveAttribute('data-leaks', '0');
  await expect(headline(page, side)).toHaveAttribute('data-outcome', 'exit');
  if (edited) await expect(headline(page, side)).toContainText('your edit shows none of the harm');
}

/** Opens `side` in the editor, replaces its whole text with `src` and runs it. */
async function editAndRun(page: Page, side: string, src: string) {
  await page.getByTestId(`edit-${side}`).click();
  const box = page.getByTestId(`editor-text-${side}`);
  await expect(box).toBeFocused();
  await box.fill(src);
  await page.getByTestId(`editor-run-${side}`).click();
  await expect(page.getByTestId(`editor-${side}`)).toHaveCount(0);
}

test('an edit that fixes bad.go runs, agrees with golite, travels in the link and reverts', async ({ page, context }) => {
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);

  // The box opens with the code as it runs (the slider's values in the marked constants).
  await page.getByTestId('edit-bad').click();
  const box = page.getByTestId('editor-text-bad');
  await expect(box).toHaveValue(BAD);
  // Typing space and arrows in the box edits the text: no playback shortcut fires.
  await box.press('End');
  await box.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Play (space)');
  // Tab indents as gofmt does, with a tab; Esc leaves the box, so Tab moves focus again.
  await box.press('Tab');
  await expect(box).toHaveValue(BAD.replace('\n', ' \t\n'));
  await box.press('Escape');
  await expect(box).not.toBeFocused();
  fs.mkdirSync(artifacts, { recursive: true });
  await page.getByTestId('side-bad').screenshot({ path: path.join(artifacts, 'edit-open.png') });
  await page.getByTestId('editor-cancel-bad').click();
  await expect(page.getByTestId('code-bad')).toBeVisible();
  await expect(page.getByTestId('edited-bad')).toHaveCount(0);

  const fixed = BAD.replace('result := make(chan string)', 'result := make(chan string, 1)');
  expect(fixed).not.toBe(BAD);
  await editAndRun(page, 'bad', fixed);
  const cli = goliteSource('bad.go', fixed);
  expect(cli.leaked).toEqual([]);
  await noLeaks(page, 'bad', true);
  await expect(page.getByTestId('edited-bad')).toBeVisible();
  await expect(page.getByTestId('code-bad')).toContainText('result := make(chan string, 1)');
  await expect(page).toHaveURL(/#bad_go=[A-Za-z0-9_-]+/);

  // The link reproduces the edited program in a fresh page.
  const other = await context.newPage();
  await other.goto(page.url());
  await verdictsShown(other);
  await expect(other.getByTestId('edited-bad')).toBeVisible();
  await noLeaks(other, 'bad', true);
  await expect(other.getByTestId('code-bad')).toContainText('result := make(chan string, 1)');
  await other.close();

  // Back goes to the lesson's own code; forward brings the edit back.
  await page.goBack();
  await expect(page.getByTestId('edited-bad')).toHaveCount(0);
  const lesson = goliteSource('bad.go', BAD);
  await expect.poll(() => shownLeaks(page, 'bad')).toEqual(lesson.leaked);
  await expect(headline(page, 'bad')).toContainText('6 goroutines leaked at line 27 (chan send): blocked forever, nothing can ever wake them; ');
  await page.goForward();
  await noLeaks(page, 'bad', true);

  // Revert brings back the lesson's file, and the link drops the edit.
  await page.getByTestId('revert-bad').click();
  await expect(headline(page, 'bad')).toContainText('6 goroutines leaked at line 27 (chan send): blocked forever, nothing can ever wake them; ');
  await expect(page).not.toHaveURL(/bad_go=/);
  expect(problems).toEqual([]);
});

test('a typed constant moves its slider, and both sides run with it', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  // Ctrl+Enter runs, as the button does.
  await page.getByTestId('edit-bad').click();
  const box = page.getByTestId('editor-text-bad');
  await box.fill(BAD.replace('const requests = 10 ', 'const requests = 20 '));
  await box.press('Control+Enter');
  await expect(page.getByTestId('editor-bad')).toHaveCount(0);
  await expect(page.getByTestId('param-requests-number')).toHaveValue('20');
  await expect(page).toHaveURL(/requests=20(&|$)/);
  // The edit only changed the constant, which the slider carries: it is not an edit.
  await expect(page.getByTestId('edited-bad')).toHaveCount(0);
  const cli = goliteSource('bad.go', BAD, ['requests=20']);
  expect(cli.leaked).toHaveLength(1);
  await expect.poll(() => shownLeaks(page, 'bad')).toEqual(cli.leaked);
  await expect(headline(page, 'bad')).toContainText(`${cli.leaked[0].count} goroutines leaked at line 27 (chan send): blocked forever, nothing can ever wake them; `);
  await expect(page.getByTestId('code-good')).toContainText('const requests = 20');

  // A slider moved while the box is open keeps its value when the box runs: the constant was
  // not typed.
  await page.getByTestId('edit-bad').click();
  const requests = page.getByTestId('param-requests-number');
  await requests.fill('30');
  await requests.press('Enter');
  await expect(page).toHaveURL(/requests=30(&|$)/);
  await page.getByTestId('editor-run-bad').click();
  await expect(requests).toHaveValue('30');
  await expect(page.getByTestId('edited-bad')).toHaveCount(0);
  const thirty = goliteSource('bad.go', BAD, ['requests=30']);
  await expect.poll(() => shownLeaks(page, 'bad')).toEqual(thirty.leaked);
});

test('a syntax error is reported at its line on its side; the other side still runs', async ({ page }) => {
  const problems = watchConsole(page);
  // Mid-run: the edit shows the end of the new runs, and the link follows (no stale step).
  await page.goto('index.html?lesson=forgotten-sender&step=5');
  await expect(page.getByTestId('step-label')).toContainText('event 5 /');
  const broken = BAD.replace('\tdefer cancel()\n', '\tdefer cancel(\n');
  expect(broken).not.toBe(BAD);
  await editAndRun(page, 'bad', broken);
  const cli = goliteSource('bad.go', broken);
  expect(cli.outcome).toBe('compile_error');
  // Go's own words (go build: ./bad.go:25:9: syntax error: ...), at the line after the break.
  expect(cli.panic).toBe('bad.go:25:9: syntax error: unexpected := in argument list; possibly missing comma or )');
  await expect(headline(page, 'bad')).toHaveText(`does not compile: ${cli.panic}`);
  const line = cli.panic.split(':')[1];
  const badge = page.getByTestId('code-bad').getByTestId('error-badge');
  await expect(badge).toHaveAttribute('data-line', line);
  fs.mkdirSync(artifacts, { recursive: true });
  await page.getByTestId('side-bad').screenshot({ path: path.join(artifacts, 'edit-compile-error.png') });
  await noLeaks(page, 'good');
  await expect(page).toHaveURL(/#bad_go=[A-Za-z0-9_-]+/);
  expect(new URL(page.url()).searchParams.get('step')).toBeNull();
  // Back: the lesson's own code at the step the page was at.
  await page.goBack();
  await expect(page.getByTestId('step-label')).toContainText('event 5 /');
  await expect(page.getByTestId('edited-bad')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('100,001 goroutines run in the page as golite runs them, with no frame stalled', async ({ page }) => {
  // The native golite run, the engine's run and decoding a million events a frame at a time
  // took 25 to 35 s in all on the shared 2-core box (load 10): more than the default 30 s.
  test.setTimeout(60_000);
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  // Past the slider's range: the marked constant becomes a plain one.
  const src = BAD.replace(/^const requests = .*$/m, 'const requests = 50000');
  expect(src).not.toEqual(BAD);
  const cli = goliteSource('bad.go', src);
  expect(cli.peak_goroutines).toBe(100_001);
  expect(cli.leaked).toEqual([{ state: 'chan send', line: 27, count: 30_000 }]);
  // Every gap between animation frames while it runs, from the click on.
  await page.evaluate(() => {
    const w = window as unknown as { gaps: number[] };
    w.gaps = [];
    let last = performance.now();
    const tick = (now: number) => {
      w.gaps.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await editAndRun(page, 'bad', src);
  await expect(headline(page, 'bad')).toContainText('30000 goroutines leaked at line 27 (chan send)', { timeout: 60_000 });
  expect(await shownLeaks(page, 'bad')).toEqual(cli.leaked);
  await expect(page.getByTestId('charts-bad').locator('.peak').first()).toHaveText('peak 100,001');
  const gaps = await page.evaluate(() => (window as unknown as { gaps: number[] }).gaps);
  // The run takes a couple of seconds, in slices of one frame each: the page keeps drawing.
  // The bound catches a run that is not sliced (seconds); it does not time the page (the
  // budgets do). The longest frame took 67 to 117 ms on a quiet 2-core machine, alone or beside
  // another spec; in the whole suite (two browsers, each with a busy engine worker, on 2 cores)
  // it took 516.7 ms (31 frames) in two runs on two machines, while no task of the page took
  // over 40 ms in a CPU profile: the main thread waiting for a core.
  expect(gaps.length).toBeGreaterThan(20);
  expect(Math.max(...gaps)).toBeLessThan(1_000);
  expect(problems).toEqual([]);
});

test('runaway programs end with the limit that stopped them, and the page keeps drawing', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  const cases: [string, string][] = [
    // Sleeps forever: a few steps per loop, and events for every sleep; the 48 M steps come
    // before the 2,000,000 events the page records (golite_limits tests the event limit).
    [
      'package main\n\nimport "time"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n',
      'stopped by the playground: step limit: the program ran more than 48000000 steps (goroutines kept yielding; goroutine 1 at line 7)',
    ],
    // A goroutine bomb: each parked goroutine holds a 2 KiB stack.
    [
      'package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tselect {}\n\t\t}()\n\t}\n}\n',
      'stopped by the playground: heap limit: the modeled heap passed 268435456 bytes (goroutine 131073 at line 5)',
    ],
  ];
  for (const [src, verdict] of cases) {
    await editAndRun(page, 'good', src);
    // While it runs, animation frames keep coming: the page is not frozen (a run on the page's
    // thread draws one frame in 500 ms; 6 were seen on a loaded 2-core machine, 25 or more when
    // quiet: the frame budget itself is script/budgets').
    const frames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const start = performance.now();
          const tick = () => {
            n += 1;
            if (performance.now() - start < 500) requestAnimationFrame(tick);
            else resolve(n);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(frames).toBeGreaterThan(3);
    await expect(headline(page, 'good')).toHaveText(verdict, { timeout: 25_000 });
  }
  expect(problems).toEqual([]);
});
