import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from '../config';

// Failed logins are counted per email+IP (stops guessing one account) and per IP (stops
// spraying many accounts). Only failures count; a success clears the email+IP counter.
// TODO(rate-limit-shared): counters live in process memory; several instances need Redis.

interface Limiters {
  byAccount: RateLimiterMemory;
  byIp: RateLimiterMemory;
}

let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  const { maxFailures, ipMaxFailures, window } = getConfig().loginLimits;
  limiters ??= {
    byAccount: new RateLimiterMemory({ keyPrefix: 'login-account', points: maxFailures, duration: window }),
    byIp: new RateLimiterMemory({ keyPrefix: 'login-ip', points: ipMaxFailures, duration: window }),
  };
  return limiters;
}

// Seconds to wait before another attempt is allowed, or 0.
export async function loginRetryAfter(email: string, ip: string): Promise<number> {
  const { byAccount, byIp } = getLimiters();
  const [account, address] = await Promise.all([byAccount.get(`${email}|${ip}`), byIp.get(ip)]);
  const blocked = [
    account && account.remainingPoints <= 0 ? account : null,
    address && address.remainingPoints <= 0 ? address : null,
  ].filter((r): r is RateLimiterRes => r !== null);
  if (blocked.length === 0) return 0;
  return Math.max(...blocked.map((r) => Math.ceil(r.msBeforeNext / 1000)), 1);
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const { byAccount, byIp } = getLimiters();
  await Promise.allSettled([byAccount.penalty(`${email}|${ip}`, 1), byIp.penalty(ip, 1)]);
}

export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  await getLimiters().byAccount.delete(`${email}|${ip}`);
}
