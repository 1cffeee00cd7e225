import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

// Paths are relative to this folder (test/). The worker's tests run inside workerd with the real
// migrations applied to a local D1 (isolated per test file), and test-only secrets.
const here = path.dirname(fileURLToPath(import.meta.url));

export default defineProject(async () => {
  const migrations = await readD1Migrations(path.join(here, '../migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: path.join(here, '../wrangler.toml') },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            // The property tests' run count (npm run test:quick lowers it); empty = each test's thorough default.
            SHIXUN_PROPERTY_RUNS: process.env.SHIXUN_PROPERTY_RUNS ?? '',
            ID_HMAC_KEY: 'test-hmac-key-0123456789abcdef',
            // 32 bytes of 0x01, base64.
            ID_ENC_KEY: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=',
          },
        },
      }),
    ],
    test: {
      name: 'worker',
      include: ['worker/**/*.test.ts'],
      setupFiles: ['./worker/apply-migrations.ts'],
      testTimeout: 60_000,
    },
  };
});
