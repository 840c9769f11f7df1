import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/chromium'

const isCI = !!process.env.CI

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: 'http://localhost:4173',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: 'npm run idp',
      // the device grant's polling interval: 1 s keeps the e2e short (the realm's default is 5 s)
      env: { IDP_DEVICE_POLL_INTERVAL: '1' },
      url: 'http://localhost:8080/realms/demo/.well-known/openid-configuration',
      reuseExistingServer: !isCI,
      timeout: 30_000,
    },
    {
      command: 'npm run preview',
      url: 'http://localhost:4173',
      reuseExistingServer: !isCI,
      timeout: 30_000,
    },
  ],
})
