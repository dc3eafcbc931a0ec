// RFC 7515 §2 base64url without padding. Strict: a string is accepted only in its canonical form,
// so one token has exactly one spelling (no padding, no '+' or '/', no stray trailing bits).
const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function decodeBase64url(input: string): Uint8Array | null {
  if (!ALPHABET.test(input) || input.length % 4 === 1) return null;
  const binary = atob(input.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return encodeBase64url(bytes) === input ? bytes : null;
}

export function encodeBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function encodeBase64urlText(text: string): string {
  return encodeBase64url(new TextEncoder().encode(text));
}
