// What the browser specs share: the golite CLI as the oracle for what a page must show, and
// the page's verdicts and console read as data.
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repo = path.resolve(__dirname, '../..');
export const artifacts = path.resolve(__dirname, 'artifacts');
/** The forgotten-sender lesson's folder. */
export const FS = path.join(repo, 'lessons/catalog/01-forgotten-sender');

export interface Leak {
  state: string;
  line: number;
  count: number;
}
export interface Report {
  outcome: string;
  panic: string;
  stdout: string;
  leaked: Leak[];
  peak_goroutines: number;
  /** The side's verdict, for a catalog lesson's bad.go or good.go (docs/REPORT.md). */
  verdict?: { tone: string; en: string; zh: string };
}

/** Runs the golite CLI (the same engine, natively) on a Go file. */
export function golite(file: string, sets: string[] = [], seed = 1): Report {
  const args = ['run', '-q', '-p', 'lessons', '--bin', 'golite', '--', 'run', file, '--json', '--seed', String(seed)];
  for (const s of sets) args.push('--set', s);
  // The report of a 100,001-goroutine run carries every goroutine's stack: tens of MB.
  const out = execFileSync('cargo', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  return JSON.parse(out) as Report;
}

/** Runs the golite CLI on Go source text, saved as `name` in a fresh temporary folder. */
export function goliteSource(name: string, src: string, sets: string[] = [], seed = 1): Report {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golite-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, src);
  try {
    return golite(file, sets, seed);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Collects what would show in the console of `page`: errors, warnings, uncaught exceptions,
 * failed requests and HTTP errors. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    // Playwright's own word when a test blocks service workers (playwright.config.ts): the
    // page's registration fails quietly, as where service workers are unavailable.
    if (msg.text() === 'Service Worker registration blocked by Playwright') return;
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  // A request the page itself abandoned (it navigated on, as a test visiting every lesson does)
  // is not a failure; a missing file is an HTTP error below, a dead server another errorText.
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? '';
    if (why !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} (${why})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

/** Waits until both runs finished and the verdicts are shown (the cursor is at the end): the
 * engine's own, not those made at build time that a lesson page shows until then
 * (`data-source="build"`, app/src/playback/verdict_shown.rs). */
export async function verdictsShown(page: Page) {
  for (const side of ['bad', 'good']) {
    const verdict = page.getByTestId(`verdict-${side}`).locator('.verdict[data-source="engine"]');
    await expect(verdict).toBeAttached({ timeout: 20_000 });
    // On a phone one program shows at a time (its tab carries the other's verdict).
    if (await page.getByTestId(`side-${side}`).isVisible()) await expect(verdict).toBeVisible();
  }
}

/** The leaks a side shows, as data. */
export async function shownLeaks(page: Page, side: string): Promise<Leak[]> {
  return page
    .getByTestId(`verdict-${side}`)
    .locator('[data-testid="leak"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        state: e.getAttribute('data-state') ?? '',
        line: Number(e.getAttribute('data-line')),
        count: Number(e.getAttribute('data-count')),
      })),
    );
}

/** A verdict as the page carries it: text and data attributes. */
export interface Verdict {
  text: string;
  outcome: string;
  tone: string;
  leaks: string;
  figures: string;
}

const unescapeHtml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#8203;/g, '\u200b').replace(/&amp;/g, '&');

/** One side's verdict in one language, as a lesson page's served HTML carries it (made at
 * build time: app/build.rs). */
export function servedVerdict(html: string, side: string, lang: string): Verdict {
  const box = html.split(`data-prerender="verdict-${side}">`)[1] ?? '';
  const re = new RegExp(
    `<div class="built-verdict" lang="${lang}"><p class="verdict tone-[a-z]+" data-outcome="([^"]*)" data-tone="([^"]*)" ` +
      `data-leaks="([^"]*)" data-figures="([^"]*)" data-source="build" lang="${lang}">([^<]*)</p>`,
  );
  const m = box.match(re);
  if (!m) throw new Error(`no ${lang} verdict for ${side} in the served page`);
  return { outcome: m[1], tone: m[2], leaks: m[3], figures: unescapeHtml(m[4]), text: unescapeHtml(m[5]) };
}

/** One side's verdict as the page shows it once its own run is over. */
export async function liveVerdict(page: Page, side: string): Promise<Verdict> {
  const p = page.getByTestId(`verdict-${side}`).locator('.verdict[data-source="engine"]');
  return {
    text: (await p.textContent()) ?? '',
    outcome: (await p.getAttribute('data-outcome')) ?? '',
    tone: (await p.getAttribute('data-tone')) ?? '',
    leaks: (await p.getAttribute('data-leaks')) ?? '',
    figures: (await p.getAttribute('data-figures')) ?? '',
  };
}

/** Fix mode: the learner's source in the editor, Check pressed, the result once graded. */
export async function challengeCheck(page: Page, src: string) {
  await page.getByTestId('challenge-editor').fill(src);
  await page.getByTestId('challenge-check').click();
  const result = page.getByTestId('challenge-result');
  await expect(result).toHaveAttribute('data-state', /passed|failed/, { timeout: 60_000 });
  return result;
}

/** One lesson graded in the page, as the page timed it (milliseconds). */
export interface GradeTiming {
  lesson: string;
  fix_ms: number;
  fix_longest_case_ms: number;
  bad_ms: number;
  bad_longest_case_ms: number;
}

/** Grades each catalog lesson's good.go (must pass) and bad.go (must fail) in fix mode. */
export async function gradeLessons(page: Page, dirs: string[]): Promise<GradeTiming[]> {
  const rows: GradeTiming[] = [];
  for (const dir of dirs) {
    const slug = dir.slice(3);
    const folder = path.join(repo, 'lessons/catalog', dir);
    await page.goto(`index.html?lesson=${slug}&mode=fix`);
    const good = await challengeCheck(page, fs.readFileSync(path.join(folder, 'good.go'), 'utf8'));
    await expect(good, slug).toHaveAttribute('data-state', 'passed');
    const bad = await challengeCheck(page, fs.readFileSync(path.join(folder, 'bad.go'), 'utf8'));
    await expect(bad, slug).toHaveAttribute('data-state', 'failed');
    rows.push({
      lesson: dir,
      fix_ms: Number(await good.getAttribute('data-grade-ms')),
      fix_longest_case_ms: Number(await good.getAttribute('data-longest-case-ms')),
      bad_ms: Number(await bad.getAttribute('data-grade-ms')),
      bad_longest_case_ms: Number(await bad.getAttribute('data-longest-case-ms')),
    });
  }
  return rows;
}
