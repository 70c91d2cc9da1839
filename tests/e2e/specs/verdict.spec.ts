// Verdicts that name the harm, "why is it stuck?", the narration line and "In Go" (issue 16),
// checked against the golite CLI: the page's verdicts are the CLI's `verdict`, word for word and
// number for number.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FS, artifacts, golite, liveVerdict, repo, servedVerdict, verdictsShown, watchConsole } from '../support';

interface Figure {
  measure: string;
  value: number;
  fix: number;
  tone: string;
}
interface SideVerdict {
  lesson: string;
  side: string;
  tone: string;
  en: string;
  zh: string;
  figures: Figure[];
}

const catalog = path.join(repo, 'lessons/catalog');
const folders = fs
  .readdirSync(catalog)
  .filter((d) => /^\d\d-/.test(d))
  .sort();

/** The CLI's verdict of one side of a lesson folder, run as the page runs it: with the
 * lesson's seed, its seeded preemption (lesson 15's `preempt_every`) and its race detector
 * (`race = true`). */
function cliVerdict(folder: string, side: string): SideVerdict {
  const toml = fs.readFileSync(path.join(catalog, folder, 'lesson.toml'), 'utf8');
  const seed = toml.match(/^seed = (\d+)/m)?.[1] ?? '1';
  const preempt = toml.match(/^preempt_every = (\d+)/m)?.[1];
  // A lesson that opens under an older Go release (`go = "1.21"`) runs there on the page too.
  const go = toml.match(/^go = "([\d.]+)"/m)?.[1];
  const args = ['run', '-q', '-p', 'lessons', '--bin', 'golite', '--', 'run', path.join(catalog, folder, `${side}.go`), '--json', '--seed', seed];
  if (preempt) args.push('--preempt-every', preempt);
  if (/^race = true/m.test(toml)) args.push('--race');
  if (go) args.push('--go', go);
  const r = JSON.parse(execFileSync('cargo', args, { cwd: repo, encoding: 'utf8' })) as { verdict: SideVerdict };
  expect(r.verdict, `${folder} ${side}`).toBeTruthy();
  return r.verdict;
}

/** `peak_heap` as the page writes it (Rust's Debug name of the measure: `PeakHeap`). */
const pascal = (s: string) => s.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** The figures a side shows, as data (`data-figures="PeakHeap=3040256/145408/bad;..."`). */
async function shownFigures(page: Page, side: string): Promise<Figure[]> {
  const attr = (await page.getByTestId(`verdict-${side}`).locator('.verdict').getAttribute('data-figures')) ?? '';
  return attr
    .split(';')
    .filter((f) => f !== '')
    .map((f) => {
      const [measure, rest] = f.split('=');
      const [value, fix, tone] = rest.split('/');
      return { measure, value: Number(value), fix: Number(fix), tone };
    });
}

