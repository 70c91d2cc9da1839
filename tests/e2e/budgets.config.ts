// Playwright config for the performance budgets (script/budgets), kept apart from the e2e tests:
// budgets measure, they do not gate correctness, and they want one worker on a quiet machine.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './budgets',
  outputDir: './artifacts/budget-results',
  timeout: 120_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
});
