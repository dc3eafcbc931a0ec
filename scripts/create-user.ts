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

async function readPassword(): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  if (process.stdin.isTTY) {
    // Hide what is typed: readline echoes through _writeToOutput, which we silence after the prompt.
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    const question = rl.question('Password (15 to 128 characters): ');
    output._writeToOutput = () => {};
    const answer = await question;
    process.stdout.write('\n');
    rl.close();
    return answer;
  }
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const role = values.role ?? 'user';
  if (!(ROLES as readonly string[]).includes(role)) {
    process.stderr.write(`--role must be one of: ${ROLES.join(', ')}\n`);
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

main().then((code) => process.exit(code));
