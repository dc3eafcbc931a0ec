// What the machine offers the tests: read here, so test files beside lib/ modules need not
// touch the environment themselves.
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// In CI a missing service fails the run; on a laptop the suite is skipped, loudly.
export const IN_CI = process.env.CI === 'true';

export function announceSkip(suite: string, hint: string): void {
  process.stderr.write(`\n*** SKIPPING ${suite}: ${hint}.\n`);
}
