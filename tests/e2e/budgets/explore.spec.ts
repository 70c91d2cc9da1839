// How long "Find a failing schedule" takes in the page on each lesson (issue 21): the schedules
// tried and the wall milliseconds for bad.go until its first failure, and for good.go's whole
// search, as the page's own message says them. The page and the CLI run the same search
// (`lessons::explore`), so the schedule the page names must be the one `golite explore` finds:
// that is asserted; the times are measured, not bounded (they depend on the machine).
// Writes artifacts/explore.json and prints one line per lesson.
//
// Usage: script/budgets -- explore.spec.ts
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, repo } from '../support';

const catalog = path.join(repo, 'lessons/catalog');
const lessons = fs
  .readdirSync(catalog)
  .filter((d) => fs.existsSync(path.join(catalog, d, 'lesson.toml')))
  .sort();

type Explored = { found: boolean; tried: number; failure?: string; seed?: number };

/** `golite explore FILE --budget 300 --json`, at the lesson's default parameters. */
function explore(file: string): Explored {
  const out = execFileSync(
    'cargo',
    ['run', '-q', '--profile', 'fast', '-p', 'lessons', '--bin', 'golite', '--', 'explore', file, '--budget', '300', '--json'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  return JSON.parse(out) as Explored;
}

const rows: Record<string, unknown>[] = [];

test.afterAll(() => {
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'explore.json'), JSON.stringify(rows, null, 2));
});

for (const dir of lessons) {
  const slug = /slug = "([^"]+)"/.exec(fs.readFileSync(path.join(catalog, dir, 'lesson.toml'), 'utf8'))![1];
  test(`${slug}: the page's search finds what golite explore finds`, async ({ page }) => {
    test.setTimeout(300_000);
    const cli = explore(path.join(catalog, dir, 'bad.go'));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`index.html?lesson=${slug}`);
    const button = page.getByTestId('find-schedule-button');
    await expect(button).toBeEnabled({ timeout: 60_000 });
    await button.click();
    const status = page.getByTestId('find-schedule-status');
    // good.go's line comes last, whether bad.go failed or not.
    await expect(status).toContainText(/good\.go(: \d+ schedules, no failure| fails too)/, { timeout: 280_000 });
    const text = await status.innerText();
    const found = /Schedule (\d+) fails \((\d+) ms\)/.exec(text);
    const none = /bad\.go: (\d+) schedules, none deadlocked, panicked, raced, leaked or printed something else \((\d+) ms\)/.exec(text);
    const good = /good\.go: (\d+) schedules, no failure \((\d+) ms\)/.exec(text);
    const row = {
      lesson: dir,
      bad_found: !!found,
      bad_tried: Number((found ?? none)?.[1]),
      bad_ms: Number((found ?? none)?.[2]),
      cli_found: cli.found,
      cli_tried: cli.tried,
      failure: cli.failure ?? '',
      good_tried: good ? Number(good[1]) : null,
      good_ms: good ? Number(good[2]) : null,
      good_fails: /good\.go fails too/.test(text),
    };
    rows.push(row);
    console.log(
      `${dir.padEnd(30)} bad.go: ${row.bad_found ? `fails at schedule ${row.bad_tried}` : `${row.bad_tried} schedules, none fail`} in ${row.bad_ms} ms` +
        ` (${row.failure || 'no failure'}); good.go: ${row.good_fails ? 'FAILS' : `${row.good_tried} schedules in ${row.good_ms} ms`}`,
    );
    expect(row.bad_found).toBe(cli.found);
    expect(row.bad_tried).toBe(cli.tried);
    expect(row.good_fails).toBe(false);
  });
}
