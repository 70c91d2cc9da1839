// How the site loads (issue 20): the server's compression and cache headers, each lesson's
// static HTML (readable with JavaScript off), and the service worker (a second visit from its
// cache, every lesson offline after one visit, a new deployment picked up) as well as the page
// without one.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { FS, repo, verdictsShown, watchConsole } from '../support';

const dist = path.join(repo, 'dist');
const catalogDir = path.join(repo, 'lessons/catalog');

/** Every lesson's slug and title, from its lesson.toml. */
function lessons(): { slug: string; title: string }[] {
  return fs
    .readdirSync(catalogDir)
    .filter((d) => fs.existsSync(path.join(catalogDir, d, 'lesson.toml')))
    .sort()
    .map((d) => {
      const src = fs.readFileSync(path.join(catalogDir, d, 'lesson.toml'), 'utf8');
      const get = (key: string) => JSON.parse(src.match(new RegExp(`^${key}\\s*=\\s*("(?:[^"\\\\]|\\\\.)*")`, 'm'))![1]);
      return { slug: get('slug'), title: get('title') };
    });
}

const wasmFile = () => 'pkg/' + fs.readdirSync(path.join(dist, 'pkg')).find((f) => /^app_bg\.[0-9a-f]{16}\.wasm$/.test(f));

/** Waits until this page is controlled by an active service worker that stored the site. */
async function workerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test('the server sends precompressed files by Accept-Encoding, with cache headers', async ({ request }) => {
  const wasm = wasmFile();
  const br = await request.get(wasm, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  expect(br.status()).toBe(200);
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['content-type']).toBe('application/wasm');
  expect(br.headers()['cache-control']).toContain('immutable');
  expect(br.headers()['vary']).toContain('Accept-Encoding');
  // Playwright decodes the body: it is the wasm itself.
  expect((await br.body()).equals(fs.readFileSync(path.join(dist, wasm)))).toBe(true);

  const gz = await request.get(wasm, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get(wasm, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(Number(plain.headers()['content-length'])).toBe(fs.statSync(path.join(dist, wasm)).size);

  for (const page of ['', 'index.html', 'index.html?lesson=forgotten-sender', 'sw.js']) {
    const res = await request.get(page, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.status(), page).toBe(200);
    expect(res.headers()['cache-control'], page).toBe('no-cache');
    expect(res.headers()['content-encoding'], page).toBe('br');
  }
  // A lesson URL is answered with that lesson's own page; an unknown one with the plain page.
  const lesson = await (await request.get('?lesson=forgotten-sender&requests=20')).text();
  expect(lesson).toContain('<title>The forgotten sender · Go anti-pattern playground</title>');
  expect(lesson).toContain('id="prerender"');
  const unknown = await (await request.get('?lesson=no-such-lesson')).text();
  expect(unknown).not.toContain('id="prerender"');
  expect((await request.get('?lesson=../sw.js')).status()).toBe(200);
});

test('a lesson reads with JavaScript off: title, claim, both programs, the explanation', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('index.html?lesson=forgotten-sender');
  await expect(page.locator('h1')).toHaveText('The forgotten sender');
  await expect(page.locator('[data-prerender="claim"]')).toContainText('after the caller timed out');
  const bad = fs.readFileSync(path.join(FS, 'bad.go'), 'utf8').split('\n');
  const good = fs.readFileSync(path.join(FS, 'good.go'), 'utf8').split('\n');
  const badBox = page.locator('[data-prerender="code-bad"]');
  // One row per line, as the app shows the file (the empty line after the last newline too).
  await expect(badBox.locator('.ln')).toHaveCount(bad.length);
  await expect(badBox.locator('.ln[data-line="27"] code')).toHaveText(bad[26]);
  await expect(page.locator('[data-prerender="code-good"] .ln[data-line="1"] code')).toHaveText(good[0]);
  await expect(badBox.locator('.kw').first()).toHaveText('package');
  const explanation = page.locator('[data-prerender="explanation"]');
  await expect(explanation.getByRole('heading', { name: 'Why it goes wrong, and the fix' })).toBeVisible();
  await expect(explanation.locator('.prose[lang="en"]')).toContainText('fetchProfile');
  // The Chinese explanation is there too, one click away.
  await explanation.locator('summary').click();
  await expect(explanation.locator('.prose[lang="zh"]')).toBeVisible();
  await expect(page.locator('noscript')).toHaveCount(1);
  await page.screenshot({ path: path.join(repo, 'tests/e2e/artifacts/prerendered-lesson.png'), fullPage: true });
  await context.close();
});

test('the app takes over a lesson page in place, and works where service workers are unavailable', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // As in a sandboxed frame: merely reading navigator.serviceWorker throws.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', {
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
  });
  const problems = watchConsole(page);
  const res = await page.goto('index.html?lesson=forgotten-sender');
  expect(await res?.text()).toContain('<h1 data-prerender="title">The forgotten sender</h1>');
  await verdictsShown(page);
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.getByTestId('lesson-title')).toHaveText('The forgotten sender');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(problems).toEqual([]);
  await context.close();
});

