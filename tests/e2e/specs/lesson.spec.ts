// The lesson page in a real browser, checked against the golite CLI: the verdicts it shows are
// exactly what `golite run --json` reports for the same parameters and seed; stepping back
// restores an identical state; a URL reproduces the view. (That every lesson opens, fits 360 px
// and keeps the console clean is checked in verdict.spec.ts, one visit per lesson.)
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FS, artifacts, golite, shownLeaks, verdictsShown, watchConsole } from '../support';

/** The code lines marked as where the running goroutine is (at most one). */
async function runningLines(page: Page, side: string): Promise<string[]> {
  return page
    .getByTestId(`code-${side}`)
    .locator('.ln.running')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-line') ?? ''));
}

/** Everything a side shows as text and attributes (the canvas by its description). */
async function sideState(page: Page, side: string): Promise<string> {
  const el = page.getByTestId(`side-${side}`);
  const text = await el.innerText();
  const map = await el.locator('canvas').getAttribute('aria-label');
  const badges = await el
    .locator('[data-testid="line-badge"]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-line')}:${e.getAttribute('data-state')}:${e.getAttribute('data-count')}`));
  const running = await runningLines(page, side);
  expect(running.length).toBeLessThanOrEqual(1);
  return JSON.stringify({ text, map, badges, running });
}

test('played to the end, forgotten-sender shows exactly the leaks golite reports', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('lesson-title')).toHaveText('The forgotten sender');
  await expect(page.getByTestId('step-label')).toContainText('event 0 /');
  // Play, then jump to the end with the scrubber (End key), as a learner would skip ahead.
  await page.getByTestId('play').click();
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('End');
  await verdictsShown(page);

  const bad = golite(`${FS}/bad.go`);
  const good = golite(`${FS}/good.go`);
  expect(bad.leaked.length).toBeGreaterThan(0);
  expect(await shownLeaks(page, 'bad')).toEqual(bad.leaked);
  await expect(page.getByTestId('verdict-bad')).toContainText(
    `${bad.leaked[0].count} goroutines leaked at line ${bad.leaked[0].line} (${bad.leaked[0].state})`,
  );
  expect(good.leaked).toEqual([]);
  expect(await shownLeaks(page, 'good')).toEqual([]);
  // The verdict names the lesson's harm, as the CLI does (specs/verdict.spec.ts checks them all).
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(bad.verdict!.en);
  await expect(page.getByTestId('verdict-good').locator('.verdict')).toHaveText(good.verdict!.en);
  await expect(page.getByTestId('verdict-good').locator('.verdict')).toHaveAttribute('data-leaks', '0');
  await expect(page.getByTestId('output-bad')).toHaveText(bad.stdout);
  // The code shows the leaked goroutines as a badge on the leaking line.
  const badge = page.getByTestId('code-bad').locator(`[data-testid="line-badge"][data-line="${bad.leaked[0].line}"]`);
  await expect(badge).toHaveAttribute('data-count', String(bad.leaked[0].count));
  await expect(badge).toHaveAttribute('data-state', bad.leaked[0].state);
  // The run is over: no goroutine runs, so no line is marked as running.
  expect(await runningLines(page, 'bad')).toEqual([]);
  expect(await runningLines(page, 'good')).toEqual([]);

  // Hovering a leaked goroutine's cell says who it is and what it waits on: the channel whose
  // gauge shows it among the waiting senders.
  const canvas = page.getByTestId('map-bad').locator('canvas');
  await canvas.hover({ position: { x: 6, y: 6 } });
  const tip = page.getByTestId('map-bad').getByTestId('map-tip');
  await expect(tip).toContainText(`${bad.leaked[0].state} · line ${bad.leaked[0].line}`);
  const waits = (await tip.getByTestId('waits-on').innerText()).match(/^waits on: send on chan #(\d+)$/);
  expect(waits).not.toBeNull();
  await expect(page.getByTestId('chans-bad').locator(`li.gauge[data-chan="${waits![1]}"]`)).toHaveAttribute(
    'aria-label',
    `chan #${waits![1]}: unbuffered, 1 sender waiting`,
  );
  expect(problems).toEqual([]);
});

test('moving a parameter re-runs both sides to what golite run --set reports', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  const box = page.getByTestId('param-requests-number');
  await box.fill('37');
  await box.press('Enter');
  await expect(page).toHaveURL(/requests=37(&|$)/);
  const bad = golite(`${FS}/bad.go`, ['requests=37']);
  await expect.poll(() => shownLeaks(page, 'bad')).toEqual(bad.leaked);
  expect(bad.leaked[0].count).not.toBe(golite(`${FS}/bad.go`).leaked[0].count);
  await expect(page.getByTestId('output-bad')).toHaveText(bad.stdout);
  // The code on screen is the code that ran: the marked constant carries the new value.
  await expect(page.getByTestId('code-bad')).toContainText('const requests = 37');
  await expect(page.getByTestId('code-good')).toContainText('const requests = 37');

  // The slider drives the same parameter; its far end is the range's top.
  await page.getByTestId('param-timeoutMs').focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/timeoutMs=500(&|$)/);
  const none = golite(`${FS}/bad.go`, ['requests=37', 'timeoutMs=500']);
  expect(none.leaked).toEqual([]);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(none.verdict!.en);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveAttribute('data-leaks', '0');
});

