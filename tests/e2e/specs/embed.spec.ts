// The embed view and the postMessage API, as a trainer's page uses them: options in the URL choose
// the panes, a malformed URL shows a notice in the frame, the Embed dialog offers the snippet and
// the link of the state on screen, and the example host page (served from another origin) drives
// one of two embedded lessons and hears back the verdicts golite's CLI reports.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { FS, type Leak, artifacts, golite, repo } from '../support';

// The site the second origin serves: the same dist/ the config's server serves.
const dist = process.env.E2E_DIST ?? path.join(repo, 'dist');

/** The leaks golite's CLI reports for a lesson file. */
const leaked = (file: string, sets: string[] = [], seed = 1): Leak[] => golite(file, sets, seed).leaked;

test('an embed URL shows exactly the chosen panes and sides, at 600 px', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto('index.html?lesson=forgotten-sender&embed=1&panes=code,output&side=bad');
  await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-embed', '1');
  await expect(page.getByTestId('side-bad')).toBeVisible();
  await expect(page.getByTestId('side-good')).toHaveCount(0);
  await expect(page.getByTestId('code-bad')).toBeVisible();
  await expect(page.getByTestId('output-bad')).toBeVisible();
  await expect(page.getByTestId('map-bad')).toHaveCount(0);
  await expect(page.getByTestId('chans-bad')).toHaveCount(0);
  await expect(page.getByTestId('charts-bad')).toHaveCount(0);
  // No site chrome: no parameter panel, no explanation, no share buttons, no notice.
  await expect(page.getByTestId('explanation')).toHaveCount(0);
  await expect(page.getByTestId('param-requests')).toHaveCount(0);
  await expect(page.getByTestId('share')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  // The verdict and a minimal control bar always show.
  await expect(page.getByTestId('verdict-bad')).toContainText('6 goroutines leaked at line 27 (chan send)');
  await expect(page.getByTestId('play')).toBeVisible();
  // The way out opens the full page at the same state, without the embed keys.
  await expect(page.getByRole('link', { name: /Open in the playground/ })).toHaveAttribute(
    'href',
    '?lesson=forgotten-sender&requests=10&timeoutMs=50&seed=1',
  );
  // Nothing overflows a 600 px frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'embed-600.png'), fullPage: true });

  await page.goto('index.html?lesson=forgotten-sender&embed=1&panes=charts,goroutines,channels&theme=dark&step=5');
  for (const side of ['bad', 'good']) {
    await expect(page.getByTestId(`charts-${side}`)).toBeVisible();
    await expect(page.getByTestId(`map-${side}`)).toBeVisible();
    await expect(page.getByTestId(`chans-${side}`)).toBeVisible();
    await expect(page.getByTestId(`code-${side}`)).toHaveCount(0);
    await expect(page.getByTestId(`output-${side}`)).toBeHidden();
  }
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('step-label')).toContainText('event 5 /');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
  await page.screenshot({ path: path.join(artifacts, 'embed-600-dark.png'), fullPage: true });
});

test('a malformed embed URL shows a notice in the frame, not a blank frame', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&embed=1&panes=bogus&side=left&theme=purple&requests=abc');
  // The page's own notices (a bad parameter) and the embed options' notices, in the frame.
  const notice = page.getByTestId('notice');
  await expect(notice.getByText('unknown pane "bogus" (known: code, charts, goroutines, channels, output).')).toBeVisible();
  await expect(notice.getByText('side=left is not bad, good or both; showing both.')).toBeVisible();
  await expect(notice.getByText('theme=purple is not light, dark or auto; using auto.')).toBeVisible();
  await expect(notice.getByText('parameter requests: "abc" is not an integer; using the default 10.')).toBeVisible();
  // ... and the defaults show: both sides, every pane.
  await expect(page.getByTestId('side-bad')).toBeVisible();
  await expect(page.getByTestId('side-good')).toBeVisible();
  await expect(page.getByTestId('map-good')).toBeVisible();
  await expect(page.getByTestId('verdict-bad')).toContainText('6 goroutines leaked at line 27 (chan send)');
  await page.goto('index.html?lesson=nope&embed=1');
  await expect(page.getByTestId('notice')).toContainText('There is no lesson called');
});

