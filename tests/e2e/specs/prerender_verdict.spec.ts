// A lesson page's verdicts made at build time (issue 20: app/build.rs runs every lesson at its
// defaults with the page's own engine code, app/prerender.rs writes them into the page): they are
// in the served HTML, they show before any wasm has run where the URL asks for that run, and the
// page's own run (in wasm) replaces them with the very same words, figures and leaks.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { repo, verdictsShown, watchConsole } from '../support';

const catalogDir = path.join(repo, 'lessons/catalog');

/** Every lesson's slug, from its lesson.toml. */
function slugs(): string[] {
  return fs
    .readdirSync(catalogDir)
    .filter((d) => fs.existsSync(path.join(catalogDir, d, 'lesson.toml')))
    .sort()
    .map((d) => fs.readFileSync(path.join(catalogDir, d, 'lesson.toml'), 'utf8').match(/^slug\s*=\s*"([^"]+)"/m)![1]);
}

interface Verdict {
  text: string;
  outcome: string;
  tone: string;
  leaks: string;
  figures: string;
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#8203;/g, '\u200b').replace(/&amp;/g, '&');

/** One side's verdict in one language, as the served HTML carries it. */
function served(html: string, side: string, lang: string): Verdict {
  const box = html.split(`data-prerender="verdict-${side}">`)[1] ?? '';
  const re = new RegExp(
    `<div class="built-verdict" lang="${lang}"><p class="verdict tone-[a-z]+" data-outcome="([^"]*)" data-tone="([^"]*)" ` +
      `data-leaks="([^"]*)" data-figures="([^"]*)" data-source="build" lang="${lang}">([^<]*)</p>`,
  );
  const m = box.match(re);
  if (!m) throw new Error(`no ${lang} verdict for ${side} in the served page`);
  return { outcome: m[1], tone: m[2], leaks: m[3], figures: unescape(m[4]), text: unescape(m[5]) };
}

/** One side's verdict as the page shows it once its own run is over. */
async function live(page: Page, side: string): Promise<Verdict> {
  const p = page.getByTestId(`verdict-${side}`).locator('.verdict[data-source="engine"]');
  return {
    text: (await p.textContent()) ?? '',
    outcome: (await p.getAttribute('data-outcome')) ?? '',
    tone: (await p.getAttribute('data-tone')) ?? '',
    leaks: (await p.getAttribute('data-leaks')) ?? '',
    figures: (await p.getAttribute('data-figures')) ?? '',
  };
}

for (const slug of slugs()) {
  test(`${slug}: the page carries its default run's verdicts, and its own run gives the same`, async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const problems = watchConsole(page);
    const url = `index.html?lesson=${slug}`;
    const html = await (await request.get(url)).text();
    await page.goto(url);
    await verdictsShown(page);
    for (const side of ['bad', 'good']) {
      expect(await live(page, side), side).toEqual(served(html, side, 'en'));
    }
    expect(problems).toEqual([]);
  });
}

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