// One visit per lesson checks all a lesson page must do: it opens, runs both sides, names the
// harm with the CLI's numbers, gives the verdicts its HTML carried from the build
// (prerender_verdict.spec.ts), fits the narrowest supported screen, steps, and keeps the console
// clean.
test('every lesson opens at 360 px, names its harm on the bad side and the same measure on the fix, with the CLI numbers, and steps', async ({ page }) => {
  test.setTimeout(360_000);
  const problems = watchConsole(page);
  expect(folders.length).toBe(34);
  // The narrowest supported screen: nothing of any lesson may stick out sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const folder of folders) {
    const bad = cliVerdict(folder, 'bad');
    const good = cliVerdict(folder, 'good');
    const url = `index.html?lesson=${bad.lesson}`;
    const html = await (await page.request.get(url)).text();
    await page.goto(url);
    await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-slug', bad.lesson);
    await verdictsShown(page);
    for (const side of ['bad', 'good']) {
      expect(await liveVerdict(page, side), `${folder} ${side}: the engine's verdict is the built one`).toEqual(
        servedVerdict(html, side, 'en'),
      );
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${folder} is wider than 360 px`).toBeLessThanOrEqual(0);
    const head = (side: string) => page.getByTestId(`verdict-${side}`).locator('.verdict');
    // The anti-pattern is never green, and says what went wrong: a deadlock, a crash, a leak,
    // or a measure with its number.
    expect(bad.tone, folder).not.toBe('ok');
    await expect(head('bad'), folder).toHaveText(bad.en);
    await expect(head('bad'), folder).toHaveAttribute('data-tone', bad.tone);
    expect(bad.en, folder).toMatch(/deadlock|panic|fatal error|leaked|\d/);
    await expect(head('good'), folder).toHaveText(good.en);
    await expect(head('good'), folder).toHaveAttribute('data-tone', good.tone);
    // Numbers as the CLI measured them; the fix shows the same measures.
    const toPage = (f: Figure) => ({ measure: pascal(f.measure), value: f.value, fix: f.fix, tone: f.tone });
    expect(await shownFigures(page, 'bad'), folder).toEqual(bad.figures.map(toPage));
    expect(await shownFigures(page, 'good'), folder).toEqual(good.figures.map(toPage));
    expect(good.figures.map((f) => f.measure), folder).toEqual(bad.figures.map((f) => f.measure));
    expect(bad.figures.length, folder).toBeGreaterThan(0);
    // Step once from the start, so the per-step drawing runs too.
    await page.getByTestId('reset').click();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-label'), folder).toContainText('event 1 /');
  }
  expect(problems).toEqual([]);
});

test('the verdict reads in Chinese when the page does', async ({ page }) => {
  const bad = cliVerdict('24-read-all-vs-stream', 'bad');
  await page.goto(`index.html?lesson=${bad.lesson}`);
  await verdictsShown(page);
  await page.getByRole('button', { name: '中文 (Chinese)' }).click();
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(bad.zh);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(bad.en);
});

test('at a setting that hides the bug, the verdict says what to try', async ({ page }) => {
  const cli = golite(`${FS}/bad.go`, ['timeoutMs=500']) as unknown as { verdict: SideVerdict; leaked: unknown[] };
  expect(cli.leaked).toEqual([]);
  expect(cli.verdict.en).toContain('at this setting the bug does not show: try');
  await page.goto('index.html?lesson=forgotten-sender&timeoutMs=500');
  await verdictsShown(page);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(cli.verdict.en);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveAttribute('data-tone', 'ok');
});

test("why is lesson 01's line-27 goroutine stuck: its channel, and no receiver is left", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  const badge = page.getByTestId('code-bad').locator('[data-testid="line-badge"][data-line="27"]');
  await badge.click();
  const why = page.getByTestId('why-bad');
  await expect(why).toBeVisible();
  await expect(why.locator('dd[data-row="state"]')).toHaveText('chan send at line 27 (one of 6 goroutines parked there in this state)');
  const on = (await why.locator('dd[data-row="on"]').innerText()).match(/^chan #(\d+): unbuffered$/);
  expect(on).not.toBeNull();
  const chan = on![1];
  await expect(why.locator('dd[data-row="wake"]')).toHaveText(`a receive from chan #${chan}`);
  await expect(why.locator('dd[data-row="woken"]')).toHaveText('never woken: the run ends first');
  await expect(why.getByTestId('can-wake')).toHaveAttribute('data-can-wake', 'never');
  await expect(why.getByTestId('can-wake')).toHaveText(
    `Nothing can ever wake it: no goroutine is left that receives from chan #${chan}, and no goroutine that can run, no pending timer and no global variable reaches what it waits on (golite's reachability analysis at the end of the run).`,
  );
  await expect(why.locator('dd[data-row="since"]')).toContainText('(blocked for');
  // The channel's own row tells the same story, from the channel's side.
  await page.getByTestId('chans-bad').locator(`li.gauge[data-chan="${chan}"]`).click();
  await expect(why.locator('.why-who')).toHaveText(`chan #${chan}`);
  await expect(why.locator('dd[data-row="senders"]')).toContainText('1: ');
  await expect(why.locator('dd[data-row="receivers"]')).toHaveText('none');
  // A click on the map asks about that goroutine; Enter on a focused badge too (keyboard).
  await page.getByTestId('map-canvas-bad').click({ position: { x: 6, y: 6 } });
  await expect(why.locator('.why-who')).toHaveText(/^goroutine \d+ \(main\.fetchProfile\.func1\)$/);
  await page.getByTestId('why-close-bad').click();
  await expect(why).toHaveCount(0);
  await badge.focus();
  await page.keyboard.press('Enter');
  await expect(why.locator('dd[data-row="wake"]')).toHaveText(`a receive from chan #${chan}`);
  fs.mkdirSync(artifacts, { recursive: true });
  await page.getByTestId('side-bad').screenshot({ path: path.join(artifacts, 'why-01.png') });
  // Mid-run the same goroutine may still be served: the page does not claim what it cannot know.
  await page.getByTestId('reset').click();
  await expect(why.locator('.why-gone')).toHaveText('no goroutine is parked there at this point of the run');
  expect(problems).toEqual([]);
});

test('the narration tells the first events of lesson 01, one sentence each', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('play')).toBeEnabled();
  const line = page.getByTestId('narration');
  await expect(line).toContainText('Step (→) or play');
  const seen: string[] = [];
  for (let i = 1; i <= 8; i++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId('step-label')).toContainText(`event ${i} /`);
    await expect(line).toHaveAttribute('data-index', /\d+/);
    seen.push(`${await line.getAttribute('data-side')} ${await line.locator('.ntext').innerText()}`);
  }
  // Both programs start main first (bad first on ties), then the bad side's first steps.
  expect(seen[0]).toBe('bad goroutine 1 (main) starts the program');
  expect(seen[1]).toBe('good goroutine 1 (main) starts the program');
  for (const s of seen) expect(s).toMatch(/^(bad|good) (goroutine \d+|chan #\d+|timer #\d+|main returns|[\d.]+ [KM]?i?B freed)/);
  // Later, the leak as it happens: a sender blocks at line 27 with nobody to receive.
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  const last = await page.evaluate(() => document.querySelector('[data-testid="step-label"]')?.textContent ?? '');
  expect(last).toMatch(/event (\d+) \/ \1/);
  await expect(line).toContainText('main returns at');
});

