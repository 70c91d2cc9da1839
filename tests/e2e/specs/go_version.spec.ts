// The "Go 1.21 / Go 1.27" switch (issue 21 part 4): both programs run with the chosen release's
// semantics, the verdicts and the heap chart follow, and the URL carries `go=`. The numbers come
// from the golite CLI (`golite run --go VERSION --json`), the page's oracle.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, repo, verdictsShown, watchConsole } from '../support';

interface CliRun {
  measures: { heap_peak_bytes: number };
  verdict: { tone: string; en: string };
}

const catalog = path.join(repo, 'lessons/catalog');

function cli(folder: string, side: string, go: string): CliRun {
  const file = path.join(catalog, folder, `${side}.go`);
  const args = ['run', '-q', '-p', 'lessons', '--bin', 'golite', '--', 'run', file, '--json', '--seed', '1', '--go', go];
  return JSON.parse(execFileSync('cargo', args, { cwd: repo, encoding: 'utf8' })) as CliRun;
}

/** Bytes as the page's charts write them (`playback::player::format_bytes`). */
function bytes(b: number): string {
  if (b < 1024) return `${b} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB`;
  return `${(b / 1024 / 1024).toFixed(1)} MiB`;
}

async function expectRun(page: Page, folder: string, go: string) {
  await verdictsShown(page);
  for (const side of ['bad', 'good']) {
    const want = cli(folder, side, go);
    const head = page.getByTestId(`verdict-${side}`).locator('.verdict');
    await expect(head, `${side} under Go ${go}`).toHaveText(want.verdict.en);
    await expect(head, `${side} under Go ${go}`).toHaveAttribute('data-tone', want.verdict.tone);
    await expect(page.getByTestId(`charts-${side}`).locator('.chart').nth(1).locator('.peak')).toHaveText(
      `peak ${bytes(want.measures.heap_peak_bytes)}`,
    );
  }
  await expect(page.getByTestId(`go-${go}`)).toHaveAttribute('aria-pressed', 'true');
}

test('lesson 11 under Go 1.21 holds every dropped timer; the switch re-runs it under Go 1.27 and writes go= in the URL', async ({ page }) => {
  const problems = watchConsole(page);
  const folder = '11-time-after-in-loop';
  const old = cli(folder, 'bad', '1.21');
  const now = cli(folder, 'bad', '1.27');
  // The figures lessons/tests/go_versions.rs pins: 5 dropped timers of 184 bytes each.
  expect([old.measures.heap_peak_bytes, now.measures.heap_peak_bytes]).toEqual([5552, 4632]);
  await page.goto('index.html?lesson=time-after-in-loop&go=1.21');
  await expectRun(page, folder, '1.21');
  await expect(page.getByTestId('charts-bad').locator('.chart').nth(1).locator('.peak')).toHaveText('peak 5.4 KiB');
  // The verdict names what the release changes: the dropped timers' heap under Go 1.21 only.
  const out = 'prints "handled 20 messages in 255 ms", the fix "handled 5 messages in 55 ms"';
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(`${out}; peak heap 5.4 KiB: 1.1x the fix`);
  await page.getByTestId('go-1.27').click();
  await expectRun(page, folder, '1.27');
  await expect(page.getByTestId('charts-bad').locator('.chart').nth(1).locator('.peak')).toHaveText('peak 4.5 KiB');
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(`${out}; peak heap 4.5 KiB, no more than the fix`);
  // 1.27 is lesson 11's own default: the key leaves the URL; back to 1.21 puts it there again.
  expect(new URL(page.url()).searchParams.get('go')).toBeNull();
  await page.getByTestId('go-1.21').click();
  await expectRun(page, folder, '1.21');
  expect(new URL(page.url()).searchParams.get('go')).toBe('1.21');
  // Back returns to the Go 1.27 run.
  await page.goBack();
  await expectRun(page, folder, '1.27');
  expect(problems).toEqual([]);
});

test('a lesson that opens under Go 1.21 turns green under Go 1.27, and go=1.27 says so in the URL', async ({ page }) => {
  const folder = '25-loop-variable-capture';
  await page.goto('index.html?lesson=loop-variable-capture');
  await expectRun(page, folder, '1.21');
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveAttribute('data-tone', 'bad');
  await page.getByTestId('go-1.27').click();
  await expectRun(page, folder, '1.27');
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveAttribute('data-tone', 'ok');
  expect(new URL(page.url()).searchParams.get('go')).toBe('1.27');
});

test('the embed dialog fixes the frame\'s Go release; the frame runs it and shows the switch', async ({ page }) => {
  const folder = '11-time-after-in-loop';
  await page.goto('index.html?lesson=time-after-in-loop');
  await verdictsShown(page);
  await page.getByTestId('embed').click();
  // The dialog starts at the page's release (1.27, lesson 11's own: no key).
  await expect(page.getByTestId('embed-go-1.27')).toBeChecked();
  await expect(page.getByTestId('embed-snippet')).not.toHaveValue(/go=/);
  await page.getByTestId('embed-go-1.21').check();
  await expect(page.getByTestId('embed-snippet')).toHaveValue(/lesson=time-after-in-loop&amp;(.*&amp;)?go=1\.21&amp;embed=1/);
  // The page's own link and the page itself keep Go 1.27.
  await expect(page.getByTestId('embed-link')).not.toHaveValue(/go=/);
  await expect(page.getByTestId('go-1.27')).toHaveAttribute('aria-pressed', 'true');
  const src = await page.getByTestId('embed-preview').getAttribute('src');
  expect(src).toMatch(/go=1\.21/);
  await page.keyboard.press('Escape');
  // The embed URL on its own: Go 1.21's run, its switch pressed.
  await page.goto(`index.html?lesson=time-after-in-loop&go=1.21&embed=1`);
  await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-embed', '1');
  await expectRun(page, folder, '1.21');
  await expect(page.getByTestId('go-1.21')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('go-1.27').click();
  await expectRun(page, folder, '1.27');
});

test('an unknown go= value is named in a notice and the lesson runs under its default', async ({ page }) => {
  await page.goto('index.html?lesson=time-after-in-loop&go=1.22');
  await verdictsShown(page);
  await expect(page.getByText('go "1.22" is not a Go version the playground runs (1.21 or 1.27); using Go 1.27.')).toBeVisible();
  await expect(page.getByTestId('go-1.27')).toHaveAttribute('aria-pressed', 'true');
});

test('screenshots of the switch on a laptop and a phone', async ({ page }) => {
  fs.mkdirSync(artifacts, { recursive: true });
  for (const [name, width, height] of [
    ['laptop', 1366, 768],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('index.html?lesson=time-after-in-loop&go=1.21');
    await verdictsShown(page);
    await page.screenshot({ path: path.join(artifacts, `go-switch-${name}.png`) });
    await page.goto('index.html?lesson=loop-variable-capture&lang=zh');
    await verdictsShown(page);
    await page.screenshot({ path: path.join(artifacts, `go-switch-25-${name}-zh.png`) });
  }
});
