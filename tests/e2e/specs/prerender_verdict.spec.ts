// A lesson page's verdicts made at build time (issue 20: app/build.rs runs every lesson at its
// defaults with the page's own engine code, app/prerender.rs writes them into the page): they are
// in the served HTML, they show before any wasm has run where the URL asks for that run, and the
// page's own run (in wasm) replaces them with the very same words, figures and leaks: checked
// here in Chinese, and for every lesson in English by verdict.spec.ts's one visit per lesson.
import { test, expect } from '@playwright/test';

import { liveVerdict as live, servedVerdict as served, verdictsShown } from '../support';

test('in Chinese too (the reader\'s language: the URL\'s here)', async ({ page, request }) => {
  const html = await (await request.get('index.html?lesson=forgotten-sender&lang=zh')).text();
  await page.goto('index.html?lesson=forgotten-sender&lang=zh');
  await verdictsShown(page);
  const zh = served(html, 'bad', 'zh');
  expect(zh.text).toBe('第 27 行泄漏了 6 个 goroutine（channel 发送）：永远阻塞，再也没有任何东西能唤醒它们；结束时仍占用 12.6 KiB 堆内存：修复版为 0');
  expect(await live(page, 'bad')).toEqual(zh);
  expect(await live(page, 'good')).toEqual(served(html, 'good', 'zh'));
});

test('the static page shows them before any wasm has run, only for the run they are', async ({ page }) => {
  // No engine: the page stays the static copy.
  await page.route(/app_bg\.[0-9a-f]{16}\.wasm$/, (route) => route.abort());
  const pre = (side: string) => page.locator(`[data-prerender="verdict-${side}"]`);

  await page.goto('index.html?lesson=forgotten-sender');
  await expect(pre('bad').locator('.built-verdict[lang="en"] .verdict')).toBeVisible();
  await expect(pre('bad').locator('.built-verdict[lang="en"] .verdict')).toHaveText(
    '6 goroutines leaked at line 27 (chan send): blocked forever, nothing can ever wake them; 12.6 KiB of heap still held at the end: the fix has none',
  );
  await expect(pre('good').locator('.built-verdict[lang="en"] .verdict')).toHaveText('0 B of heap still held at the end');
  await expect(pre('bad').locator('.verdict-note').first()).toBeVisible();
  await expect(pre('bad').locator('.built-verdict[lang="zh"]')).toBeHidden();
  await expect(pre('bad').locator('.built-wait')).toBeHidden();
  await expect(page.locator('#loading')).toHaveClass(/failed/);

  // In the reader's language.
  await page.goto('index.html?lesson=forgotten-sender&lang=zh');
  await expect(pre('good').locator('.built-verdict[lang="zh"] .verdict')).toHaveText('结束时仍占用 0 B 堆内存');
  await expect(pre('good').locator('.built-verdict[lang="zh"]')).toBeVisible();
  await expect(pre('good').locator('.built-verdict[lang="en"]')).toBeHidden();

  // Another run (a parameter, a seed, a step): not these verdicts; the engine's is awaited.
  for (const q of ['requests=20', 'seed=7', 'step=3']) {
    await page.goto(`index.html?lesson=forgotten-sender&${q}`);
    await expect(pre('bad').locator('.built-wait'), q).toBeVisible();
    await expect(pre('bad').locator('.built-verdict[lang="en"]'), q).toBeHidden();
  }
});