test('the Embed dialog offers the snippet and the link of the state on screen', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('index.html?lesson=forgotten-sender&requests=20&seed=3&step=4');
  await expect(page.getByTestId('step-label')).toContainText('event 4 /');
  const here = new URL('index.html?lesson=forgotten-sender&requests=20&timeoutMs=50&seed=3&step=4', baseURL).toString();

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(here);

  await page.getByTestId('embed').click();
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('embed-link')).toHaveValue(here);
  const snippet =
    `<iframe src="${here.replaceAll('&', '&amp;')}&amp;embed=1" title="The forgotten sender · Go anti-pattern playground"` +
    ' width="100%" height="760" style="border:0" loading="lazy"></iframe>';
  await expect(page.getByTestId('embed-snippet')).toHaveValue(snippet);
  await page.getByTestId('copy-snippet').click();
  await expect(page.getByTestId('copy-snippet')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  // Keys typed in the dialog are not the page's shortcuts; Escape closes it.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-label')).toContainText('event 4 /');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('embed')).toBeFocused();
});

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

test.describe('the example host page on another origin', () => {
  let server: ChildProcess | undefined;
  let hostPort = 0;
  test.beforeAll(async () => {
    hostPort = await freePort();
    server = spawn('python3', ['-m', 'http.server', String(hostPort), '--bind', '127.0.0.1', '--directory', dist], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 50; i++) {
      const up = await new Promise<boolean>((r) => {
        const c = net.connect(hostPort, '127.0.0.1', () => (c.end(), r(true)));
        c.on('error', () => r(false));
      });
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('host server did not start');
  });
  test.afterAll(() => server?.kill());

  test('drives one of two frames through postMessage and hears the verdicts', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    // Every message the host page receives, as data, to compare with golite's reports.
    await page.addInitScript(() => {
      const w = window as unknown as { events: unknown[]; received: number[] };
      w.events = [];
      w.received = [];
      window.addEventListener('message', (ev) => {
        w.events.push(ev.data);
        w.received.push(performance.now());
      });
    });
    const playground = new URL('index.html', baseURL).toString();
    const hostOrigin = `http://127.0.0.1:${hostPort}`;
    expect(new URL(playground).origin).not.toBe(hostOrigin);
    await page.setViewportSize({ width: 1400, height: 1100 });
    await page.goto(`${hostOrigin}/public/embed-example.html?playground=${encodeURIComponent(playground)}`);
    const log = page.getByTestId('host-log');
    const status = page.getByTestId('host-status');
    // Both frames are ready (each sends ready after its first run).
    await expect(log.locator('[data-from="first"][data-type="ready"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(log.locator('[data-from="second"][data-type="ready"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(log.locator('[data-from="first"][data-type="ready"]')).toContainText(
      '(forgotten-sender, ',
    );
    // The second frame opened at the end: its verdict came back without any command.
    await expect(log.locator('[data-from="second"][data-type="finished"]')).toContainText(
      'bad: deadlock: all goroutines are asleep',
    );
    const frame = page.frameLocator('#first');
    await expect(frame.getByTestId('step-label')).toContainText('event 0 /');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(frame.getByTestId('step-label')).toContainText('event 1 /');
    await expect(status).toContainText(/^step 1 \/ \d+ at /);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(frame.getByTestId('step-label')).toContainText('event 0 /');
    await expect(status).toContainText(/^step 0 \/ \d+ at 0\.0 ms$/);

    // Play: step events come back while it plays, at most one per 100 ms of playing (plus the
    // trailing one). Measured against the page's own clock between the two clicks, so a slow
    // machine that takes longer to click Pause does not fail it.
    const now = () => page.evaluate(() => performance.now());
    const stepsSince = (t: number) =>
      page.evaluate((since) => {
        const w = window as unknown as { events: { type: string }[]; received: number[] };
        return w.events.filter((e, i) => e.type === 'step' && w.received[i] >= since).length;
      }, t);
    const playedAt = await now();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Pause' }).click();
    const pausedAt = await now();
    await page.waitForTimeout(300);
    const during = await stepsSince(playedAt);
    expect(during).toBeGreaterThanOrEqual(3);
    expect(during).toBeLessThanOrEqual(Math.floor((pausedAt - playedAt) / 100) + 2);

    await page.getByRole('button', { name: 'Seek to the end' }).click();
    const defaults = leaked(`${FS}/bad.go`);
    // The verdicts are the page's, the CLI's `verdict.en`.
    const said = (side: string) => golite(`${FS}/${side}.go`).verdict!.en;
    await expect(log.locator('[data-from="first"][data-type="finished"]').last()).toContainText(
      `bad: ${said('bad')} | good: ${said('good')}`,
    );
    const lastFinished = () =>
      page.evaluate(() => {
        const ev = (window as unknown as { events: { type: string; verdicts?: unknown }[] }).events;
        return ev.filter((e) => e.type === 'finished').at(-1)?.verdicts;
      });
    expect(await lastFinished()).toMatchObject({
      bad: { outcome: 'exit', leaked: defaults },
      good: { outcome: 'exit', verdict: said('good'), leaked: [] },
    });

    // A parameter and a seed re-run the frame; the verdicts are golite's for the same settings.
    await page.getByRole('button', { name: 'requests = 40' }).click();
    await expect(log.locator('[data-from="first"][data-type="ready"]')).toHaveCount(2);
    await expect(log.locator('[data-from="first"][data-type="ready"]').last()).toContainText('"requests":40');
    const forty = leaked(`${FS}/bad.go`, ['requests=40']);
    await expect(log.locator('[data-from="first"][data-type="finished"]').last()).toContainText(
      `bad: ${forty[0].count} goroutines leaked at line ${forty[0].line} (${forty[0].state})`,
    );
    expect(await lastFinished()).toMatchObject({ bad: { leaked: forty }, good: { leaked: [] } });
    const finishedBefore = await log.locator('[data-from="first"][data-type="finished"]').count();
    await page.getByRole('button', { name: 'seed = 7' }).click();
    await expect(log.locator('[data-from="first"][data-type="ready"]')).toHaveCount(3);
    await expect(log.locator('[data-from="first"][data-type="ready"]').last()).toContainText('seed 7');
    await expect(log.locator('[data-from="first"][data-type="finished"]')).toHaveCount(finishedBefore + 1);
    const seven = leaked(`${FS}/bad.go`, ['requests=40'], 7);
    expect(await lastFinished()).toMatchObject({ bad: { leaked: seven }, good: { leaked: [] } });
    // Events come in order: ready for each run, the final step, then finished.
    const order = await log.locator('[data-from="first"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.type));
    expect(order).toEqual(['ready', 'finished', 'ready', 'finished', 'ready', 'finished']);
    const tail = await page.evaluate(() =>
      (window as unknown as { events: { type: string; step?: number; steps?: number }[] }).events
        // The frame also reports its height (`resize`) whenever it changes: not part of a run.
        .filter((e) => e.type !== 'resize')
        .slice(-2)
        .map((e) => (e.type === 'step' ? `step ${e.step}/${e.steps}` : e.type)),
    );
    expect(tail[1]).toBe('finished');
    expect(tail[0]).toMatch(/^step (\d+)\/\1$/);
    // The frame shows what the host asked for.
    await expect(frame.getByTestId('verdict-bad')).toContainText(`${seven[0].count} goroutines leaked`);

    // A bad command gets an error back, to the window that sent it; the other frame heard nothing.
    await page.evaluate(() =>
      (document.getElementById('first') as HTMLIFrameElement).contentWindow?.postMessage(
        { type: 'setParam', name: 'workers', value: 3 },
        '*',
      ),
    );
    await expect(log.locator('[data-from="first"][data-type="error"]')).toHaveText(
      'first: error unknown parameter "workers" (this lesson has: requests, timeoutMs)',
    );
    await expect(log.locator('[data-from="second"]')).toHaveCount(2);
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'embed-example.png'), fullPage: true });
  });
});
