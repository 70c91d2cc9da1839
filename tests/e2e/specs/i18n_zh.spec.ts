// The Chinese interface (issue 19): with lang=zh, no English sentence is left in what a learner
// sees or hears. The check reads every visible text node outside code, program output and Go's
// own texts (<code>, <pre>, <kbd>, text boxes), and the aria-label, title, placeholder and alt
// attributes of every element (what a screen reader says and a hover shows), and fails on any
// ASCII word of 4+ letters that is not a Go term in the short list below, an identifier of the
// program on the page (its code, not its comments: a parameter label taken from a Go comment
// must still read in Chinese), or a dotted Go name (`sync.WaitGroup.Wait`, `main.worker.func1`). Pages: a lesson at its start
// (stepped, with the narration) and at its end (verdicts, "why is it stuck", "In Go", the race
// report), fix-it mode with a failed check, a URL notice, the embed dialog, the scheduler page
// with its goal missed, and the end-of-run notice.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verdictsShown } from '../support';

/** Go terms a Chinese text keeps as they are (Go's own words, tool names). */
const GO_TERMS = [
  'goroutine', 'goroutines', 'channel', 'channels', 'mutex', 'pprof', 'goleak', 'select', 'chan',
  'func', 'main', 'panic', 'defer', 'close', 'make', 'range', 'context', 'sync', 'atomic', 'time',
  'WaitGroup', 'Mutex', 'RWMutex', 'Cond', 'Lock', 'Unlock', 'RLock', 'RUnlock', 'Wait', 'Done',
  'Signal', 'Broadcast', 'Sleep', 'After', 'Tick', 'Ticker', 'Timer', 'Stop', 'Reset', 'Once',
  'golite', 'nil', 'true', 'false', 'len', 'cap', 'error', 'errgroup', 'GOMAXPROCS', 'GODEBUG',
  'asynctimerchan', 'race', 'Println', 'Printf', 'cancel', 'default', 'goroutineleak', 'postMessage',
  'iframe', 'deflate', 'base64url', 'debug',
  // Loanwords the Chinese lesson texts use as they are.
  'worker', 'workers', 'Prometheus',
  // The language switch names the other language in its own words, and says "中文 (Chinese)"
  // to a screen reader that reads English.
  'English', 'Chinese',
];

interface Finding {
  text: string;
  words: string[];
  where: string;
}

