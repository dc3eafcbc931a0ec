import { findDuplicateMembers } from './json-members';
import type { DuplicateMember } from './json-members';
import { decodeSegmentLeniently, decodeUtf8Exactly } from './segment';
import type { SegmentFlaws } from './segment';

export type JsonObject = Record<string, unknown>;

export type TokenKind = 'empty' | 'jws' | 'jwe' | 'malformed';

export type SegmentRole =
  'header' | 'payload' | 'signature' | 'encrypted-key' | 'iv' | 'ciphertext' | 'tag' | 'extra';

export interface TokenSegment {
  role: SegmentRole;
  text: string;
  flaws: SegmentFlaws;
}

export interface DecodedJson {
  text: string;
  value: JsonObject | null;
  error: string | null;
  duplicates: DuplicateMember[];
}

export interface ParsedToken {
  token: string;
  notes: string[];
  kind: TokenKind;
  segments: TokenSegment[];
  header: DecodedJson | null;
  payload: DecodedJson | null;
  byteLength: number;
  errors: string[];
}

const JWS_ROLES: SegmentRole[] = ['header', 'payload', 'signature'];
const JWE_ROLES: SegmentRole[] = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'];

export function parseTokenInput(input: string): ParsedToken {
  const notes: string[] = [];
  let token = input.trim();
  if (token !== input)
    notes.push(`surrounding whitespace trimmed (${input.length - token.length} characters)`);
  const bearer = /^bearer\s+/i.exec(token);
  if (bearer) {
    token = token.slice(bearer[0].length);
    notes.push('the "Bearer " prefix was removed');
  }
  const byteLength = new TextEncoder().encode(token).length;
  if (token === '')
    return {
      token,
      notes,
      kind: 'empty',
      segments: [],
      header: null,
      payload: null,
      byteLength,
      errors: [],
    };

  const parts = token.split('.');
  const kind: TokenKind = parts.length === 3 ? 'jws' : parts.length === 5 ? 'jwe' : 'malformed';
  const roles = kind === 'jwe' ? JWE_ROLES : JWS_ROLES;
  const segments = parts.map((text, index) => ({
    role: roles[index] ?? 'extra',
    text,
    flaws: decodeSegmentLeniently(text).flaws,
  }));
  const errors = kind === 'malformed' ? [describePartCount(parts.length)] : [];

  const header = decodeJsonSegment(parts[0] ?? '');
  const payload = kind === 'jwe' || parts.length < 2 ? null : decodeJsonSegment(parts[1] ?? '');
  return { token, notes, kind, segments, header, payload, byteLength, errors };
}

export function readJsonObject(text: string): DecodedJson {
  const duplicates = findDuplicateMembers(text);
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { text, value: null, error: 'not a JSON object', duplicates };
    }
    return { text, value: value as JsonObject, error: null, duplicates };
  } catch {
    return { text, value: null, error: 'not valid JSON', duplicates };
  }
}

function decodeJsonSegment(segment: string): DecodedJson {
  if (segment === '') return { text: '', value: null, error: 'empty segment', duplicates: [] };
  const { bytes } = decodeSegmentLeniently(segment);
  if (!bytes) return { text: '', value: null, error: 'not base64url', duplicates: [] };

  const decoded = decodeUtf8Exactly(bytes);
  if (!decoded.validUtf8) {
    return { text: decoded.text, value: null, error: 'not valid UTF-8', duplicates: [] };
  }
  return readJsonObject(decoded.text);
}

function describePartCount(count: number): string {
  if (count === 1) return 'no dots: a compact JWS has 3 parts, a JWE 5';
  return `${count} parts: a compact JWS has 3, a JWE 5`;
}
