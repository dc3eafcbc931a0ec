import { compactVerify } from 'jose';
import type { VerifyOptions } from 'jose';
import { isAlgNone } from './algorithms';
import { resolveKey } from './keys';
import type { KeyInput } from './keys';
import { describeError } from './resolved-key';
import type { ResolvedKey } from './resolved-key';
import type { ParsedToken } from './parse-token';
import { hasSegmentFlaws } from './segment';
import type { InspectorWarning } from './warnings';

export type VerdictStatus = 'valid' | 'invalid' | 'not-verified' | 'never';

export interface Verdict {
  status: VerdictStatus;
  message: string;
  note: string | null;
}

export interface Verification {
  verdict: Verdict;
  warnings: InspectorWarning[];
}

// Answers what can be said before any key is tried: a token that can never be verified.
export function findUnverifiableReason(parsed: ParsedToken): Verdict | null {
  if (parsed.kind === 'empty') return notVerified('no token');
  if (parsed.kind === 'jwe')
    return notVerified('a JWE is encrypted; this page decodes its header only');
  if (parsed.kind === 'malformed') return notVerified('the token is malformed');
  const header = parsed.header?.value;
  if (!header)
    return notVerified(`the header cannot be read (${parsed.header?.error ?? 'missing'})`);
  if (isAlgNone(header.alg))
    return { status: 'never', message: 'never accepted (alg none)', note: null };
  if (typeof header.alg !== 'string') return notVerified('the header has no alg');
  if (parsed.segments.some((segment) => hasSegmentFlaws(segment.flaws))) {
    return notVerified('the token is ill-formed, so its signature is not checked');
  }
  return null;
}

// The signature alone: time claims are judged apart, so an expired token with a good signature
// is reported as valid plus a warning, never as "invalid".
export async function verifySignature(
  parsed: ParsedToken,
  input: KeyInput | null,
): Promise<Verification> {
  const early = findUnverifiableReason(parsed);
  if (early) return { verdict: early, warnings: [] };
  const header = parsed.header?.value ?? {};
  const alg = String(header.alg);
  if (!input || input.text.trim() === '') {
    return { verdict: notVerified('no key given'), warnings: [] };
  }

  try {
    const resolved = await resolveKey(input, alg, header.kid);
    if (!resolved.ok) return { verdict: notVerified(resolved.reason), warnings: resolved.warnings };
    return await checkSignature(parsed.token, resolved, header.crit);
  } catch (error) {
    return { verdict: notVerified(describeError(error)), warnings: [] };
  }
}

async function checkSignature(
  token: string,
  resolved: Extract<ResolvedKey, { ok: true }>,
  crit: unknown,
): Promise<Verification> {
  try {
    await compactVerify(token, resolved.key, readCritOption(crit));
    return {
      verdict: { status: 'valid', message: 'valid signature', note: resolved.note },
      warnings: resolved.warnings,
    };
  } catch (error) {
    const failed = (error as { code?: unknown }).code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
    const verdict: Verdict = failed
      ? { status: 'invalid', message: 'invalid signature', note: resolved.note }
      : notVerified(describeError(error));
    return { verdict, warnings: resolved.warnings };
  }
}

// RFC 7515 §4.1.11: jose refuses unknown crit names; the inspector still checks the signature
// and warns about crit separately.
function readCritOption(crit: unknown): VerifyOptions {
  if (!Array.isArray(crit)) return {};
  return {
    crit: Object.fromEntries(
      crit.filter((name) => typeof name === 'string').map((name) => [name, true]),
    ),
  };
}

function notVerified(reason: string): Verdict {
  return { status: 'not-verified', message: `not verified: ${reason}`, note: null };
}
