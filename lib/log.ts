import 'server-only';
import pino, { type Logger } from 'pino';
import { getConfig } from './config';

let logger: Logger | undefined;

// Never pass a token, cookie, password or session id to the logger; log codes and ids of users.
export function getLogger(): Logger {
  logger ??= pino({ level: getConfig().logLevel, base: { app: 'login-lab' } });
  return logger;
}
