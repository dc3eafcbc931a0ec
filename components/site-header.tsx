import Link from 'next/link';
import { Badge } from './ui/badge';
import { secondaryButtonClass } from './ui/styles';

export interface HeaderViewer {
  email: string;
  role: string;
  modeLabel: string;
}

export function SiteHeader({
  viewer,
  logoutAction,
}: {
  viewer: HeaderViewer | null;
  logoutAction: () => Promise<void>;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-slate-900">
          Login <span className="text-indigo-600">Lab</span>
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm font-medium text-slate-600">
          <Link href="/dashboard" className="hover:text-slate-900">
            Dashboard
          </Link>
          <Link href="/admin" className="hover:text-slate-900">
            Admin
          </Link>
          <Link href="/inspect" className="hover:text-slate-900">
            Inspector
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {viewer ? (
            <>
              <span className="hidden text-slate-600 sm:inline" data-testid="header-email">
                {viewer.email}
              </span>
              <Badge tone={viewer.role === 'admin' ? 'info' : 'neutral'}>{viewer.role}</Badge>
              <Badge tone="good">{viewer.modeLabel}</Badge>
              <form action={logoutAction}>
                <button type="submit" className={secondaryButtonClass}>
                  Log out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className="font-medium text-slate-700 hover:text-slate-900">
                Log in
              </Link>
              <Link href="/signup" className="font-medium text-indigo-600 hover:text-indigo-500">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
