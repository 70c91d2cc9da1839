// Watching a lesson (issue 19): what plays is on screen together, a lesson plays in 5-15 s at
// the default speed, the code box lets the learner scroll, output is bounded, the language
// sticks, and the pages pass axe-core with no serious or critical violation.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifacts, verdictsShown, watchConsole } from '../support';

/** True when the element's box is entirely inside the viewport (and not under the sticky bar
 * when `below` is given). */
async function onScreen(page: Page, testId: string, below = 0): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.height > 0 && box.y >= below - 1 && box.y + box.height <= vp.height + 1 && box.x >= 0 && box.x + box.width <= vp.width + 1;
}

async function runningLineOnScreen(page: Page, side: string): Promise<boolean> {
  const code = page.getByTestId(`code-${side}`);
  const line = code.locator('.ln.running');
  if ((await line.count()) === 0) return true; // between events nobody runs
  // The mark moves every frame: a line that lost it meanwhile counts as on screen.
  const l = await line.first().boundingBox({ timeout: 300 }).catch(() => null);
  if (!l) return true;
  const c = await code.boundingBox();
  if (process.env.DEBUG_WATCH) console.log(side, JSON.stringify(c), JSON.stringify(l), await line.first().getAttribute('data-line'));
  // Its first row of text in the box (a wrapped line may continue below it).
  return !!c && l.y >= c.y - 1 && l.y + Math.min(l.height, 18) <= c.y + c.height + 1;
}

for (const [w, h] of [
  [1024, 768],
  [1180, 820],
  [1366, 768],
  [1920, 1080],
]) {
  test(`at ${w}x${h}, while a run plays, code, map, gauges and charts of both sides are on screen`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: w, height: h });
    await page.goto('index.html?lesson=forgotten-sender&step=0');
    await expect(page.getByTestId('play')).toBeEnabled();
    await page.getByTestId('play').click();
    // Mid-run, a few times: everything that moves is in view.
    let looked = 0;
    for (let i = 0; i < 3; i++) {
      await page.waitForTimeout(700);
      // While it plays (on a loaded machine it may reach the end, where the verdicts take room).
      if ((await page.getByTestId('play').getAttribute('aria-pressed')) !== 'true') break;
      looked++;
      const bar = (await page.locator('.toolbar').boundingBox())!;
      for (const side of ['bad', 'good']) {
        for (const id of [`map-${side}`, `chans-${side}`, `charts-${side}`, `code-${side}`]) {
          expect(await onScreen(page, id, bar.y + bar.height), `${id} at ${w}x${h}`).toBe(true);
        }
        // The box follows at most every 250 ms, and the running goroutine can hop between
        // far-apart lines every frame: the line is in the box most of the time.
        let seen = 0;
        for (let k = 0; k < 8; k++) {
          seen += (await runningLineOnScreen(page, side)) ? 1 : 0;
          await page.waitForTimeout(150);
        }
        expect(seen, `running line of ${side} in its box, of 8 looks`).toBeGreaterThanOrEqual(5);
      }
    }
    expect(looked, 'looks while playing').toBeGreaterThan(0);
  });
}

// Once the run ends, the verdicts grow to three lines and "In Go" appears under them: the code
// box gives that room back (public/style.css), so the end's map, gauges and charts stay in view
// (before: at 1024x768 lesson 01's channel gauges ended at y=794).
for (const [w, h] of [
  [1024, 768],
  [1366, 768],
]) {
  for (const lesson of ['forgotten-sender', 'racy-counter']) {
    test(`at ${w}x${h}, once ${lesson} ends, its verdicts, map, gauges and charts are on screen`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`index.html?lesson=${lesson}&step=0`);
      await expect(page.getByTestId('play')).toBeEnabled();
      await page.getByTestId('play').click();
      // Play brings the programs up under the sticky control bar; then jump to the end. The
      // page stays where Play put it. (The narration above the programs used to change height
      // as it played, moving them 22 px down and up: Playwright found the button "not stable"
      // and its retry scrolled it into view at the bottom of the screen, the page to the top.)
      await expect.poll(async () => (await page.locator('.toolbar').boundingBox())?.y ?? 99).toBeLessThan(20);
      const played = await page.evaluate(() => window.scrollY);
      await page.getByTestId('to-end-bad').click();
      await verdictsShown(page);
      expect(await page.evaluate(() => window.scrollY), 'the page did not move').toBe(played);
      // The bad side's verdict takes two or three lines at these widths.
      const v = (await page.getByTestId('verdict-bad').locator('.verdict').boundingBox())!;
      expect(v.height, 'two lines of verdict or more').toBeGreaterThan(40);
      const bar = (await page.locator('.toolbar').boundingBox())!;
      for (const side of ['bad', 'good']) {
        for (const id of [`verdict-${side}`, `map-${side}`, `chans-${side}`, `charts-${side}`, `code-${side}`]) {
          expect(await onScreen(page, id, bar.y + bar.height), `${id} at ${w}x${h}`).toBe(true);
        }
      }
    });
  }
}

