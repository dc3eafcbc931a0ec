import { describeClaims, describeHeaderParameters } from './claims';
import type { ClaimRow } from './claims';
import type { KeyInput } from './keys';
import { parseTokenInput, readJsonObject } from './parse-token';
import type { DecodedJson, ParsedToken } from './parse-token';
import { verifySignature } from './verify';
import type { Verdict } from './verify';
import { collectContentWarnings, collectEncodingWarnings } from './warnings';
import type { InspectorWarning } from './warnings';

export interface TokenAnalysis {
  header: DecodedJson | null;
  payload: DecodedJson | null;
  headerRows: ClaimRow[];
  claimRows: ClaimRow[];
  warnings: InspectorWarning[];
}

export interface TokenInspection {
  parsed: ParsedToken;
  analysis: TokenAnalysis;
  verdict: Verdict;
  warnings: InspectorWarning[];
}

// `now` is in seconds since 1970.
export function analyzeDecoded(
  header: DecodedJson | null,
  payload: DecodedJson | null,
  now: number,
  encrypted = false,
): TokenAnalysis {
  return {
    header,
    payload,
    headerRows: header?.value ? describeHeaderParameters(header.value, encrypted) : [],
    claimRows: payload?.value ? describeClaims(payload.value, now) : [],
    warnings: collectContentWarnings(header, payload, now),
  };
}

export function analyzeToken(parsed: ParsedToken, now: number): TokenAnalysis {
  const analysis = analyzeDecoded(parsed.header, parsed.payload, now, parsed.kind === 'jwe');
  return { ...analysis, warnings: [...collectEncodingWarnings(parsed), ...analysis.warnings] };
}

export function analyzeTexts(headerText: string, payloadText: string, now: number): TokenAnalysis {
  return analyzeDecoded(readJsonObject(headerText), readJsonObject(payloadText), now);
}

export async function inspectToken(
  input: string,
  key: KeyInput | null,
  now: number,
): Promise<TokenInspection> {
  const parsed = parseTokenInput(input);
  const analysis = analyzeToken(parsed, now);
  const { verdict, warnings } = await verifySignature(parsed, key);
  return { parsed, analysis, verdict, warnings: [...analysis.warnings, ...warnings] };
}
