import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The shared token cases (../shared/cases/jwt.json) and the mutations they describe, applied to a
// token the app issued. See ../shared/cases/README.md for the meaning of each $-directive.

export interface GateAnswer {
  status: number;
  code?: string;
}

export interface FixedTokenCase {
  id: string;
  token: string;
  gate: GateAnswer;
}

export interface MutationCase {
  id: string;
  header?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  resign: true | false | 'another key';
  gate: GateAnswer;
}

export interface AuthorizationHeaderCase {
  id: string;
  authorization: string;
  gate: GateAnswer;
}

export interface JwtCases {
  fixed_tokens: FixedTokenCase[];
  mutations_of_a_fresh_token: MutationCase[];
  authorization_header: AuthorizationHeaderCase[];
}

export function loadJwtCases(): JwtCases {
  const file = path.resolve(process.cwd(), '../shared/cases/jwt.json');
  return JSON.parse(readFileSync(file, 'utf8')) as JwtCases;
}

type Claims = Record<string, unknown>;

function decodeSegment(segment: string): Claims {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Claims;
}

// Buffer's base64url output is the RFC 7515 form: URL alphabet, no padding.
function encodeSegment(value: Claims): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function resolveDirective(directive: unknown, original: unknown, now: number): unknown {
  if (typeof directive !== 'string' || !directive.startsWith('$')) return directive;
  if (directive === '$keep') return original;
  if (directive === '$delete') return undefined;
  if (directive === '$string(exp)') return String(original);
  const relative = /^\$now([+-]\d+)$/.exec(directive);
  if (relative) return now + Number(relative[1]);
  const repeat = /^\$repeat\((.),(\d+)\)$/.exec(directive);
  if (repeat) return repeat[1]!.repeat(Number(repeat[2]));
  throw new Error(`Unknown directive in jwt.json: ${directive}`);
}

function applyChanges(claims: Claims, changes: Record<string, unknown> = {}, now: number): Claims {
  const result: Claims = { ...claims };
  for (const [name, directive] of Object.entries(changes)) {
    const value = resolveDirective(directive, claims[name], now);
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}

function hs256(signingInput: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(signingInput).digest('base64url');
}

// Applies one case to a token the app issued. `secret` is the app's JWT_SECRET as text; the app
// uses its UTF-8 bytes as the HS256 key.
export function mutateToken(token: string, change: MutationCase, secret: string): string {
  const [headerPart, payloadPart, signature] = token.split('.') as [string, string, string];
  const now = Math.floor(Date.now() / 1000);
  const header = applyChanges(decodeSegment(headerPart), change.header, now);
  const payload = applyChanges(decodeSegment(payloadPart), change.payload, now);
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;

  if (change.resign === false) return `${signingInput}.${signature}`;
  const key = change.resign === true ? new TextEncoder().encode(secret) : randomBytes(32);
  return `${signingInput}.${hs256(signingInput, key)}`;
}

export function decodePayload(token: string): Claims {
  return decodeSegment(token.split('.')[1]!);
}
