import { decodeBase64url } from './base64url';

export type JsonObject = Record<string, unknown>;

export interface CompactJws {
  header: JsonObject;
  payload: JsonObject;
  headerText: string;
  payloadText: string;
  segments: [string, string, string];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Splits and decodes a compact JWS without trusting it. Null means TOKEN_MALFORMED.
export function parseCompactJws(token: string): CompactJws | null {
  const segments = token.split('.');
  if (segments.length !== 3) return null;
  const [headerPart, payloadPart, signaturePart] = segments as [string, string, string];
  if (!headerPart || !payloadPart || decodeBase64url(signaturePart) === null) return null;

  const headerText = decodeText(headerPart);
  const payloadText = decodeText(payloadPart);
  if (headerText === null || payloadText === null) return null;
  const header = parseObject(headerText);
  const payload = parseObject(payloadText);
  if (!header || !payload) return null;

  return {
    header,
    payload,
    headerText,
    payloadText,
    segments: [headerPart, payloadPart, signaturePart],
  };
}

function decodeText(segment: string): string | null {
  const bytes = decodeBase64url(segment);
  if (!bytes) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function parseObject(text: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as JsonObject)
      : null;
  } catch {
    return null;
  }
}
