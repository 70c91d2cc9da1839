// How long grading takes in the page, per lesson (issue 21): the fix (every case runs) and the
// anti-pattern (stops at its first failure), timed by the page. Every fix must pass and every
// bad.go fail, as `golite check` grades them natively (lessons/tests/challenge.rs); the times are
// measured, not bounded. Writes artifacts/challenge-timing.json and prints one line per lesson.
//
// Usage: script/budgets -- challenge.spec.ts
import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, gradeLessons, repo } from '../support';

test('every lesson: the fix passes and the anti-pattern fails in the page (timings recorded)', async ({ page }) => {
  test.setTimeout(600_000);
  const dirs = fs
    .readdirSync(path.join(repo, 'lessons/catalog'))
    .filter((d) => /^\d\d-/.test(d))
    .sort();
  expect(dirs.length).toBe(34);
  const rows = await gradeLessons(page, dirs);
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'challenge-timing.json'), JSON.stringify(rows, null, 2));
  for (const r of rows) console.log(`${r.lesson.padEnd(32)} fix ${r.fix_ms} ms (longest case ${r.fix_longest_case_ms}), bad ${r.bad_ms} ms`);
});
