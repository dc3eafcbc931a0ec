import Link from 'next/link';
import { buttonClass, secondaryButtonClass } from '@/components/ui/styles';

const MODES = [
  {
    name: 'Signed JWT',
    text:
      'The cookie holds a token anyone can read and only the server can sign. Nothing is ' +
      'stored; a role change waits for a new token.',
  },
  {
    name: 'Sealed cookie',
    text:
      'The cookie holds the session itself, encrypted and signed with iron-session. ' +
      'Unreadable to the browser; still nothing stored.',
  },
  {
    name: 'Server session',
    text:
      'The cookie holds a random id; the session lives in a store. Revocation and role ' +
      'changes take effect at once.',
  },
];

export default function HomePage() {
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl text-slate-900">
          Login, done for real, shown inside out.
        </h1>
        <p className="text-lg text-slate-600">
          Sign up, log in, and watch what each way of staying logged in puts in your cookie, in the
          token, in the server’s store and in the database — side by side, live.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/signup" className={buttonClass}>
            Create an account
          </Link>
          <Link href="/login" className={secondaryButtonClass}>
            Log in
          </Link>
          <Link href="/inspect" className={secondaryButtonClass}>
            Inspect a JWT
          </Link>
        </div>
      </section>
      <section aria-label="The three modes" className="grid gap-4 md:grid-cols-3">
        {MODES.map((mode) => (
          <article
            key={mode.name}
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 className="font-semibold text-slate-900">{mode.name}</h2>
            <p className="mt-2 text-sm text-slate-600">{mode.text}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
