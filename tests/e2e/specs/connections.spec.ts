// The connections pane (app/src/panes/connections.rs): a lesson whose programs use the virtual
// network shows, per side, its clients' and its servers' connection ends by state and the most
// open at once; the numbers agree with what the programs print. A lesson without network has no
// pane.
import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, golite, repo, verdictsShown, watchConsole } from '../support';

const L32 = path.join(repo, 'lessons/catalog/32-client-per-request');

test('a new client per call: 30 connections at once on each end, against 1 for the shared client', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchConsole(page);
  // The programs print how many connections the backend saw: the pane's peaks.
  expect(golite(`${L32}/bad.go`).stdout).toBe('30 quotes, 30 connections, 92 goroutines\n');
  expect(golite(`${L32}/good.go`).stdout).toBe('30 quotes, 1 connections, 5 goroutines\n');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('index.html?lesson=client-per-request&step=0');
  const bad = page.getByTestId('conns-bad');
  const good = page.getByTestId('conns-good');
  // Before the first event nothing is open, yet the peaks are the run's.
  await expect(bad.locator('[data-end="client"] .cfigures')).toHaveText('0 open (0 active, 0 idle) · 0 closed · peak 30');
  await expect(bad.locator('[data-end="server"] .cfigures')).toHaveText('0 open (0 active, 0 idle) · 0 closed · peak 30');
  await expect(good.locator('[data-end="client"] .cfigures')).toHaveText('0 open (0 active, 0 idle) · 0 closed · peak 1');
  await expect(good.locator('[data-end="server"] .cfigures')).toHaveText('0 open (0 active, 0 idle) · 0 closed · peak 1');

  await page.getByTestId('play').click();
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('End');
  await verdictsShown(page);
  // At the end: every server end was closed by the backend's Close; the fix never had more than
  // one connection, so at most one of each was ever closed.
  await expect(bad.locator('[data-end="server"] .cfigures')).toHaveText('0 open (0 active, 0 idle) · 30 closed · peak 30');
  await expect(good.locator('[data-end="server"] .cfigures')).toHaveText('0 open (0 active, 0 idle) · 1 closed · peak 1');
  await expect(bad.locator('[data-end="client"] .cfigures')).toContainText('peak 30');
  await expect(good.locator('[data-end="client"] .cfigures')).toContainText('peak 1');
  fs.mkdirSync(artifacts, { recursive: true });
  await bad.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'connections-32.png') });

  await page.getByRole('button', { name: '中文 (Chinese)' }).click();
  await expect(bad.locator('h3')).toHaveText('连接');
  await expect(bad.locator('[data-end="server"] .cname')).toHaveText('服务端');
  await expect(bad.locator('[data-end="server"] .cfigures')).toHaveText('0 个打开（0 个活动，0 个空闲）· 30 个已关闭 · 峰值 30');
  await bad.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'connections-32-zh.png') });
  // Three quarters in (the language kept), the connections the bad side left behind wait idle
  // in their pools.
  await page.goto('index.html?lesson=client-per-request&step=7500');
  await expect(bad.locator('[data-end="client"] .cfigures')).toHaveText('22 个打开（1 个活动，21 个空闲）· 0 个已关闭 · 峰值 30');
  await expect(bad.locator('[data-end="server"] .cfigures')).toHaveText('22 个打开（1 个活动，21 个空闲）· 0 个已关闭 · 峰值 30');
  await expect(bad.locator('[data-end="client"] .cmarks')).toHaveText('■□□□□□□□□□□□+10');
  await expect(good.locator('[data-end="client"] .cfigures')).toHaveText('1 个打开（1 个活动，0 个空闲）· 0 个已关闭 · 峰值 1');
  // A client per call is a transport pool per call, with Go's default limits: one row for all.
  await expect(bad.locator('.conn-pool')).toHaveCount(1);
  await expect(bad.locator('.conn-pool .cname')).toHaveText('22 个连接池');
  await expect(bad.locator('.conn-pool .cfigures')).toHaveText('每个连接数不限，最多 2 个空闲 · 共 0 个请求排队 · 单个峰值 0 个排队');
  await expect(good.locator('.conn-pool .cname')).toHaveText('连接池 #1');
  await bad.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'connections-32-mid.png') });
  expect(problems).toEqual([]);
});

test('bodies left open keep their connections active (lesson 21), and a lesson without network has no pane', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('index.html?lesson=body-not-closed');
  await verdictsShown(page);
  // When main returns, three 503 bodies are still unclosed: their connections are active.
  await expect(page.getByTestId('conns-bad').locator('[data-end="client"] .cfigures')).toHaveText(
    '3 open (3 active, 0 idle) · 4 closed · peak 4',
  );
  await page.getByTestId('conns-bad').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'connections-21.png') });
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await expect(page.getByTestId('chans-bad')).toBeVisible();
  await expect(page.getByTestId('conns-bad')).toHaveCount(0);
  await expect(page.getByTestId('conns-good')).toHaveCount(0);
});
