'use client';

import { useEffect, useMemo, useState } from 'react';
import { analyzeToken } from '@/lib/inspect/inspect';
import type { KeyKind } from '@/lib/inspect/keys';
import { parseTokenInput } from '@/lib/inspect/parse-token';
import { createSampleToken } from '@/lib/inspect/sample';
import { findUnverifiableReason, verifySignature } from '@/lib/inspect/verify';
import type { Verification } from '@/lib/inspect/verify';
import { KeyPicker } from './key-picker';
import { TokenAnalysisView } from './token-analysis';
import { TokenInputCard } from './token-input-card';
import { EmptyState, InspectorCard } from './inspector-card';
import { VerdictBadge } from './verdict-badge';

interface Checked {
  token: string;
  kind: KeyKind;
  text: string;
  result: Verification;
}

const NO_KEY: Verification = {
  verdict: { status: 'not-verified', message: 'not verified: no key given', note: null },
  warnings: [],
};

const CHECKING: Verification = {
  verdict: { status: 'not-verified', message: 'checking…', note: null },
  warnings: [],
};

// Everything here runs in the browser: the token and key live in React state only, and no
// request, URL or storage ever carries them.
export function PasteInspector({ now }: { now: number | null }) {
  const [input, setInput] = useState('');
  const [kind, setKind] = useState<KeyKind>('secret-text');
  const [keyText, setKeyText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const parsed = useMemo(() => parseTokenInput(input), [input]);
  const analysis = useMemo(() => (now === null ? null : analyzeToken(parsed, now)), [parsed, now]);
  const early = findUnverifiableReason(parsed);
  const needsCheck = !early && keyText.trim() !== '';

  useEffect(() => {
    if (!needsCheck) return;
    let current = true;
    void verifySignature(parsed, { kind, text: keyText }).then((result) => {
      if (current) setChecked({ token: parsed.token, kind, text: keyText, result });
    });
    return () => {
      current = false;
    };
  }, [parsed, kind, keyText, needsCheck]);

  const fresh =
    checked?.token === parsed.token && checked.kind === kind && checked.text === keyText;
  const verification = early
    ? { verdict: early, warnings: [] }
    : needsCheck
      ? (checked?.result ?? CHECKING)
      : NO_KEY;
  const pending = needsCheck && !fresh;

  async function loadSample(): Promise<void> {
    const sample = await createSampleToken(Math.floor(Date.now() / 1000));
    setInput(sample.token);
    setKind('secret-base64url');
    setKeyText(sample.secret);
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="space-y-6 lg:sticky lg:top-6">
        <TokenInputCard
          input={input}
          parsed={parsed}
          onInput={setInput}
          onSample={() => void loadSample()}
          onClear={() => {
            setInput('');
            setKeyText('');
          }}
        />
        <InspectorCard title="Verify signature">
          <KeyPicker kind={kind} text={keyText} onKindChange={setKind} onTextChange={setKeyText} />
          <VerdictBadge verdict={verification.verdict} pending={pending} />
        </InspectorCard>
      </div>
      {analysis && parsed.kind !== 'empty' ? (
        <TokenAnalysisView
          analysis={analysis}
          warnings={[...analysis.warnings, ...(pending ? [] : verification.warnings)]}
          encrypted={parsed.kind === 'jwe'}
        />
      ) : (
        <EmptyState />
      )}
    </div>
  );
}
