import type { ReactNode } from 'react';
import type { TextRange } from '@/lib/inspect/json-members';
import { formatJson, tokenizeJson } from '@/lib/inspect/json-tokens';
import type { JsonTokenKind } from '@/lib/inspect/json-tokens';
import type { DecodedJson } from '@/lib/inspect/parse-token';

const COLORS: Record<JsonTokenKind, string> = {
  key: 'text-sky-300',
  string: 'text-emerald-300',
  number: 'text-amber-300',
  literal: 'text-fuchsia-300',
  punctuation: 'text-slate-400',
};

const preClass =
  'max-h-96 overflow-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-100';

export function JsonView({ decoded, testId }: { decoded: DecodedJson; testId: string }) {
  const ranges = decoded.duplicates.flatMap((duplicate) => duplicate.occurrences);
  return (
    <div className="space-y-2">
      {decoded.value ? (
        <pre data-testid={testId} className={preClass}>
          {tokenizeJson(formatJson(decoded.value)).map((token, index) => (
            <span key={index} className={COLORS[token.kind]}>
              {token.text}
            </span>
          ))}
        </pre>
      ) : (
        <p data-testid={testId} className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
          Cannot show as JSON: {decoded.error}.
        </p>
      )}
      {decoded.text ? (
        <details open={ranges.length > 0} className="group text-sm">
          <summary className="cursor-pointer text-xs font-medium text-slate-500 select-none hover:text-slate-800">
            Decoded text, exactly as sent
            {ranges.length ? ' — duplicate names highlighted' : ''}
          </summary>
          {ranges.length ? (
            <p className="mt-2 text-xs text-amber-900">
              JSON.parse keeps the last of two equal names, so the formatted view shows only that
              one; other parsers keep the first.
            </p>
          ) : null}
          <pre className={`mt-2 ${preClass}`}>{renderRaw(decoded.text, ranges)}</pre>
        </details>
      ) : null}
    </div>
  );
}

function renderRaw(text: string, ranges: TextRange[]): ReactNode[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const [index, range] of sorted.entries()) {
    parts.push(...showControls(text.slice(cursor, range.start), `t${index}`));
    parts.push(
      <mark key={`m${index}`} className="rounded bg-amber-300 px-0.5 text-slate-900">
        {text.slice(range.start, range.end)}
      </mark>,
    );
    cursor = range.end;
  }
  parts.push(...showControls(text.slice(cursor), 'end'));
  return parts;
}

// CR is invisible in a <pre>; a visible mark keeps "exactly as sent" honest.
function showControls(text: string, key: string): ReactNode[] {
  return text.split('\r').flatMap((piece, index) =>
    index === 0
      ? [piece]
      : [
          <span
            key={`${key}-${index}`}
            title="carriage return"
            className="mr-0.5 rounded bg-slate-700 px-0.5 text-[10px] text-slate-300"
          >
            CR
          </span>,
          piece,
        ],
  );
}
