import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. argon2id is the binding's
// default algorithm (its enum cannot be imported under isolatedModules; password.test.ts checks
// the hash prefix). The native binding runs on libuv's thread pool, so a login never stalls the
// event loop.
const ARGON2_OPTIONS = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// For unknown emails: spend the same time as a real check, then fail.
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('login-lab dummy password for timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
