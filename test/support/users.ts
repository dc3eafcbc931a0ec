import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The password every test user gets: long enough for the 15-character rule, never a wrong guess.
export const PASSWORD = 'correct horse battery staple';

// Creates a user straight in an app's database through the documented CLI
// (`npm run user:create`), the same way an operator makes the first admin.
export function createUserWithRole(
  dataDir: string,
  email: string,
  password: string,
  role: 'user' | 'admin',
): void {
  execFileSync(
    process.execPath,
    [
      path.resolve('node_modules/tsx/dist/cli.mjs'),
      '--conditions=react-server',
      path.resolve('scripts/create-user.ts'),
      '--email',
      email,
      '--role',
      role,
    ],
    {
      input: `${password}\n`,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
}
