import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectToken } from './inspect';
import type { KeyInput } from './keys';

interface InspectorCase {
  id: string;
  token: string;
  inspector: {
    key?: { jwk?: object; secret_utf8?: string; secret_base64url?: string; pem?: string };
    signature?: string;
    warnings?: string[];
    shows?: Record<string, string>;
  };
}

const casesPath = path.resolve(process.cwd(), '../shared/cases/jwt.json');
const cases = (JSON.parse(readFileSync(casesPath, 'utf8')).fixed_tokens as InspectorCase[]).filter(
  (entry) => entry.inspector,
);
// Frozen at 2026-06-01T00:00:00Z: after every iat in the file, before every exp in 2100.
const NOW = 1_780_272_000;

function toKeyInput(key: InspectorCase['inspector']['key']): KeyInput | null {
  if (key?.jwk) return { kind: 'jwk', text: JSON.stringify(key.jwk) };
  if (key?.secret_utf8 !== undefined) return { kind: 'secret-text', text: key.secret_utf8 };
  if (key?.secret_base64url !== undefined)
    return { kind: 'secret-base64url', text: key.secret_base64url };
  if (key?.pem) return { kind: 'pem', text: key.pem };
  return null;
}

describe('inspector cases from jwt.json', () => {
  it('finds the inspector entries', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases.map((entry) => [entry.id, entry] as const))('%s', async (_id, entry) => {
    const result = await inspectToken(entry.token, toKeyInput(entry.inspector.key), NOW);
    const messages = result.warnings.map((warning) => warning.message.toLowerCase());

    if (entry.inspector.signature === 'valid') expect(result.verdict.status).toBe('valid');
    if (entry.inspector.signature) {
      expect(result.verdict.message.toLowerCase()).toContain(
        entry.inspector.signature.toLowerCase(),
      );
    }
    for (const expected of entry.inspector.warnings ?? []) {
      expect(messages.some((message) => message.includes(expected.toLowerCase()))).toBe(true);
    }
    for (const [claim, value] of Object.entries(entry.inspector.shows ?? {})) {
      expect(result.analysis.claimRows.find((row) => row.name === claim)?.display).toBe(value);
    }
  });
});

describe('rfc7515-a1 in detail', () => {
  const entry = cases.find((item) => item.id === 'rfc7515-a1');
  const k = (entry?.inspector.key?.jwk as { k: string }).k;

  it('keeps the CR LF and the URI claim name intact', async () => {
    const result = await inspectToken(entry?.token ?? '', null, NOW);
    expect(result.analysis.payload?.text).toContain('\r\n');
    expect(result.analysis.claimRows.map((row) => row.name)).toContain(
      'http://example.com/is_root',
    );
  });

  it('gives an invalid signature when k is pasted as a plain-text secret', async () => {
    const result = await inspectToken(entry?.token ?? '', { kind: 'secret-text', text: k }, NOW);
    expect(result.verdict).toMatchObject({ status: 'invalid', message: 'invalid signature' });
  });

  it('verifies when k is pasted as a base64url secret', async () => {
    const result = await inspectToken(
      entry?.token ?? '',
      { kind: 'secret-base64url', text: k },
      NOW,
    );
    expect(result.verdict.status).toBe('valid');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['expired']);
  });
});