test('the seed box and New seed re-run both sides with that seed, each a history entry', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  const seed = page.getByTestId('seed');
  await seed.fill('7');
  await seed.press('Enter');
  await expect(page).toHaveURL(/seed=7(&|$)/);
  const bad = golite(`${FS}/bad.go`, [], 7);
  await expect.poll(() => shownLeaks(page, 'bad')).toEqual(bad.leaked);
  await page.getByTestId('new-seed').click();
  await expect(page).not.toHaveURL(/seed=7(&|$)/);
  const fresh = new URL(page.url()).searchParams.get('seed');
  expect(Number(fresh)).toBeGreaterThan(0);
  await expect(seed).toHaveValue(fresh!);
  await page.goBack();
  await expect(seed).toHaveValue('7');
  // Not a number: the box shows the seed in use again.
  await seed.fill('');
  await seed.press('Enter');
  await expect(seed).toHaveValue('7');
});

test('Back after a parameter change mid-run returns to the parameters and step before it', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&step=200');
  const label = page.getByTestId('step-label');
  await expect(label).toContainText('event 200 /');
  const box = page.getByTestId('param-requests-number');
  await box.fill('40');
  await box.press('Enter');
  await expect(page).toHaveURL(/requests=40(&|$)/);
  await expect(label).not.toContainText('event 200 /');
  await page.goBack();
  await expect(box).toHaveValue('10');
  await expect(label).toContainText('event 200 /');
  expect(new URL(page.url()).searchParams.get('requests')).not.toBe('40');
});

test('a parameter change keeps the scrubber at the same fraction of the run', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&step=200');
  const label = page.getByTestId('step-label');
  await expect(label).toContainText('event 200 /');
  const before = (await label.innerText()).match(/event (\d+) \/ (\d+)/)!;
  const box = page.getByTestId('param-requests-number');
  await box.fill('40');
  await box.press('Enter');
  await expect(page).toHaveURL(/requests=40(&|$)/);
  await expect(label).not.toContainText(`/ ${before[2]}`);
  const after = (await label.innerText()).match(/event (\d+) \/ (\d+)/)!;
  expect(Number(after[1])).toBe(Math.round((200 / Number(before[2])) * Number(after[2])));
  expect(Number(new URL(page.url()).searchParams.get('step'))).toBe(Number(after[1]));

  // The same for a run long enough to span many frames: the URL gets the new position too.
  await box.fill('10000');
  await box.press('Enter');
  await expect(page.getByTestId('running')).toBeVisible();
  await expect(page.getByTestId('running')).toHaveCount(0, { timeout: 20_000 });
  const big = (await label.innerText()).match(/event (\d+) \/ (\d+)/)!;
  expect(Number(big[1])).toBe(Math.round((Number(after[1]) / Number(after[2])) * Number(big[2])));
  expect(Number(new URL(page.url()).searchParams.get('step'))).toBe(Number(big[1]));
});

test('step back returns to an identical state, and the URL reproduces the view', async ({ page, context }) => {
  await page.goto('index.html?lesson=forgotten-sender&requests=12&seed=3&step=200');
  await expect(page.getByTestId('step-label')).toContainText('event 200 /');
  const before = [await sideState(page, 'bad'), await sideState(page, 'good')];
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-label')).toContainText('event 201 /');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-label')).toContainText('event 202 /');
  await page.getByTestId('step-back').click();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-label')).toContainText('event 200 /');
  expect([await sideState(page, 'bad'), await sideState(page, 'good')]).toEqual(before);
  await expect(page).toHaveURL(/step=200(&|$)/);
  // One `?`, every parameter spelled out, in a stable order.
  expect(new URL(page.url()).search).toBe('?lesson=forgotten-sender&requests=12&timeoutMs=50&seed=3&step=200');

  const copy = await context.newPage();
  await copy.goto(page.url());
  await expect(copy.getByTestId('step-label')).toContainText('event 200 /');
  expect([await sideState(copy, 'bad'), await sideState(copy, 'good')]).toEqual(before);
  await expect(copy.getByTestId('param-requests-number')).toHaveValue('12');
  await expect(copy.getByTestId('seed')).toHaveValue('3');
});

