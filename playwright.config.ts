import { defineConfig, devices } from '@playwright/test';

// The console's browser tests (`npm test -- browser`; `npm test` runs them after the integration
// tests). scripts/test.mjs provides PostgreSQL, Kafka and a free port; test/browser/serve.mjs starts
// the built app on them. Chromium is Debian's package (scripts/ensure-chromium.sh): no download.
const port = Number(process.env.BROWSER_APP_PORT ?? 38651);
// Traces, screenshots and the JSON report (scripts/test.mjs reads it); a folder per run when given.
const outputDir = process.env.BROWSER_OUTPUT_DIR ?? 'test-results/browser';

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '*.pw.ts',
  outputDir,
  forbidOnly: !!process.env.CI,
  // One browser at a time: the two cores also run the app, PostgreSQL and Kafka.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `${outputDir}/report.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      },
    },
  ],
  webServer: {
    command: 'node test/browser/serve.mjs',
    // Printed once the demo seller and its orders are in (main.ts logs after seeding); the sandbox's
    // dev operator token lands in process.env.BROWSER_OPERATOR_TOKEN for tests that set data up.
    // No `port` or `url`: Playwright would start the tests as soon as either that or the output
    // answered, before the demo is seeded and the token printed.
    wait: { stdout: /Dev operator token: (?<browser_operator_token>[\w.-]+)/ },
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
