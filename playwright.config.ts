import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/chromium.ts';
/** Ports of the app and the host-page fixture (`APP_PORT`, `HOST_PORT` let parallel checkouts coexist). */
export const APP_PORT = Number(process.env.APP_PORT ?? 4173);
export const HOST_PORT = Number(process.env.HOST_PORT ?? 4174);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: CHROMIUM_LAUNCH
  },
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000
    },
    {
      command: `node tests/fixtures/host/serve.mjs`,
      url: `http://127.0.0.1:${HOST_PORT}/`,
      env: { HOST_PORT: String(HOST_PORT), MAP_ORIGIN: `http://127.0.0.1:${APP_PORT}` },
      reuseExistingServer: !process.env.CI,
      timeout: 20_000
    }
  ]
});
