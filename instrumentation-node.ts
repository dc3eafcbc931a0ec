import { getConfig } from './lib/config';
import { getDb } from './lib/db/client';

// A missing or weak secret stops start-up here, naming the variable. Next would only log an
// error thrown from register() and go on serving failures; a misconfigured server must not run.
try {
  getConfig();
  getDb();
} catch (error) {
  process.stderr.write(`Login Lab cannot start: ${(error as Error).message}\n`);
  process.exit(1);
}
