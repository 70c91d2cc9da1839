// The embed view and the postMessage API, as a trainer's page uses them: options in the URL choose
// the panes, a malformed URL shows a notice in the frame, and the example host page (served from
// another origin) drives one of two embedded lessons and hears the right verdict back.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

const dist = path.resolve(__dirname, '../../../dist');
const artifacts = path.resolve(__dirname, '../artifacts');

test('an embed URL shows exactly the chosen panes and sides', async ({ page }) => {
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
  // No site chrome: no parameter panel, no explanation, no lesson list link.
  await expect(page.getByTestId('explanation')).toHaveCount(0);
  await expect(page.getByTestId('param-requests')).toHaveCount(0);
  await expect(page.getByTestId('verdict-bad')).toContainText('6 goroutines leaked at line 27 (chan send)');
  // Nothing overflows a 600 px frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(600);
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'embed-600.png'), fullPage: true });

  await page.goto('index.html?lesson=forgotten-sender&embed=1&panes=charts,goroutines&theme=dark');
  await expect(page.getByTestId('charts-good')).toBeVisible();
  await expect(page.getByTestId('map-good')).toBeVisible();
  await expect(page.getByTestId('code-good')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a malformed embed URL shows a notice in the frame, not a blank frame', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender&embed=1&panes=bogus&side=left&theme=purple');
  await expect(page.getByTestId('notice')).toContainText('unknown pane "bogus"');
  await expect(page.getByTestId('notice')).toContainText('side=left');
  await expect(page.getByTestId('side-bad')).toBeVisible();
  await expect(page.getByTestId('side-good')).toBeVisible();
  await page.goto('index.html?lesson=nope&embed=1');
  await expect(page.getByTestId('notice')).toBeVisible();
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
    const playground = new URL('index.html', baseURL).toString();
    await page.goto(`http://127.0.0.1:${hostPort}/public/embed-example.html?playground=${encodeURIComponent(playground)}`);
    const log = page.getByTestId('host-log');
    // Both frames are ready (each sends ready after its first run).
    await expect(log.locator('[data-from="first"][data-type="ready"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(log.locator('[data-from="second"][data-type="ready"]')).toHaveCount(1, { timeout: 20_000 });
    // The second frame opened at the end: its verdict came back without any command.
    await expect(log.locator('[data-from="second"][data-type="finished"]')).toContainText(
      'bad: deadlock: all goroutines are asleep',
    );
    const frame = page.frameLocator('#first');
    await expect(frame.getByTestId('step-label')).toContainText('event 0 /');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(frame.getByTestId('step-label')).toContainText('event 1 /');
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(frame.getByTestId('step-label')).toContainText('event 0 /');
    await page.getByRole('button', { name: 'Seek to the end' }).click();
    await expect(log.locator('[data-from="first"][data-type="finished"]').last()).toContainText(
      'bad: 6 goroutines leaked at line 27 (chan send) | good: no leaks',
    );
    await page.getByRole('button', { name: 'requests = 40' }).click();
    await expect(log.locator('[data-from="first"][data-type="ready"]')).toHaveCount(2);
    await expect(log.locator('[data-from="first"][data-type="finished"]').last()).toContainText(
      'bad: 24 goroutines leaked at line 27 (chan send)',
    );
    await expect(frame.getByTestId('lesson-page')).toBeVisible();
  });
});