test('"In Go" shows what go run, pprof and goleak would', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  const panel = page.getByTestId('in-go-bad');
  await panel.locator('summary').click();
  // The engine's stacks, as the CLI's goroutine_dump prints them.
  const cli = JSON.parse(
    execFileSync('cargo', ['run', '-q', '-p', 'lessons', '--bin', 'golite', '--', 'run', `${FS}/bad.go`, '--json'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 }),
  ) as { goroutine_dump: { goroutine_debug1: string; goroutineleak_debug1: string; goroutine_debug2: string } };
  await expect(panel.locator('[data-part="pprof"]')).toHaveText(cli.goroutine_dump.goroutine_debug1.replace(/bad\.go/g, 'prog.go'));
  await expect(panel.locator('[data-part="pprof"]')).toContainText('goroutine profile: total 6\n6 @\n#\tmain.fetchProfile.func1\tprog.go:27\n');
  await expect(panel.locator('[data-part="leak-profile"]')).toHaveText(cli.goroutine_dump.goroutineleak_debug1.replace(/bad\.go/g, 'prog.go'));
  const dump = await panel.locator('[data-part="dump"]').innerText();
  expect(dump).toMatch(/^goroutine \d+ \[chan send\]:\nmain\.fetchProfile\.func1\(\)\n\tprog\.go:27\ncreated by main\.fetchProfile in goroutine \d+\n\tprog\.go:\d+\n/);
  expect(cli.goroutine_dump.goroutine_debug2.replace(/bad\.go/g, 'prog.go')).toContain(dump.split('\n\n')[0]);
  await expect(panel.locator('[data-part="goleak"]')).toContainText('found unexpected goroutines:\n[Goroutine');
  await expect(panel.locator('[data-part="goleak"]')).toContainText('in state chan send, with main.fetchProfile.func1 on top of the stack');
  await expect(panel).toContainText("golite's approximation");
  const good = page.getByTestId('in-go-good');
  await good.locator('summary').click();
  await expect(good.locator('[data-part="clean"]')).toBeVisible();

  const deadlock = golite('lessons/catalog/07-unbuffered-deadlock/bad.go');
  await page.goto('index.html?lesson=unbuffered-deadlock');
  await verdictsShown(page);
  await page.getByTestId('in-go-bad').locator('summary').click();
  const run = page.getByTestId('in-go-bad').locator('[data-part="go-run"]');
  await expect(run).toContainText(`fatal error: ${deadlock.panic}\n\ngoroutine 1 [`);
  await expect(run).toContainText('exit status 2');
});

test('screenshots of lessons 15, 17 and 24 at the end of the run', async ({ page }) => {
  fs.mkdirSync(artifacts, { recursive: true });
  await page.setViewportSize({ width: 1400, height: 1000 });
  for (const [n, slug] of [
    [15, 'racy-counter'],
    [17, 'global-lock-slow-work'],
    [24, 'read-all-vs-stream'],
  ] as const) {
    await page.goto(`index.html?lesson=${slug}`);
    await verdictsShown(page);
    // Ask why about the first badge of the bad side, when it has one, and open "In Go".
    const badge = page.getByTestId('code-bad').locator('[data-testid="line-badge"]').first();
    if (await badge.count()) await badge.click();
    await page.getByTestId('in-go-bad').locator('summary').click();
    await page.getByTestId('side-bad').locator('.verdict').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, `verdict-${n}.png`), fullPage: false });
    await page.locator('.sides').screenshot({ path: path.join(artifacts, `verdict-${n}-sides.png`) });
  }
});
