// Playwright runs the browser tests against dist/ (built by script/build) served as
// script/server serves it (nginx: precompressed files, cache headers, lesson pages), in Debian's
// Chromium: Playwright's own browser download does not work on these machines.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8090);

export default defineConfig({
  testDir: './specs',
  outputDir: './artifacts/test-results',
  // Per test. Several take 15-25 s on a 2-core machine running two browsers, and a third more
  // when the machine is busy: the bound catches a hang, it does not time the page (budgets do).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [
    ['list'],
    ['json', { outputFile: './artifacts/results.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    // Each test starts without the service worker, so what it intercepts (page.route) reaches
    // the page: specs/load.spec.ts tests the worker in contexts of its own.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `../../script/server --no-build --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
