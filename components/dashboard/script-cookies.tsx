'use client';

import { useEffect, useState } from 'react';

// Shows exactly what page JavaScript sees: an HttpOnly cookie is simply absent here.
export function ScriptVisibleCookies() {
  const [visible, setVisible] = useState<string | null>(null);
  useEffect(() => setVisible(document.cookie), []);
  return (
    <code
      data-testid="document-cookie"
      className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all"
    >
      {visible === null ? '…' : visible === '' ? '"" (nothing)' : visible}
    </code>
  );
}
