import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One electron-vite build for the tests that look at the bundles or serve the UI.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits for the screen as Playwright's actions do (10 s), not vitest's 1 s: on a loaded
    // two-core CI machine a grid filter or a save through the bridge can take longer than a second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    // SQLite files and a browser per file: two cores, so keep the pool small.
    maxWorkers: 2
  }
})
