import { describe, expect, it } from 'vitest';
import { inspectToken } from './inspect';
import { createSampleToken } from './sample';

describe('createSampleToken', () => {
  it('makes a token that verifies with its base64url secret and runs for 15 minutes', async () => {
    const now = 1_780_272_000;
    const sample = await createSampleToken(now);
    const result = await inspectToken(
      sample.token,
      { kind: 'secret-base64url', text: sample.secret },
      now,
    );
    expect(result.verdict.status).toBe('valid');
    expect(result.warnings).toEqual([]);
    expect(result.analysis.claimRows.find((row) => row.name === 'exp')?.time?.relative).toBe(
      'valid for 15 more minutes',
    );
  });
});
