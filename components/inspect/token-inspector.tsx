'use client';

import { useEffect, useState } from 'react';
import type { OwnTokenView } from '@/lib/inspect/own-token';
import { OwnTokenPanel } from './own-token-view';
import { PasteInspector } from './paste-inspector';

type View = 'paste' | 'own';

const TABS: { view: View; label: string }[] = [
  { view: 'paste', label: 'Paste a token' },
  { view: 'own', label: 'Inspect my own token' },
];

export function TokenInspector({ own }: { own: OwnTokenView | null }) {
  const [view, setView] = useState<View>('paste');
  const now = useNow();
  return (
    <div className="space-y-6">
      {own ? (
        <div
          role="group"
          aria-label="What to inspect"
          className="inline-flex rounded-xl bg-slate-200/70 p-1"
        >
          {TABS.map((tab) => (
            <button
              key={tab.view}
              type="button"
              aria-pressed={view === tab.view}
              data-testid={`inspect-tab-${tab.view}`}
              onClick={() => setView(tab.view)}
              className="rounded-lg px-4 py-1.5 text-sm font-medium text-slate-600 transition-colors hover:text-slate-900 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-sm"
            >
              {tab.label}
            </button>
          ))}
        </div>
      ) : null}
      {/* Kept mounted while hidden, so a pasted token survives a look at one's own. */}
      <div hidden={view === 'own'}>
        <PasteInspector now={now} />
      </div>
      {own && view === 'own' && now !== null ? <OwnTokenPanel own={own} now={now} /> : null}
    </div>
  );
}

// The clock is read after mount, so server and browser render the same HTML, and again every
// 15 s so "valid for 4 more minutes" stays true while the page is open.
function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = (): void => setNow(Math.floor(Date.now() / 1000));
    tick();
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