test('the line of the goroutine that ran last is marked, and the mark moves with each step', async ({ page }) => {
  // Each main's first events: its 2 KiB stack at `func main() {`, then the `timedOut` slice.
  // The sides alternate, bad first: event 2k-1 is bad's k-th, event 2k good's k-th.
  const lineOf = (file: string, text: string) => {
    const n = fs.readFileSync(path.join(FS, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(n).toBeGreaterThan(0);
    return [String(n)];
  };
  const marks = async () => [await runningLines(page, 'bad'), await runningLines(page, 'good')];
  await page.goto('index.html?lesson=forgotten-sender&requests=12&seed=3&step=2');
  await expect(page.getByTestId('step-label')).toContainText('event 2 /');
  // Only the spawns of main so far: they belong to no line.
  await expect.poll(marks).toEqual([[], []]);
  await page.getByTestId('step').click();
  await expect.poll(marks).toEqual([lineOf('bad.go', 'func main() {'), []]);
  await page.getByTestId('step').click();
  await expect.poll(marks).toEqual([lineOf('bad.go', 'func main() {'), lineOf('good.go', 'func main() {')]);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-label')).toContainText('event 5 /');
  await expect.poll(marks).toEqual([lineOf('bad.go', 'timedOut := make('), lineOf('good.go', 'func main() {')]);
  await page.getByTestId('step-back').click();
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('step-label')).toContainText('event 3 /');
  await expect.poll(marks).toEqual([lineOf('bad.go', 'func main() {'), []]);
});

test('back and forward restore parameters; a bad URL shows a notice and defaults', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  const box = page.getByTestId('param-requests-number');
  await box.fill('20');
  await box.press('Enter');
  await expect(page).toHaveURL(/requests=20(&|$)/);
  await page.goBack();
  await expect(page.getByTestId('param-requests-number')).toHaveValue('10');
  await page.goForward();
  await expect(page.getByTestId('param-requests-number')).toHaveValue('20');

  // A value beyond the range is clamped, also when the clamped value is the one in use, and
  // setting the value in use makes no history entry.
  await box.fill('99999');
  await box.press('Enter');
  await expect(page).toHaveURL(/requests=10000(&|$)/);
  await expect(box).toHaveValue('10000');
  const entries = await page.evaluate(() => history.length);
  await box.fill('20000');
  await box.press('Enter');
  await expect(box).toHaveValue('10000');
  expect(await page.evaluate(() => history.length)).toBe(entries);

  await page.goto('index.html?lesson=forgotten-sender&requests=999999');
  await expect(page.getByTestId('notice')).toContainText('requests');
  await expect(page.getByTestId('param-requests-number')).toHaveValue('10');
  await page.goto('index.html?lesson=no-such-lesson');
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.locator('#app li.lesson').first()).toBeVisible();
});

test('keyboard: n and p move between lessons, space plays and pauses', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.locator('body').press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  // On the scrubber the arrows move the scrubber (one event each) and space still plays.
  const paused = Number((await page.getByTestId('step-label').innerText()).match(/event (\d+) \//)![1]);
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-label')).toContainText(`event ${paused + 1} /`);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-label')).toContainText(`event ${paused} /`);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  // A number box takes every key as typing.
  await page.getByTestId('seed').focus();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/lesson=forgotten-sender/);
  await page.getByTestId('seed').blur();
  await page.locator('body').press('n');
  await expect(page).toHaveURL(/lesson=range-never-closed/);
  // The next lesson's programs arrive in their own file; its page takes keys once they are in.
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.locator('body').press('p');
  await expect(page).toHaveURL(/lesson=forgotten-sender/);
});

test('a panic and a deadlock read as Go reports them, in the verdict and under the output', async ({ page }) => {
  const panic = golite('lessons/catalog/06-send-on-closed/bad.go');
  expect(panic.outcome).toBe('panic');
  await page.goto('index.html?lesson=send-on-closed');
  await verdictsShown(page);
  // The closing crawler panics in a deferred close too: Go prints both, the first first, and
  // the verdict is the first line.
  expect(panic.panic).toBe('send on closed channel\n\tpanic: close of closed channel');
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(panic.verdict!.en);
  expect(panic.verdict!.en).toMatch(/^panic: send on closed channel; /);
  expect(await page.getByTestId('stderr-bad').innerText()).toBe(`panic: ${panic.panic}\nexit status 2`);
  await expect(page.getByTestId('output-bad')).toHaveText(panic.stdout);
  await expect(page.getByTestId('stderr-good')).toHaveCount(0);
  // Before the end nothing has gone wrong yet.
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('stderr-bad')).toHaveCount(0);

  const deadlock = golite('lessons/catalog/07-unbuffered-deadlock/bad.go');
  expect(deadlock.outcome).toBe('deadlock');
  await page.goto('index.html?lesson=unbuffered-deadlock');
  await verdictsShown(page);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(deadlock.verdict!.en);
  expect(deadlock.verdict!.en).toMatch(/^deadlock: all goroutines are asleep; /);
  await expect(page.getByTestId('stderr-bad')).toHaveText(`fatal error: ${deadlock.panic}\nexit status 2`);
});

