import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The sandbox in edge-runtime.test.ts proves the code runs on Web APIs; this proves the modules
// the gate is made of do not even import a Node built-in or a Node-only package.
const GATE_MODULES = [
  'base64url.ts',
  'compact.ts',
  'cookies.ts',
  'errors.ts',
  'gate.ts',
  'jwt.ts',
  'modes.ts',
  'roles.ts',
  'seal.ts',
  'sessions.ts',
];
const ALLOWED_PACKAGES = new Set(['jose', 'iron-session']);

describe('gate modules', () => {
  it.each(GATE_MODULES)('%s imports only relative modules and Web-safe packages', (file) => {
    const source = readFileSync(path.join(import.meta.dirname, file), 'utf8');
    const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    const foreign = specifiers.filter((s) => !s.startsWith('.') && !ALLOWED_PACKAGES.has(s));
    expect(foreign).toEqual([]);
    expect(source).not.toMatch(/require\(|process\.|Buffer\./);
  });
});
