import 'server-only';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from '../config';

// Failed logins are counted three ways, and only failures count:
// - per email+address: tight, stops one client guessing one account;
// - per address: stops one client spraying many accounts;
// - per email alone: looser, and holds even when a client fakes its address, so no account can
//   be guessed faster than this however many addresses the guesses come from.
// A success clears the email+address counter.
// TODO(rate-limit-shared): counters live in process memory; several instances need Redis.

interface Limiters {
  byClientAccount: RateLimiterMemory;
  byClient: RateLimiterMemory;
  byAccount: RateLimiterMemory;
}

let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  const { maxFailures, accountMaxFailures, ipMaxFailures, window } = getConfig().loginLimits;
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterMemory({ keyPrefix, points, duration: window });
  limiters ??= {
    byClientAccount: limiter('login-client-account', maxFailures),
    byClient: limiter('login-client', ipMaxFailures),
    byAccount: limiter('login-account', accountMaxFailures),
  };
  return limiters;
}

function keysFor(email: string, ip: string): Array<[RateLimiterMemory, string]> {
  const { byClientAccount, byClient, byAccount } = getLimiters();
  return [
    [byClientAccount, `${email}|${ip}`],
    [byClient, ip],
    [byAccount, email],
  ];
}

// Seconds to wait before another attempt is allowed, or 0.
export async function loginRetryAfter(email: string, ip: string): Promise<number> {
  const states = await Promise.all(keysFor(email, ip).map(([limiter, key]) => limiter.get(key)));
  const blocked = states.filter((s): s is RateLimiterRes => s !== null && s.remainingPoints <= 0);
  if (blocked.length === 0) return 0;
  return Math.max(...blocked.map((s) => Math.ceil(s.msBeforeNext / 1000)), 1);
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await Promise.allSettled(keysFor(email, ip).map(([limiter, key]) => limiter.penalty(key, 1)));
}

export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  await getLimiters().byClientAccount.delete(`${email}|${ip}`);
}
