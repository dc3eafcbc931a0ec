'use client';

import { useEffect, useState } from 'react';

function describe(ms: number): string {
  if (ms <= 0) return 'expired';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h ` : ''}${m}m ${String(s).padStart(2, '0')}s left`;
}

export function Countdown({ until, testId }: { until: number; testId?: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = until - (now ?? until);
  return (
    <span
      data-testid={testId}
      className={`font-mono tabular-nums ${left <= 0 && now ? 'text-rose-700' : 'text-slate-800'}`}
    >
      {now === null ? '…' : describe(left)}
    </span>
  );
}
