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
      // the sub-path e2e: the app built with --base /oidc-lab/, on vite preview and on a plain static host
      env: {
        IDP_DEVICE_POLL_INTERVAL: '1',
        IDP_APP_ORIGINS: 'http://localhost:4174/oidc-lab/,http://localhost:4175/oidc-lab/',
      },
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
    {
      command: 'npm run preview -- --base /oidc-lab/ --outDir dist-base --port 4174',
      url: 'http://localhost:4174/oidc-lab/',
      reuseExistingServer: !isCI,
      timeout: 30_000,
    },
  ],
})
