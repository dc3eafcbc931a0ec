'use client';

import { useEffect, useState } from 'react';

// Rendered after hydration so the date is in the reader's own time zone, with UTC beside it.
export function LocalTime({ epochSeconds }: { epochSeconds: number }) {
  const [local, setLocal] = useState<string | null>(null);
  const date = new Date(epochSeconds * 1000);
  useEffect(() => setLocal(new Date(epochSeconds * 1000).toLocaleString()), [epochSeconds]);
  return (
    <span>
      {local ?? '…'}{' '}
      <span className="text-slate-500">({date.toISOString().replace('.000', '')})</span>
    </span>
  );
}