test('before the end, the verdict box offers a jump to the end', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&step=5');
  await expect(page.getByTestId('verdict-bad')).toContainText('The verdict shows at the end of the run.');
  await page.getByTestId('to-end-good').click();
  await verdictsShown(page);
  const len = (await page.getByTestId('step-label').innerText()).match(/event (\d+) \/ (\d+)/);
  expect(len).not.toBeNull();
  expect(len![1]).toBe(len![2]);
  // At the end the URL names no step: a shared link opens at the verdicts.
  await expect(page).not.toHaveURL(/step=/);
});

test('leaving a lesson while it plays or re-runs leaves the next page working', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').press('n');
  await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-slug', 'range-never-closed');
  // A later frame or timer of the old page must neither crash nor rewrite the new page's URL.
  await page.waitForTimeout(800);
  await expect(page.locator('#crash')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('?lesson=range-never-closed');

  // The largest run takes many frames; open the next lesson in the middle of it.
  await page.goto('index.html?lesson=forgotten-sender&requests=10000');
  await expect(page.getByTestId('running')).toBeVisible();
  await page.locator('.crumbs a.next').click();
  await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-slug', 'range-never-closed');
  await verdictsShown(page);
  await page.waitForTimeout(500);
  await expect(page.locator('#crash')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a held arrow key steps every time and the URL catches up with the last step', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('step')).toBeEnabled();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-label')).toContainText('event 60 /');
  await expect(page).toHaveURL(/step=60(&|$)/);
  expect(problems).toEqual([]);
});

test('the explanation switches between English and Chinese', async ({ page }) => {
  const zhFirst = fs.readFileSync(path.join(FS, 'explain.zh.md'), 'utf8').match(/^## (.+)$/m);
  const enFirst = fs.readFileSync(path.join(FS, 'explain.en.md'), 'utf8').match(/^## (.+)$/m);
  expect(zhFirst).not.toBeNull();
  expect(enFirst).not.toBeNull();
  await page.goto('index.html?lesson=forgotten-sender');
  const prose = page.getByTestId('explanation').locator('.prose');
  await expect(prose).toHaveAttribute('lang', 'en');
  await expect(prose.locator('h2').first()).toHaveText(enFirst![1]);
  await page.getByRole('button', { name: /Chinese/ }).click();
  await expect(prose).toHaveAttribute('lang', 'zh');
  await expect(prose.locator('h2').first()).toHaveText(zhFirst![1]);
  // A source line that breaks between two Chinese characters reads as one run of text, with no
  // space where the line broke (as the Markdown's author means it).
  const zh = fs.readFileSync(path.join(FS, 'explain.zh.md'), 'utf8').split('\n');
  const han = /[\u4e00-\u9fff]/;
  const at = zh.findIndex((l, i) => han.test(l.slice(-1)) && han.test((zh[i + 1] ?? '').charAt(0)));
  expect(at).toBeGreaterThan(0);
  const joined = zh[at].slice(-4) + zh[at + 1].slice(0, 4);
  await expect(prose).toContainText(joined);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(prose.locator('h2').first()).toHaveText(enFirst![1]);
});

test('the URL follows playback a few times a second, and pausing writes the exact step', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('play')).toBeEnabled();
  // The slowest speed, so the run is still playing when the URL is read.
  await page.getByTestId('speed').selectOption('0');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  const stepInUrl = () => Number(new URL(page.url()).searchParams.get('step') ?? '-1');
  await expect.poll(stepInUrl, { timeout: 5_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  const shown = (await page.getByTestId('step-label').innerText()).match(/event (\d+) \//);
  expect(shown).not.toBeNull();
  expect(stepInUrl()).toBe(Number(shown![1]));
});

for (const [name, width, height] of [
  ['desktop', 1280, 800],
  ['phone', 390, 844],
] as const) {
  test(`screenshots at ${name} width`, async ({ page }) => {
    // Full-page screenshots of a 2,600 px page are slow while other tests share the CPU.
    test.setTimeout(90_000);
    fs.mkdirSync(artifacts, { recursive: true });
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await expect(page.locator('#app li.lesson').first()).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, `home-${name}.png`), fullPage: true });
    await page.goto('index.html?lesson=forgotten-sender&step=400');
    await expect(page.getByTestId('step-label')).toContainText('event 400 /');
    await page.screenshot({ path: path.join(artifacts, `lesson-${name}.png`), fullPage: true });
    // Nothing overflows the viewport sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
