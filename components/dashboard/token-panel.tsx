import type { SealedSession } from '@/lib/auth/seal';
import type { TokenView } from '@/lib/dashboard/panels';
import { Badge } from '../ui/badge';
import { JsonBlock, Panel, Row } from '../ui/panel';
import { Countdown } from './countdown';
import { LocalTime } from './local-time';

export function TokenPanel({
  token,
  sealed,
  modeNote,
}: {
  token: TokenView | null;
  sealed?: SealedSession;
  modeNote: string;
}) {
  if (!token) {
    return (
      <Panel title="Token" testId="panel-token">
        <p className="text-slate-600" data-testid="token-none">
          {modeNote}
        </p>
        {sealed ? (
          <div>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">
              Inside the seal, as only the server can open it
            </h3>
            <JsonBlock value={sealed} testId="sealed-contents" />
          </div>
        ) : null}
      </Panel>
    );
  }
  const { iat, exp } = token.payload as { iat: number; exp: number };
  return (
    <Panel
      title="Token"
      subtitle={
        'Header and payload are only base64url: anyone holding the token can read them. ' +
        'The signature is what only the server can make.'
      }
      testId="panel-token"
    >
      <p
        className="rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed break-all"
        data-testid="token-segments"
      >
        <span className="text-rose-300">{token.headerSegment}</span>
        <span className="text-slate-400">.</span>
        <span className="text-violet-300">{token.payloadSegment}</span>
        <span className="text-slate-400">.</span>
        <span className="text-sky-300">{token.signatureMasked}</span>
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <div>
          <h3 className="mb-1 text-xs font-semibold text-rose-700">Header</h3>
          <JsonBlock value={token.header} testId="token-header" />
        </div>
        <div>
          <h3 className="mb-1 text-xs font-semibold text-violet-700">Payload</h3>
          <JsonBlock value={token.payload} testId="token-payload" />
        </div>
      </div>
      <dl className="space-y-2">
        <Row label="Issued (iat)">
          <LocalTime epochSeconds={iat} />
        </Row>
        <Row label="Expires (exp)">
          <LocalTime epochSeconds={exp} /> ·{' '}
          <Countdown until={exp * 1000} testId="token-countdown" />
        </Row>
        <Row label="Verification">
          <span data-testid="token-verification">
            <Badge tone="good">signature, issuer, audience, type and times verified</Badge>
          </span>
        </Row>
      </dl>
    </Panel>
  );
}
