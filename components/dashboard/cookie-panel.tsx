import type { CookieView } from '@/lib/dashboard/panels';
import { Badge } from '../ui/badge';
import { Code, Panel, Row } from '../ui/panel';
import { ScriptVisibleCookies } from './script-cookies';

export function CookiePanel({ cookie }: { cookie: CookieView }) {
  const share = Math.min(100, Math.round((cookie.size / cookie.limit) * 100));
  const over = cookie.size > cookie.limit;
  return (
    <Panel
      title="Cookie"
      subtitle="What your browser holds and sends with every request."
      testId="panel-cookie"
    >
      <dl className="space-y-3">
        <Row label="Name">
          <Code>{cookie.name}</Code>
        </Row>
        <Row label="Value">
          <span data-testid="cookie-masked">
            <Code>{cookie.masked}</Code>
          </span>
          <p className="mt-1 font-mono text-xs text-slate-500" data-testid="cookie-fingerprint">
            {cookie.fingerprint}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            Masked on purpose: the full value lives only in your browser’s cookie jar (DevTools →
            Application → Cookies), never in this page.
          </p>
        </Row>
        <Row label="Size">
          <span data-testid="cookie-size" className={over ? 'font-semibold text-rose-700' : ''}>
            {cookie.size} of {cookie.limit} bytes
          </span>
          {over ? (
            <span className="ml-2">
              <Badge tone="bad">over the browser limit</Badge>
            </span>
          ) : null}
          <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div
              className={`h-full ${over ? 'bg-rose-500' : 'bg-indigo-500'}`}
              style={{ width: `${share}%` }}
            />
          </div>
        </Row>
        <Row label="Attributes">
          <span className="flex flex-wrap gap-1" data-testid="cookie-attributes">
            {cookie.attributes.map((a) => (
              <Badge key={a} tone={a === 'HttpOnly' ? 'good' : 'neutral'}>
                {a}
              </Badge>
            ))}
          </span>
        </Row>
        <Row label="document.cookie">
          <ScriptVisibleCookies />
          <p className="mt-1 text-xs text-slate-500">
            HttpOnly keeps it out of page scripts, so an injected script cannot read it.
          </p>
        </Row>
      </dl>
    </Panel>
  );
}