/** The visible English words outside code on the page, with where they are. */
async function englishLeft(page: Page): Promise<Finding[]> {
  return page.evaluate((terms) => {
    const skip = 'code, pre, kbd, samp, script, style, textarea, noscript, .src';
    const allowed = new Set(terms.map((t) => t.toLowerCase()));
    // The program's own identifiers (function, variable and parameter names) may be named.
    // Comments are English prose, not identifiers: a Go program's `// ...` comments are cut first
    // (a `//` inside a string or URL cuts a little more, which only makes the check stricter).
    // Each code line is a `code.src` of its own.
    const code = [...document.querySelectorAll('code, pre, .src')].map((e) => e.textContent ?? '');
    for (const t of document.querySelectorAll('textarea')) code.push((t as HTMLTextAreaElement).value);
    for (const src of code)
      for (const id of src.replace(/\/\/[^\n]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []) allowed.add(id.toLowerCase());
    const out: Finding[] = [];
    const check = (text: string, where: string) => {
      // Dotted Go names and file names are code, whatever they spell.
      const plain = text
        .replace(/[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+(\(\))?/g, ' ')
        .replace(/happens-before/g, ' ')
        // What a notice quotes from the URL is the learner's own text.
        .replace(/“[^”]*”/g, ' ');
      const words = (plain.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !allowed.has(w.toLowerCase()));
      if (words.length > 0) out.push({ text: text.trim().slice(0, 160), words, where });
    };
    const at = (el: Element) =>
      `${el.tagName.toLowerCase()} in ${el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.className}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      check(n.textContent ?? '', at(el));
    }
    // Attributes speak even where the element's text is code (a code line's title, a button's
    // aria-label), so code is not skipped here; hidden elements are.
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext], [aria-roledescription]')) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !(el instanceof HTMLIFrameElement)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const v = el.getAttribute(a);
        if (v) check(v, `${at(el)} [${a}]`);
      }
    }
    return out;
  }, GO_TERMS);
}

async function expectChinese(page: Page, what: string) {
  const left = await englishLeft(page);
  if (left.length > 0) console.log(`${what}:\n` + left.map((f) => `  [${f.where}] ${f.text}`).join('\n'));
  expect.soft(left, `English left on ${what}`).toEqual([]);
}

const shots = process.env.SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `zh-${name}.png`) });
}

test('a lesson in Chinese: start, stepping, end, why is it stuck, In Go, a notice', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // An unknown URL key: its notice too.
  await page.goto('index.html?lesson=forgotten-sender&step=0&lang=zh&colour=red');
  await expect(page.getByTestId('play')).toBeEnabled();
  await expect(page.getByTestId('notice')).toBeVisible();
  await expectChinese(page, 'lesson 01 at the start');
  for (let i = 0; i < 12; i++) await page.getByTestId('step').click();
  await expectChinese(page, 'lesson 01 after 12 steps');
  await shot(page, 'lesson-steps');
  await page.getByTestId('to-end-bad').click();
  await verdictsShown(page);
  // Stepping past the end says so.
  await page.getByTestId('step').click();
  await expect(page.getByTestId('end-notice')).toHaveText('运行已结束：没有下一个事件了。后退（←）或回到开头，可以再看一遍。');
  await expectChinese(page, 'lesson 01 at the end');
  // Why is it stuck, from a badge, a channel and the map; In Go opened.
  await page.getByTestId('code-bad').locator('[data-testid="line-badge"][data-line="27"]').click();
  await expect(page.getByTestId('why-bad')).toBeVisible();
  await expectChinese(page, 'why is a goroutine stuck');
  await page.getByTestId('chans-bad').locator('li.gauge').first().click();
  await expectChinese(page, 'why, for a channel');
  await page.getByTestId('in-go-bad').locator('summary').click();
  await page.getByTestId('in-go-good').locator('summary').click();
  await expectChinese(page, 'In Go');
  await shot(page, 'lesson-end');
});

test('a race lesson in Chinese at its end: the race report and its marks', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=racy-counter&lang=zh');
  await verdictsShown(page);
  await page.getByTestId('in-go-bad').locator('summary').click();
  await expectChinese(page, 'lesson 15 at the end');
  await shot(page, 'race-end');
});

test('a deadlock lesson in Chinese at its end', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=unbuffered-deadlock&lang=zh');
  await verdictsShown(page);
  await page.getByTestId('in-go-bad').locator('summary').click();
  await expectChinese(page, 'lesson 07 at the end');
});

test('fix-it mode in Chinese, with a failed check', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=forgotten-sender&mode=fix&lang=zh');
  await expect(page.getByTestId('challenge')).toBeVisible();
  await expectChinese(page, 'fix-it mode');
  await page.getByTestId('challenge-check').click();
  await expect(page.getByTestId('challenge-result')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expectChinese(page, 'fix-it mode, failed');
  await shot(page, 'fix-failed');
});

test('the embed dialog in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('index.html?lesson=forgotten-sender&lang=zh');
  await verdictsShown(page);
  await page.getByTestId('embed').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectChinese(page, 'the embed dialog');
});

test('the scheduler page in Chinese, goal missed', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('?scheduler=dining-philosophers&lang=zh');
  await expect(page.getByTestId('scheduler-page')).toBeVisible();
  await expectChinese(page, 'the scheduler page');
  // Let Go decide: the philosophers eat in turn, no deadlock.
  await page.getByTestId('sched-finish').click();
  await expect(page.getByTestId('sched-status')).toHaveClass(/problem|good/);
  await expectChinese(page, 'the scheduler page at its end');
  await shot(page, 'scheduler-end');
});
