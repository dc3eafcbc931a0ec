import { encodeBase64urlText } from '@/lib/auth/base64url';
import { analyzeTexts } from '@/lib/inspect/inspect';
import type { OwnTokenView } from '@/lib/inspect/own-token';
import { CheckIcon, CrossIcon } from './icons';
import { InspectorCard } from './inspector-card';
import { TokenAnalysisView } from './token-analysis';
import { TokenSegments } from './token-segments';

export function OwnTokenPanel({ own, now }: { own: OwnTokenView; now: number }) {
  const analysis = analyzeTexts(own.headerText, own.payloadText, now);
  const { ok, code, message } = own.verification;
  const segments = [
    { role: 'header' as const, text: encodeBase64urlText(own.headerText) },
    { role: 'payload' as const, text: encodeBase64urlText(own.payloadText) },
  ];
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="space-y-6 lg:sticky lg:top-6">
        <InspectorCard title="Your own token">
          <p className="text-sm text-slate-600">
            The server sent this page the header and payload of your login cookie, and kept the
            signature: without it, nothing here can be used to log in as you.
          </p>
          <TokenSegments segments={segments} signatureWithheld={own.signatureWithheld} />
        </InspectorCard>
        <InspectorCard title="Server verification">
          <div
            role="status"
            data-testid="inspect-own-verdict"
            data-status={ok ? 'valid' : 'invalid'}
            className={`flex items-start gap-3 rounded-xl px-4 py-3 ring-1 ring-inset ${ok ? 'bg-emerald-50 text-emerald-800 ring-emerald-300' : 'bg-rose-50 text-rose-800 ring-rose-300'}`}
          >
            {ok ? <CheckIcon className="mt-0.5 size-5" /> : <CrossIcon className="mt-0.5 size-5" />}
            <div className="min-w-0">
              <p className="font-semibold">{ok ? 'Valid' : 'Refused'}</p>
              <p className="text-sm">{message}</p>
              {code ? <code className="mt-1 inline-block font-mono text-xs">{code}</code> : null}
            </div>
          </div>
          <p className="text-xs text-slate-500">
            The server checked the full token, signature included, with its own key — the same gate
            every page and API route uses.
          </p>
        </InspectorCard>
      </div>
      <TokenAnalysisView analysis={analysis} warnings={analysis.warnings} />
    </div>
  );
}
