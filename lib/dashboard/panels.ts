import 'server-only';
import { createHash } from 'node:crypto';
import type { Viewer } from '../auth/authenticate';
import {
  authCookieAttributes,
  COOKIE_BYTE_LIMIT,
  cookieSize,
  describeAttributes,
} from '../auth/cookies';
import type { Credential } from '../auth/gate';
import { getAuthRuntime } from '../auth/runtime';
import { getConfig } from '../config';
import { getSessionStore } from '../session-store';
import type { StoredView } from '../session-store/types';

export interface CookieView {
  name: string;
  masked: string;
  fingerprint: string;
  size: number;
  limit: number;
  attributes: string[];
}

export interface TokenView {
  headerSegment: string;
  payloadSegment: string;
  signatureMasked: string;
  header: unknown;
  payload: Record<string, unknown>;
}

export interface StoreView {
  engine: string;
  stored: StoredView | null;
  lookupMs: number;
}

export interface DashboardView {
  cookie: CookieView;
  token: TokenView | null;
  store: StoreView | null;
  staleRole: { tokenRole: string; databaseRole: string } | null;
}

// The page never carries a whole credential: the value is masked to its ends plus a fingerprint.
export function maskCredential(value: string): { masked: string; fingerprint: string } {
  const masked = value.length <= 16 ? '•'.repeat(8) : `${value.slice(0, 8)}…${value.slice(-6)}`;
  const digest = createHash('sha256').update(value).digest('hex');
  return { masked, fingerprint: `SHA-256 ${digest.slice(0, 16).match(/.{4}/g)!.join(' ')}` };
}

export async function buildDashboard(
  viewer: Viewer,
  credential: Credential,
): Promise<DashboardView> {
  const runtime = getAuthRuntime();
  const maxAge = {
    jwt: runtime.jwt.accessTtl,
    sealed: runtime.seal.ttl,
    session: runtime.session.absoluteTtl,
  }[viewer.mode];
  const name = runtime.cookieNames[viewer.mode];
  const cookie: CookieView = {
    name,
    ...maskCredential(credential.value),
    size: cookieSize(name, credential.value),
    limit: COOKIE_BYTE_LIMIT,
    attributes: describeAttributes(authCookieAttributes(runtime.secure, maxAge)),
  };

  return {
    cookie,
    token: viewer.jwt ? describeToken(credential.value, viewer.jwt.claims) : null,
    store: viewer.session
      ? await describeStore(viewer.session.idHash, viewer.session.lookupMs)
      : null,
    staleRole:
      viewer.role !== viewer.user.role
        ? { tokenRole: viewer.role, databaseRole: viewer.user.role }
        : null,
  };
}

function describeToken(token: string, payload: Record<string, unknown>): TokenView {
  const [headerSegment = '', payloadSegment = '', signature = ''] = token.split('.');
  return {
    headerSegment,
    payloadSegment,
    signatureMasked: maskCredential(signature).masked,
    header: JSON.parse(Buffer.from(headerSegment, 'base64url').toString('utf8')),
    payload,
  };
}

async function describeStore(idHash: string, lookupMs: number): Promise<StoreView> {
  return {
    engine: getConfig().session.store,
    stored: await getSessionStore().inspect(idHash),
    lookupMs,
  };
}
