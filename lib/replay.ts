import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { GET as getMe } from '@/app/api/me/route';
import type { Credential } from './auth/gate';
import { AUTH_MODES, type AuthMode } from './auth/modes';
import { getAuthRuntime } from './auth/runtime';
import { getConfig } from './config';

// "Replay my cookie": the server keeps the credential it was just sent, the user logs out, and
// the copy is presented to the real /api/me handler. The page only ever sees the verdict.

const REPLAY_COOKIE = 'll_replay';

const verdictSchema = z.object({
  status: z.number(),
  code: z.string().optional(),
  sealedRevocation: z.boolean(),
  at: z.string(),
});
export type ReplayVerdict = z.infer<typeof verdictSchema>;
const verdictsSchema = z.partialRecord(z.enum(AUTH_MODES), verdictSchema);
export type ReplayVerdicts = z.infer<typeof verdictsSchema>;

export async function replayCredential(copy: Credential): Promise<ReplayVerdict> {
  const name = getAuthRuntime().cookieNames[copy.mode];
  const request = new Request(new URL('/api/me', getConfig().appUrl), {
    headers: { cookie: `${name}=${copy.value}` },
  });
  const response = await getMe(request, {});
  const body = (await response.json()) as { error?: { code: string } };
  return {
    status: response.status,
    code: body.error?.code,
    sealedRevocation: getConfig().seal.revocation,
    at: new Date().toISOString(),
  };
}

export async function readReplayVerdicts(): Promise<ReplayVerdicts> {
  const raw = (await cookies()).get(REPLAY_COOKIE)?.value;
  if (!raw) return {};
  try {
    const parsed = verdictsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function saveReplayVerdict(mode: AuthMode, verdict: ReplayVerdict): Promise<void> {
  const verdicts = { ...(await readReplayVerdicts()), [mode]: verdict };
  (await cookies()).set(REPLAY_COOKIE, JSON.stringify(verdicts), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: getAuthRuntime().secure,
    maxAge: 86_400,
  });
}