// What moves while a run plays is inside the programs, not the programs: the narration above
// them changes from one line to two and back at 1024 px (its kept lines lost to another
// stylesheet), which moved them 22 px every few events.
for (const [w, h] of [
  [1024, 768],
  [1366, 768],
]) {
  test(`at ${w}x${h}, the programs stay put while a run plays`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('index.html?lesson=forgotten-sender&step=0');
    await expect(page.getByTestId('play')).toBeEnabled();
    await page.getByTestId('play').click();
    await expect.poll(async () => (await page.locator('.toolbar').boundingBox())?.y ?? 99).toBeLessThan(20);
    // Every frame for 3 s (or until the run ends): where the programs start on screen.
    const tops = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const seen = new Set<number>();
          const t0 = performance.now();
          const play = document.querySelector('[data-testid="play"]')!;
          const tick = () => {
            seen.add(Math.round(document.querySelector('.sides')!.getBoundingClientRect().top));
            if (performance.now() - t0 < 3000 && play.getAttribute('aria-pressed') === 'true') requestAnimationFrame(tick);
            else resolve([...seen]);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(tops, 'the top of the programs on screen, every frame').toHaveLength(1);
  });
}

test('on a phone, while a run plays, the running code, the goroutine map and the gauges are on screen under the bar', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.getByTestId('play').click();
  let looked = 0;
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(700);
    if ((await page.getByTestId('play').getAttribute('aria-pressed')) !== 'true') break;
    looked++;
    const bar = (await page.locator('.toolbar').boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(-1);
    for (const id of ['code-bad', 'map-bad', 'chans-bad']) {
      expect(await onScreen(page, id, bar.y + bar.height), `${id} on a phone`).toBe(true);
    }
    let seen = 0;
    for (let k = 0; k < 8; k++) {
      seen += (await runningLineOnScreen(page, 'bad')) ? 1 : 0;
      await page.waitForTimeout(150);
    }
    expect(seen, 'running line of bad.go in its box, of 8 looks').toBeGreaterThanOrEqual(5);
  }
  expect(looked, 'looks while playing').toBeGreaterThan(0);
  await expect(page.getByTestId('side-good')).toBeHidden();
});

test('stepping past the end says the run is over, and the notice goes when the cursor moves', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await expect(page.getByTestId('end-notice')).toHaveCount(0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('end-notice')).toHaveText(
    'End of the run: there is no next event. Step back (←) or go back to the start to watch it again.',
  );
  const label = await page.getByTestId('step-label').innerText();
  expect(label).toMatch(/event (\d+) \/ \1/);
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('end-notice')).toHaveCount(0);
  await page.getByTestId('step').click();
  await expect(page.getByTestId('end-notice')).toHaveCount(0);
  // The → key too.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('end-notice')).toBeVisible();
  // In Chinese too.
  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('end-notice')).toHaveText('运行已结束：没有下一个事件了。后退（←）或回到开头，可以再看一遍。');
});

test('on a phone the control bar stays on screen, with bad/good tabs that carry the verdicts', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('index.html?lesson=forgotten-sender');
  // One side shows at a time: the bad one first.
  await expect(page.getByTestId('verdict-bad').locator('.verdict:not(.pending)')).toBeVisible({ timeout: 20_000 });
  const tabs = page.getByRole('tablist');
  await expect(tabs.getByRole('tab', { name: /bad\.go/ })).toContainText('6 goroutines leaked');
  await expect(tabs.getByRole('tab', { name: /good\.go/ })).toContainText('0 B of heap still held at the end');
  await expect(page.getByTestId('side-good')).toBeHidden();
  await tabs.getByRole('tab', { name: /good\.go/ }).click();
  await expect(page.getByTestId('side-good')).toBeVisible();
  await expect(page.getByTestId('side-bad')).toBeHidden();
  await page.mouse.wheel(0, 1500);
  await page.waitForTimeout(300);
  const bar = await page.locator('.toolbar').boundingBox();
  expect(bar && bar.y >= -1 && bar.y < 5).toBe(true);
  await expect(page.getByTestId('play')).toBeInViewport();
});

