import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once so CLI tests spawn the current code.
    globalSetup: ['test/global-setup.ts'],
    // Browser and LibreOffice tests spawn real processes; give them room without hiding hangs.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
