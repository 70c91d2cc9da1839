// A race detector in the page (issue 17): lesson 15's anti-pattern names its data race in the
// verdict, badges the racing accesses on their line with its name, jumps the player to an access on a click,
// and shows Go's `-race` report in "In Go": all as `golite run --race` reports them.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, repo, verdictsShown, watchConsole } from '../support';

interface Access {
  goroutine: number;
  op: string;
  line: number;
  event: number;
}
interface RaceReport {
  access: Access;
  previous: Access;
  /** What the race is on, as the program writes it. */
  var?: string;
  text: string;
}
interface Cli {
  races?: RaceReport[];
  verdict: { en: string; tone: string };
}

const lesson = path.join(repo, 'lessons/catalog/15-racy-counter');

/** `golite run --race --json` on one side of lesson 15, with the lesson's seed and preemption. */
function cli(side: string): Cli {
  const args = ['run', '-q', '-p', 'lessons', '--bin', 'golite', '--', 'run', path.join(lesson, `${side}.go`), '--json', '--race', '--seed', '1', '--preempt-every', '5'];
  return JSON.parse(execFileSync('cargo', args, { cwd: repo, encoding: 'utf8' })) as Cli;
}

test("lesson 15's data race: verdict, badges on line 19, a jump to each access, and Go's -race text", async ({ page }) => {
  const problems = watchConsole(page);
  const bad = cli('bad');
  const good = cli('good');
  const races = bad.races ?? [];
  expect(races.length).toBe(2);
  expect(good.races ?? []).toEqual([]);
  const first = races[0];
  // The verdict names the variable as the program writes it: `s.hits++` on line 19.
  expect(first.var).toBe('s.hits');
  expect(bad.verdict.en).toBe(
    `2 DATA RACES, the first on ${first.var}: line ${first.access.line} ${first.access.op === 'write' ? 'written' : 'read'} by goroutine ${first.access.goroutine}, line ${first.previous.line} ${first.previous.op === 'write' ? 'written' : 'read'} earlier by goroutine ${first.previous.goroutine}, nothing orders them; prints "counted 2570 of 4000 page views", the fix "counted 4000 of 4000 page views"`,
  );
  expect(good.verdict.en).toBe('no data race; prints "counted 4000 of 4000 page views"');

  await page.goto('index.html?lesson=racy-counter');
  await verdictsShown(page);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveText(bad.verdict.en);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveAttribute('data-tone', 'bad');
  await expect(page.getByTestId('verdict-good').locator('.verdict')).toHaveText(good.verdict.en);

  // One badge on line 19 (`s.hits++`) counts every access; none on the fix.
  const badges = page.getByTestId('code-bad').locator('[data-testid="race-badge"]');
  await expect(badges).toHaveCount(1);
  const badge = badges.first();
  await expect(badge).toHaveAttribute('data-line', '19');
  await expect(badge).toHaveAttribute('data-count', String(2 * races.length));
  // The badge names what the races are on, as the verdict does.
  await expect(badge).toHaveText(`${2 * races.length} ⚡ data race on ${first.var}`);
  const want = races.flatMap((r) => [r.access, r.previous]);
  expect(want.every((a) => a.line === 19)).toBe(true);
  await expect(badge).toHaveAttribute(
    'title',
    `${want.length} racing accesses to ${first.var} at line 19 (${want.map((a) => `${a.op} by goroutine ${a.goroutine}`).join(', ')}): jump to each in turn`,
  );
  await expect(page.getByTestId('code-good').locator('[data-testid="race-badge"]')).toHaveCount(0);

  // Each click moves the player to the next access: the event under the cursor is the bad
  // side's last event before it (the CLI counts the same events as the page).
  const line = page.getByTestId('narration');
  for (const a of want) {
    await badge.click();
    await expect(line).toHaveAttribute('data-side', 'bad');
    await expect(line).toHaveAttribute('data-index', String(a.event - 1));
  }
  await expect(badge).toHaveAttribute('data-next', '0');
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).toHaveClass(/pending/);

  // "In Go": the -race report, as golite run --race prints it on stderr.
  await page.getByTestId('to-end-bad').click();
  await verdictsShown(page);
  const panel = page.getByTestId('in-go-bad');
  await panel.locator('summary').click();
  const text = `${races.map((r) => r.text).join('')}Found ${races.length} data race(s)\nexit status 66`;
  expect(await panel.locator('[data-part="race"]').innerText()).toBe(text);
  expect(text).toContain('WARNING: DATA RACE\nRead by goroutine');
  const stderr = execFileSync(
    'bash',
    ['-c', `cargo run -q -p lessons --bin golite -- run ${lesson}/bad.go --race --seed 1 --preempt-every 5 2>&1 >/dev/null; true`],
    { cwd: repo, encoding: 'utf8' },
  );
  expect(stderr.startsWith(text.replace(/\nexit status 66$/, '\n'))).toBe(true);
  const goodPanel = page.getByTestId('in-go-good');
  await goodPanel.locator('summary').click();
  await expect(goodPanel.locator('[data-part="race"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the Race detector switch: on by default in lesson 15, off elsewhere, in the URL when not the default', async ({ page }) => {
  const problems = watchConsole(page);
  const toggle = page.getByTestId('race-toggle');
  const badges = (side: string) => page.getByTestId(`code-${side}`).locator('[data-testid="race-badge"]');
  // Lesson 15 turned off by its link: the counter still loses updates, but no race is reported.
  await page.goto('index.html?lesson=racy-counter&race=0');
  await verdictsShown(page);
  await expect(toggle).not.toBeChecked();
  await expect(badges('bad')).toHaveCount(0);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).not.toContainText('DATA RACE');
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page).not.toHaveURL(/[?&]race=/);
  await expect(page.getByTestId('verdict-bad').locator('.verdict[data-source="engine"]')).toContainText('2 DATA RACES, the first on s.hits');
  await expect(badges('bad')).toHaveCount(1);
  await expect(badges('good')).toHaveCount(0);

  // Lesson 32 (off by default) turned on: its backend's map is written under a mutex by the
  // handlers and read by main after the last response, which Go's detector orders through
  // the connection's write and read (syscall's ioSync): no race on either side, as in Go.
  await page.goto('index.html?lesson=client-per-request');
  await verdictsShown(page);
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(page).toHaveURL(/[?&]race=1(&|$)/);
  // Opened from that link, the page runs both sides with the detector from the start.
  await page.goto(page.url());
  await verdictsShown(page);
  await expect(toggle).toBeChecked();
  await expect(badges('bad')).toHaveCount(0);
  await expect(badges('good')).toHaveCount(0);
  await expect(page.getByTestId('verdict-bad').locator('.verdict')).not.toContainText('DATA RACE');
  await page.getByTestId('race-switch').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'race-switch.png') });
  expect(problems).toEqual([]);
});

test('screenshots: the race, the verdicts and the why panel, desktop and phone', async ({ page }) => {
  fs.mkdirSync(artifacts, { recursive: true });
  for (const [name, w, h] of [
    ['desktop', 1366, 768],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('index.html?lesson=racy-counter');
    await verdictsShown(page);
    await page.getByTestId('in-go-bad').locator('summary').click();
    await page.getByTestId('code-bad').locator('[data-testid="race-badge"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, `race-${name}.png`) });
    await page.getByTestId('in-go-bad').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, `race-in-go-${name}.png`) });
    await page.goto('index.html?lesson=forgotten-sender');
    await verdictsShown(page);
    await page.getByTestId('code-bad').locator('[data-testid="line-badge"][data-line="27"]').click();
    await page.getByTestId('why-bad').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, `why-${name}.png`) });
    await page.getByTestId('verdict-bad').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, `verdict-${name}.png`) });
  }
});