/** Plays from the start at the default speed; returns the seconds until the end, less the time
 * frames longer than 100 ms lost (playback caps a frame at 100 ms so a background tab does not
 * jump ahead; on a machine too loaded to draw 10 frames a second that cap is what slows it). */
async function playTime(page: Page, slug: string): Promise<number> {
  await page.goto(`index.html?lesson=${slug}&step=0`);
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.evaluate(() => {
    const w = window as unknown as { lost: number };
    w.lost = 0;
    let last = performance.now();
    const tick = (t: number) => {
      w.lost += Math.max(0, t - last - 100);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false', { timeout: 40_000 });
  const wall = (Date.now() - t0) / 1000;
  const lost = (await page.evaluate(() => (window as unknown as { lost: number }).lost)) / 1000;
  console.log(`${slug}: ${wall.toFixed(1)} s on the wall clock, ${lost.toFixed(1)} s of it in frames over 100 ms`);
  await verdictsShown(page);
  return wall - lost;
}

test('a lesson plays end to end in 5 to 15 s at the default speed; idle time is compressed', async ({ page }) => {
  test.setTimeout(90_000);
  for (const slug of ['forgotten-sender', 'unbuffered-deadlock']) {
    const s = await playTime(page, slug);
    expect(s, slug).toBeGreaterThanOrEqual(5);
    expect(s, slug).toBeLessThanOrEqual(15);
  }
  // The clock still shows real virtual time at the end (1.05 s for the forgotten sender).
  await page.goto('index.html?lesson=forgotten-sender');
  await expect(page.getByTestId('step-label')).toContainText('t = 1.05s');
});

test('the code box follows the running line until the learner scrolls it; Follow brings it back', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=forgotten-sender&step=0');
  await expect(page.getByTestId('play')).toBeEnabled();
  await page.getByTestId('speed').selectOption({ index: 0 });
  await page.getByTestId('play').click();
  const code = page.getByTestId('code-bad');
  await page.waitForTimeout(500);
  await code.hover();
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(200);
  const scrolled = await code.evaluate((e) => e.scrollTop);
  await expect(page.getByTestId('follow-bad')).toBeVisible();
  await page.waitForTimeout(1200);
  expect(await code.evaluate((e) => e.scrollTop)).toBe(scrolled);
  await page.getByTestId('follow-bad').click();
  await expect(page.getByTestId('follow-bad')).toBeHidden();
  await expect.poll(() => runningLineOnScreen(page, 'bad')).toBe(true);
});

test('a million lines of output: at most 10,000 shown with the full count, and the tab answers clicks', async ({ page }) => {
  test.setTimeout(120_000);
  // A million lines in a thousand prints (a print per line would hit the event limit first).
  const src =
    'package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n\nfunc main() {\n\tblock := strings.Repeat("a line of output\\n", 1000)\n\tfor i := 0; i < 1000; i++ {\n\t\tfmt.Print(block)\n\t}\n}\n';
  // An old query link (edits before they moved to the fragment) still opens.
  await page.goto(`index.html?lesson=forgotten-sender&bad_go=${encodeURIComponent(src)}`);
  // The longest task on the main thread while the run goes and lands.
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await expect(page.getByTestId('output-truncated-bad')).toBeVisible({ timeout: 100_000 });
  await expect(page.getByTestId('output-truncated-bad')).toContainText('output truncated after 10,000 lines');
  await expect(page.getByTestId('output-truncated-bad')).toContainText('printed 1,000,000 lines');
  const shown = await page.getByTestId('output-bad').innerText();
  expect(shown.split('\n').filter((l) => l !== '').length).toBe(10_000);
  const t0 = Date.now();
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('output-truncated-bad')).toBeVisible();
  const clickMs = await page.evaluate(
    () => new Promise<number>((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); }),
  );
  expect(clickMs).toBeLessThan(200);
  // The longest main-thread task is reported, not checked: on a loaded machine it measures the
  // machine (about 60 ms on a quiet 2-core one).
  console.log(`click answered within ${Date.now() - t0} ms; longest task ${await page.evaluate(() => (window as unknown as { longest: number }).longest)} ms`);
  // Stdout in the DOM is bounded: about 70 KB, not 6.9 MB.
  expect(await page.evaluate(() => document.body.innerText.length)).toBeLessThan(400_000);
});

