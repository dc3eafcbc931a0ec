// Lenient base64url for the inspector: it decodes what a strict parser refuses, and says why the
// input is not a canonical compact-serialization segment (RFC 7515 §2, §7.1).

export interface SegmentFlaws {
  padding: boolean;
  standardAlphabet: boolean;
  invalidCharacters: boolean;
  impossibleLength: boolean;
}

export interface DecodedSegment {
  bytes: Uint8Array | null;
  flaws: SegmentFlaws;
}

export interface DecodedText {
  text: string;
  validUtf8: boolean;
}

const URL_SAFE = /^[A-Za-z0-9_-]*$/;

export function decodeSegmentLeniently(segment: string): DecodedSegment {
  const padding = /=/.test(segment);
  const standardAlphabet = /[+/]/.test(segment);
  const normalized = segment.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const invalidCharacters = !URL_SAFE.test(normalized);
  const impossibleLength = normalized.length % 4 === 1;
  const flaws = { padding, standardAlphabet, invalidCharacters, impossibleLength };
  if (invalidCharacters || impossibleLength) return { bytes: null, flaws };

  const binary = atob(normalized.replace(/-/g, '+').replace(/_/g, '/'));
  return { bytes: Uint8Array.from(binary, (c) => c.charCodeAt(0)), flaws };
}

export function hasSegmentFlaws(flaws: SegmentFlaws): boolean {
  return (
    flaws.padding || flaws.standardAlphabet || flaws.invalidCharacters || flaws.impossibleLength
  );
}

// ignoreBOM keeps a leading U+FEFF instead of silently dropping it: the text shown is exactly
// what the bytes say, and a BOM then fails JSON parsing as it would in most verifiers.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeUtf8Exactly(bytes: Uint8Array): DecodedText {
  try {
    return { text: strictUtf8.decode(bytes), validUtf8: true };
  } catch {
    return { text: lossyUtf8.decode(bytes), validUtf8: false };
  }
}
