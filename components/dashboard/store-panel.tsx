import type { StoreView } from '@/lib/dashboard/panels';
import { Code, JsonBlock, Panel, Row } from '../ui/panel';
import { Countdown } from './countdown';

function formatDuration(ms: number): string {
  return ms < 1 ? `${Math.round(ms * 1000)} µs` : `${ms.toFixed(2)} ms`;
}

export function StorePanel({ store, modeNote }: { store: StoreView | null; modeNote: string }) {
  return (
    <Panel
      title="Server store"
      subtitle="What the server keeps about this login."
      testId="panel-store"
    >
      {!store ? (
        <p className="text-slate-600" data-testid="store-none">
          {modeNote}
        </p>
      ) : (
        <dl className="space-y-3">
          <Row label="Engine">
            <span data-testid="store-engine">{store.engine}</span>
          </Row>
          <Row label="Look-up">
            <span data-testid="store-lookup">
              {formatDuration(store.lookupMs)} to read the entry for this request
            </span>
          </Row>
          {store.stored ? (
            <>
              <Row label="Key">
                <span data-testid="store-key">
                  <Code>{store.stored.key}</Code>
                </span>
              </Row>
              <Row label="TTL">
                <Countdown until={Date.now() + store.stored.ttlMs} testId="store-ttl" />
              </Row>
              <Row label="Value">
                <JsonBlock value={JSON.parse(store.stored.value)} testId="store-value" />
              </Row>
            </>
          ) : (
            <p className="text-slate-600">The entry expired while this page was rendering.</p>
          )}
        </dl>
      )}
    </Panel>
  );
}