test('a run that printed nothing says so once it ended; a limit names its reason under the output', async ({ page }) => {
  const quiet = 'package main\n\nfunc main() {}\n';
  await page.goto(`index.html?lesson=forgotten-sender&good_go=${encodeURIComponent(quiet)}`);
  await verdictsShown(page);
  await expect(page.getByTestId('output-good')).toHaveText('(nothing printed)');
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('output-good')).toHaveText('(nothing printed yet)');
  const bomb = 'package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tselect {}\n\t\t}()\n\t}\n}\n';
  await page.goto(`index.html?lesson=forgotten-sender&good_go=${encodeURIComponent(bomb)}`);
  await expect(page.getByTestId('stderr-good')).toHaveText(
    'stopped by the playground: heap limit: the modeled heap passed 268435456 bytes (goroutine 131073 at line 5)',
    { timeout: 30_000 },
  );
});

test('the language is in the URL, remembered after a reload and on the next lesson, and translates the interface', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await page.getByTestId('lang-zh').click();
  await expect(page).toHaveURL(/[?&]lang=zh(&|$)/);
  await expect(page.getByTestId('lesson-title')).toHaveText('被遗忘的发送方');
  // The fix's verdict names the lesson's measure, in Chinese.
  await expect(page.getByTestId('verdict-good')).toContainText('结束时仍占用 0 B 堆内存');
  await expect(page.getByTestId('verdict-bad')).toContainText('第 27 行泄漏了 6 个 goroutine（channel 发送）');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '为什么会出错，以及如何修复' })).toBeVisible();
  // After a reload, and on a lesson opened without `lang`: still Chinese (remembered).
  await page.reload();
  await expect(page.getByTestId('lesson-title')).toHaveText('被遗忘的发送方');
  await page.goto('index.html?lesson=unbuffered-deadlock');
  await expect(page.getByTestId('lesson-title')).toHaveText('无缓冲 channel 死锁');
  await page.goto('index.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Go 反模式演练场');
  // The share link carries it; a link naming English wins over the remembered choice.
  await page.goto('index.html?lesson=forgotten-sender&lang=en');
  await expect(page.getByTestId('lesson-title')).toHaveText('The forgotten sender');
});

test('blocked storage (a third-party frame) never breaks the page; the language still comes from the URL', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const problems = watchConsole(page);
  await page.goto('index.html?lesson=forgotten-sender&lang=zh&embed=1');
  await expect(page.getByTestId('lesson-title')).toHaveText('被遗忘的发送方');
  await verdictsShown(page);
  expect(problems.filter((p) => !p.includes('localStorage'))).toEqual([]);
});

test('edits travel in the fragment, compressed; damaged, unknown and repeated URL keys get notices naming them', async ({ page }) => {
  const BAD = fs.readFileSync(path.join(__dirname, '../../../lessons/catalog/01-forgotten-sender/bad.go'), 'utf8');
  const fixed = BAD.replace('result := make(chan string)', 'result := make(chan string, 1)');
  // An old query link: it runs the edit, and the page's next URL moves it to the fragment.
  await page.goto(`index.html?lesson=forgotten-sender&bad_go=${encodeURIComponent(fixed)}`);
  await verdictsShown(page);
  await expect(page.getByTestId('verdict-bad')).toContainText('your edit shows none of the harm');
  await page.getByTestId('reset').click();
  await expect(page).toHaveURL(/#bad_go=[A-Za-z0-9_-]+$/);
  const url = page.url();
  expect(new URL(url).search).not.toContain('bad_go');
  expect(new URL(url).hash.length).toBeLessThan(encodeURIComponent(fixed).length / 2);
  // The fragment link reproduces the edit in a fresh page.
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('edited-bad')).toBeVisible();
  await page.getByTestId('to-end-bad').click();
  await expect(page.getByTestId('verdict-bad')).toContainText('your edit shows none of the harm');
  // Problems, each named.
  await page.goto('index.html?lesson=forgotten-sender&seed=1&seed=2&colour=red&bad_go=x%zz#good_go=AAAA');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('“bad_go” in this link has a malformed percent-escape “%zz”');
  await expect(notice).toContainText('“seed” is in this link 2 times; using the last one ("2")');
  await expect(notice).toContainText('“colour” is not a key the playground knows; ignored.');
  await expect(notice).toContainText("good_go in this link could not be read");
});

