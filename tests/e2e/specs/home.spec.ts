// The first page: the wasm app mounts, lists the real lessons from the `lessons` crate, and the
// console stays clean.
import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { artifacts, repo, watchConsole } from '../support';

const catalogDir = path.join(repo, 'lessons/catalog');

/** A lesson as its lesson.toml states it (the crate compiles these same files in). */
interface LessonMeta {
  slug: string;
  title: string;
  chapter: string;
}

/** Reads one top-level `key = "value"` line of a lesson.toml. */
function tomlString(src: string, key: string): string {
  const m = src.match(new RegExp(`^${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm'));
  if (!m) throw new Error(`no ${key} in lesson.toml`);
  return JSON.parse(`"${m[1]}"`);
}

/** Every lesson folder, in folder (= catalog number) order. */
function catalog(): LessonMeta[] {
  return fs
    .readdirSync(catalogDir)
    .filter((d) => fs.existsSync(path.join(catalogDir, d, 'lesson.toml')))
    .sort()
    .map((d) => {
      const src = fs.readFileSync(path.join(catalogDir, d, 'lesson.toml'), 'utf8');
      return {
        slug: tomlString(src, 'slug'),
        title: tomlString(src, 'title'),
        chapter: tomlString(src, 'chapter'),
      };
    });
}

/** Records every console error or warning, uncaught exception and failed request of a page. */
test('the wasm app mounts and lists every lesson of the catalog, with a clean console', async ({
  page,
}) => {
  const problems = watchConsole(page);
  // The page groups lessons by chapter (chapters in order of their first lesson), each chapter's
  // lessons in catalog order: a lesson added later to an early chapter shows in that chapter.
  const all = catalog();
  const chapterOrder = [...new Set(all.map((l) => l.chapter))];
  const lessons = chapterOrder.flatMap((c) => all.filter((l) => l.chapter === c));
  expect(lessons.length).toBeGreaterThan(0);

  await page.goto('./');

  // Mounted: the app's own heading is there and the loading placeholder is gone.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Go anti-pattern playground');
  await expect(page.locator('#loading')).toHaveCount(0);

  // Real content from the crate: the lessons by chapter, with their titles and chapters.
  const items = page.locator('#app li.lesson');
  await expect(items).toHaveCount(lessons.length);
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')))).toEqual(
    lessons.map((l) => l.slug),
  );
  await expect(items.locator('.title')).toHaveText(lessons.map((l) => l.title));
  // Real links, so a middle click or "open in new tab" works.
  expect(await items.locator('a.card').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(
    lessons.map((l) => `?lesson=${l.slug}`),
  );
  const chapters = [...new Set(lessons.map((l) => l.chapter))];
  await expect(page.locator('#app .chapter h2')).toHaveText(chapters);

  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'home.png'), fullPage: true });

  expect(problems).toEqual([]);
});

test('a plain click on a lesson opens it in place; back returns to the list', async ({ page }) => {
  const problems = watchConsole(page);
  const first = catalog()[0];
  await page.goto('./');
  // A full page load would lose this marker; client-side navigation keeps it.
  await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
  await page.locator(`#app li.lesson[data-slug="${first.slug}"] a.card`).click();
  await expect(page.getByTestId('lesson-title')).toHaveText(first.title);
  expect(new URL(page.url()).search).toBe(`?lesson=${first.slug}`);
  expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
  await page.goBack();
  await expect(page.locator(`#app li.lesson[data-slug="${first.slug}"]`)).toHaveClass(/visited/);
  expect(problems).toEqual([]);
});

test('when the wasm cannot load, the page says so and offers a reload', async ({ page }) => {
  await page.route('**/pkg/app_bg.*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./');
  await expect(page.locator('#loading')).toContainText('The playground failed to load');
  await expect(page.locator('#loading').getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.locator('#app li.lesson')).toHaveCount(0);
});

test('the home page fetches no lesson text; a lesson fetches its own file once', async ({ page }) => {
  const problems = watchConsole(page);
  const fetched: string[] = [];
  page.on('request', (req) => {
    const m = new URL(req.url()).pathname.match(/\/lessons\/([^/]+)$/);
    if (m) fetched.push(m[1]);
  });
  const [first, second] = catalog();
  await page.goto('./');
  await expect(page.locator('#app li.lesson')).toHaveCount(catalog().length);
  expect(fetched).toEqual([]);

  await page.locator(`#app li.lesson[data-slug="${first.slug}"] a.card`).click();
  await expect(page.getByTestId('play')).toBeEnabled();
  expect(fetched).toHaveLength(1);
  // The file is named for the lesson and its content hash, so a cached copy never meets a newer app.
  expect(fetched[0]).toMatch(new RegExp(`^${first.slug}\\.[0-9a-f]{16}\\.json$`));

  await page.locator('body').press('n');
  await expect(page.getByTestId('lesson-title')).toHaveText(second.title);
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.goBack();
  await expect(page.getByTestId('lesson-title')).toHaveText(first.title);
  await expect(page.getByTestId('play')).toBeEnabled();
  expect(fetched.map((f) => f.split('.')[0])).toEqual([first.slug, second.slug]);
  expect(problems).toEqual([]);
});

test("when a lesson's programs cannot load, the page says why and offers a reload", async ({ page }) => {
  const first = catalog()[0];
  await page.route(`**/lessons/${first.slug}.*.json`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`index.html?lesson=${first.slug}`);
  const failed = page.getByTestId('lesson-load-failed');
  await expect(failed).toContainText(`The programs of “${first.title}” could not be loaded`);
  await expect(failed).toContainText('answered HTTP 404');
  await expect(failed.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(failed.getByRole('link', { name: 'go to all lessons' })).toBeVisible();
  await expect(page.getByTestId('play')).toHaveCount(0);
});