test('with the service worker: the second visit comes from its cache, and every lesson is there offline', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await workerReady(page);

  // The second visit: the page and everything it loads come from the worker.
  const fromNetwork: string[] = [];
  page.on('response', (r) => {
    if (!r.fromServiceWorker()) fromNetwork.push(r.url());
  });
  const res = await page.reload();
  expect(res?.fromServiceWorker()).toBe(true);
  await verdictsShown(page);
  expect(fromNetwork.filter((u) => !u.endsWith('/sw.js'))).toEqual([]);

  // Offline (the DevTools protocol's network emulation): every lesson's own page (titled) and its
  // programs' file are in the worker's cache; three lessons are opened from it and run to their
  // verdicts (one navigation rule and one engine serve every lesson: sw.js pageFor), and the
  // home page lists them all.
  await context.setOffline(true);
  const cached: Record<string, string> = await page.evaluate(async () => {
    const pages: Record<string, string> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const p = new URL(req.url).pathname;
        pages[p] = p.includes('/pages/') ? ((await (await cache.match(req))?.text()) ?? '') : '';
      }
    }
    return pages;
  });
  const files = fs.readdirSync(path.join(dist, 'lessons')).filter((f) => f.endsWith('.json'));
  const unescape = (t: string) => t.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const l of lessons()) {
    const pageUrl = Object.keys(cached).find((u) => u.endsWith(`/pages/${l.slug}.html`));
    expect(pageUrl, `${l.slug}: its page cached`).toBeTruthy();
    const title = cached[pageUrl!].match(/<h1 data-prerender="title">([^<]*)<\/h1>/)?.[1];
    expect(unescape(title ?? ''), l.slug).toBe(l.title);
    const file = files.find((f) => f.startsWith(`${l.slug}.`) && /^[a-z0-9-]+\.[0-9a-f]{16}\.json$/.test(f));
    expect(file, l.slug).toBeTruthy();
    expect(Object.keys(cached).some((u) => u.endsWith(`/lessons/${file}`)), `${l.slug}: ${file} cached`).toBe(true);
  }
  const ran = lessons().filter((l) => ['forgotten-sender', 'racy-counter', 'client-per-request'].includes(l.slug));
  expect(ran.length).toBe(3);
  for (const l of ran) {
    const r = await page.goto(`index.html?lesson=${l.slug}`);
    expect(r?.fromServiceWorker(), l.slug).toBe(true);
    await expect(page.getByTestId('lesson-title')).toHaveText(l.title);
    await verdictsShown(page);
  }
  await page.goto('./');
  await expect(page.locator('#app li.lesson')).toHaveCount(lessons().length);
  await context.setOffline(false);
  expect(problems).toEqual([]);
  await context.close();
});

test('a new deployment is picked up on the next visit, never mixed with the old one', async ({ browser }) => {
  test.setTimeout(120_000);
  // A copy of dist/ on a server of its own, to deploy over.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  const site = path.join(root, 'dist');
  fs.cpSync(dist, site, { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(path.join(repo, 'script/server'), ['--no-build', '--port', String(port), '--dir', site], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const deployment = () => page.evaluate(() => document.querySelector('meta[name="deployment"]')?.getAttribute('content') ?? '1');
    await page.goto(`${base}?lesson=forgotten-sender`);
    await verdictsShown(page);
    await workerReady(page);

    // Deploy: every page changes (and so does sw.js, whose version hashes them).
    deploy(site, '2');
    await page.goto(`${base}?lesson=forgotten-sender`);
    // This visit is still the old deployment throughout; the new worker installs meanwhile.
    expect(await deployment()).toBe('1');
    await verdictsShown(page);
    // The new worker, found by the browser's update check on this visit, stores the new files
    // and takes over.
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg) return 'no registration';
      await reg.update();
      const w = reg.installing || reg.waiting;
      if (w && w.state !== 'activated') {
        await new Promise<void>((resolve) =>
          w.addEventListener('statechange', () => {
            if (w.state === 'activated' || w.state === 'redundant') resolve();
          }),
        );
        return w.state;
      }
      return reg.active?.state ?? 'none';
    });
    expect(state).toBe('activated');
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(2);
    // The next visit is wholly the new one.
    await page.goto(`${base}?lesson=forgotten-sender`);
    expect(await deployment()).toBe('2');
    await verdictsShown(page);
    await page.goto(`${base}?lesson=send-on-closed`);
    expect(await deployment()).toBe('2');
    await context.close();
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** Marks every page of a copy of dist/ as deployment `n` and gives sw.js a new version, as a
 * rebuild with changed pages would; the precompressed copies are rewritten too. */
function deploy(site: string, n: string) {
  const pages = [
    'index.html',
    ...fs
      .readdirSync(path.join(site, 'pages'))
      .filter((p) => p.endsWith('.html'))
      .map((p) => `pages/${p}`),
  ];
  for (const p of [...pages, 'sw.js']) {
    const file = path.join(site, p);
    let text = fs.readFileSync(file, 'utf8');
    if (p === 'sw.js') text = text.replace(/const VERSION = '([0-9a-f]+)'/, `const VERSION = '$1-${n}'`);
    else text = text.replace('<head>', `<head><meta name="deployment" content="${n}">`);
    fs.writeFileSync(file, text);
    execFileSync('sh', ['-c', `gzip -9 -c "${file}" > "${file}.gz" && rm -f "${file}.br"`]);
  }
}
