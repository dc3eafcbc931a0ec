import { describe, expect, it } from 'vitest';
import { encodeBase64urlText } from '@/lib/auth/base64url';
import { findDuplicateMembers } from './json-members';
import { parseTokenInput } from './parse-token';

const HEADER = encodeBase64urlText('{"alg":"HS256","typ":"JWT"}');
const PAYLOAD = encodeBase64urlText('{"sub":"1"}');

describe('parseTokenInput', () => {
  it('trims surrounding whitespace and says so', () => {
    const parsed = parseTokenInput(`\n  ${HEADER}.${PAYLOAD}.c2ln \t`);
    expect(parsed.token).toBe(`${HEADER}.${PAYLOAD}.c2ln`);
    expect(parsed.notes).toEqual(['surrounding whitespace trimmed (5 characters)']);
  });

  it('adds no note when nothing was trimmed', () => {
    expect(parseTokenInput(`${HEADER}.${PAYLOAD}.c2ln`).notes).toEqual([]);
  });

  it('drops a pasted Bearer prefix with a note', () => {
    const parsed = parseTokenInput(`Bearer ${HEADER}.${PAYLOAD}.c2ln`);
    expect(parsed.kind).toBe('jws');
    expect(parsed.notes).toContain('the "Bearer " prefix was removed');
  });

  it('recognises a five-part token as a JWE and decodes only its header', () => {
    const jweHeader = encodeBase64urlText('{"alg":"dir","enc":"A256GCM"}');
    const parsed = parseTokenInput(`${jweHeader}..aXY.Y2lwaGVy.dGFn`);
    expect(parsed.kind).toBe('jwe');
    expect(parsed.header?.value).toEqual({ alg: 'dir', enc: 'A256GCM' });
    expect(parsed.payload).toBeNull();
    expect(parsed.segments.map((segment) => segment.role)).toEqual([
      'header',
      'encrypted-key',
      'iv',
      'ciphertext',
      'tag',
    ]);
  });

  it('reports a four-part token as malformed but still decodes what it can', () => {
    const parsed = parseTokenInput(`${HEADER}.${PAYLOAD}.c2ln.x`);
    expect(parsed.kind).toBe('malformed');
    expect(parsed.errors).toEqual(['4 parts: a compact JWS has 3, a JWE 5']);
    expect(parsed.payload?.value).toEqual({ sub: '1' });
  });

  it('decodes a padded or standard-alphabet segment and flags it', () => {
    const parsed = parseTokenInput(`${HEADER}.${PAYLOAD}==.ab+/`);
    expect(parsed.payload?.value).toEqual({ sub: '1' });
    expect(parsed.segments[1]?.flaws.padding).toBe(true);
    expect(parsed.segments[2]?.flaws.standardAlphabet).toBe(true);
  });

  it('decodes non-ASCII claims as UTF-8 exactly', () => {
    const name = 'José Ñandú 使 Привет 👋';
    const parsed = parseTokenInput(
      `${HEADER}.${encodeBase64urlText(JSON.stringify({ name }))}.c2ln`,
    );
    expect(parsed.payload?.value?.name).toBe(name);
  });

  it('refuses bytes that are not UTF-8 instead of guessing', () => {
    const parsed = parseTokenInput(
      `${HEADER}.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.c2ln`,
    );
    expect(parsed.payload?.error).toBe('not valid UTF-8');
  });

  it('keeps a byte order mark instead of hiding it', () => {
    const parsed = parseTokenInput(`${HEADER}.${encodeBase64urlText('\uFEFF{"sub":"1"}')}.c2ln`);
    expect(parsed.payload?.text.startsWith('\uFEFF')).toBe(true);
    expect(parsed.payload?.error).toBe('not valid JSON');
  });

  it('counts the byte length of the trimmed token', () => {
    expect(parseTokenInput(`  ${HEADER}.${PAYLOAD}.c2ln  `).byteLength).toBe(
      `${HEADER}.${PAYLOAD}.c2ln`.length,
    );
  });
});

describe('findDuplicateMembers', () => {
  it('finds a top-level name given twice, with both positions', () => {
    const text = '{"role":"user","sub":"1","role":"admin"}';
    const [duplicate] = findDuplicateMembers(text);
    expect(duplicate?.name).toBe('role');
    expect(duplicate?.occurrences.map(({ start, end }) => text.slice(start, end))).toEqual([
      '"role"',
      '"role"',
    ]);
  });

  it('treats escaped and plain spellings of a name as the same name', () => {
    expect(findDuplicateMembers('{"role":1,"r\\u006fle":2}').map((d) => d.name)).toEqual(['role']);
  });

  it('ignores equal names in nested objects and string values that look like names', () => {
    const text = '{"a":{"x":1},"b":{"x":2},"c":"\\"a\\":","d":["a","a"]}';
    expect(findDuplicateMembers(text)).toEqual([]);
  });

  it('copes with whitespace and CR LF between a name and its colon', () => {
    expect(findDuplicateMembers('{"a" \r\n: 1,\r\n "a"\t:2}').map((d) => d.name)).toEqual(['a']);
  });
});
