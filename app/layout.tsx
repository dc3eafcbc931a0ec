import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { MODE_LABELS } from '@/lib/auth/modes';
import { getViewer } from '@/lib/dal';
import { logoutAction } from './actions';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Login Lab', template: '%s · Login Lab' },
  description:
    'Login done for real three ways — JWT, sealed cookie, server session — shown inside out.',
};

// The layout only shows who is signed in; every page gates itself through lib/dal.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <SiteHeader
          viewer={
            viewer
              ? { email: viewer.user.email, role: viewer.role, modeLabel: MODE_LABELS[viewer.mode] }
              : null
          }
          logoutAction={logoutAction}
        />
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