test('the Embed dialog is a modal: focus stays inside, Escape returns it; options and preview follow', async ({ page }) => {
  await page.goto('index.html?lesson=forgotten-sender');
  await verdictsShown(page);
  await page.getByTestId('embed').click();
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.getByTestId('embed-pane-output').uncheck();
  await page.getByTestId('embed-side-bad').check();
  await page.getByTestId('embed-theme-dark').check();
  await page.getByTestId('embed-lang-zh').check();
  await expect(page.getByTestId('embed-snippet')).toHaveValue(/panes=code%2Ccharts%2Cgoroutines%2Cchannels&amp;side=bad&amp;theme=dark&amp;lang=zh/);
  await expect(page.getByTestId('embed-preview')).toHaveAttribute('src', /side=bad/);
  const frame = page.frameLocator('[data-testid="embed-preview"]');
  await expect(frame.getByTestId('lesson-title')).toHaveText('被遗忘的发送方');
  await expect(frame.getByTestId('side-good')).toHaveCount(0);
  await expect(page.getByTestId('embed-docs')).toHaveAttribute('href', 'public/embed-example.html');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('embed')).toBeFocused();
});

test('the embed view posts its content height as resize messages', async ({ page }) => {
  await page.goto('public/embed-example.html');
  const height = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const f = document.createElement('iframe');
        window.addEventListener('message', (ev) => {
          const m = ev.data;
          if (ev.source === f.contentWindow && m?.source === 'go-antipattern-playground' && m.type === 'resize') resolve(m.height);
        });
        f.style.width = '600px';
        f.style.height = '200px';
        f.src = '../index.html?lesson=forgotten-sender&embed=1&panes=code';
        document.body.appendChild(f);
      }),
  );
  // The frame is 200 px tall; what it shows is taller, and it says how tall.
  expect(height).toBeGreaterThan(300);
});

// Each moment in both schemes: the page follows the system theme as it changes, so one play
// gives the light and the dark picture of the same step (two frames later, for the canvas).
for (const [w, h] of [
  [1366, 768],
  [1920, 1080],
  [390, 844],
]) {
  test(`screenshots ${w}x${h} light and dark: start, middle (playing), end`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width: w, height: h });
    fs.mkdirSync(artifacts, { recursive: true });
    const shots = async (what: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.screenshot({ path: path.join(artifacts, `watch-${w}x${h}-${scheme}-${what}.png`) });
      }
    };
    await page.goto('index.html?lesson=forgotten-sender&step=0');
    await expect(page.getByTestId('play')).toBeEnabled();
    await shots('start');
    await page.getByTestId('play').click();
    await page.waitForTimeout(2500);
    await shots('middle');
    await page.getByTestId('play').click();
    await page.getByTestId('to-end-bad').click();
    if (w < 700) await expect(page.getByTestId('verdict-bad').locator('.verdict:not(.pending)')).toBeVisible();
    else await verdictsShown(page);
    await shots('end');
  });
}

/** axe-core on the page as it is now: the serious and critical violations, as readable lines.
 * The Embed dialog's preview frame is the embed view, checked on its own. */
async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).exclude('[data-testid="embed-preview"]').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')}`);
}

const axePages: [string, string, (page: Page) => Promise<void>][] = [
  ['home', 'index.html', async (page) => { await expect(page.locator('.lesson').first()).toBeVisible(); }],
  ['lesson start', 'index.html?lesson=forgotten-sender&step=0', async (page) => { await expect(page.getByTestId('play')).toBeEnabled(); }],
  ['lesson middle', 'index.html?lesson=forgotten-sender&step=60', async (page) => { await expect(page.getByTestId('step-label')).toContainText('event 60 /'); }],
  ['lesson end', 'index.html?lesson=forgotten-sender', verdictsShown],
  ['lesson end, Chinese', 'index.html?lesson=forgotten-sender&lang=zh', verdictsShown],
  ['embed view', 'index.html?lesson=forgotten-sender&embed=1', verdictsShown],
  ['embed dialog', 'index.html?lesson=forgotten-sender', async (page) => {
    await verdictsShown(page);
    await page.getByTestId('embed').click();
    await expect(page.getByTestId('embed-dialog')).toBeVisible();
  }],
];
// Both schemes on one load: the page follows the system theme as it changes (CSS media queries;
// the goroutine map listens for the change), so the dark check sees what a dark load shows.
for (const [name, url, ready] of axePages) {
  test(`axe: no serious or critical violation, ${name}, light and dark`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url);
    await ready(page);
    const found: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      found[scheme] = await axe(page);
    }
    expect(found).toEqual({ light: [], dark: [] });
  });
}
