import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { registerUser } from '../lib/auth/accounts';
import { isAuthError } from '../lib/auth/errors';
import { ROLES } from '../lib/auth/roles';
import { signupSchema, fieldErrorsOf } from '../lib/validation';

// npm run user:create -- --email a@b.c --role admin   (password from a prompt, or piped on stdin)

const { values } = parseArgs({
  options: { email: { type: 'string' }, role: { type: 'string', default: 'user' } },
});

// On a terminal the password is read in raw mode and never echoed; piped input is read as a line.
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stdout.write('Password (15 to 128 characters): ');
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.resume();
  let password = '';
  try {
    for await (const chunk of process.stdin) {
      // An escape sequence (arrow keys and the like) is a key press, not part of the password.
      if ((chunk as string).startsWith('\u001b')) continue;
      for (const char of chunk as string) {
        if (char === '\u0003') throw new Error('Cancelled.');
        if (char === '\r' || char === '\n' || char === '\u0004') return password;
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else if (char >= ' ') password += char;
      }
    }
    return password;
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stdout.write('\n');
  }
}

async function main(): Promise<number> {
  const role = values.role ?? 'user';
  if (!(ROLES as readonly string[]).includes(role)) {
    process.stderr.write(`--role must be one of: ${ROLES.join(', ')}\n`);
    return 2;
  }
  // The email is checked before the password is asked for.
  const email = signupSchema.shape.email.safeParse(values.email);
  if (!email.success) {
    process.stderr.write(`--email: ${email.error.issues[0]?.message ?? 'invalid'}\n`);
    return 2;
  }
  const parsed = signupSchema.safeParse({ email: values.email, password: await readPassword() });
  if (!parsed.success) {
    for (const [field, messages] of Object.entries(fieldErrorsOf(parsed.error))) {
      process.stderr.write(`${field}: ${messages.join(' ')}\n`);
    }
    return 2;
  }
  try {
    const user = await registerUser(
      parsed.data.email,
      parsed.data.password,
      role as (typeof ROLES)[number],
    );
    process.stdout.write(`Created ${user.email} with role ${user.role} (id ${user.id}).\n`);
    return 0;
  } catch (error) {
    if (isAuthError(error)) {
      process.stderr.write(
        `${
          Object.values(error.fields ?? {})
            .flat()
            .join(' ') || error.message
        }\n`,
      );
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
