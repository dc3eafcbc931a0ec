import { inputClass, secondaryButtonClass } from '@/components/ui/styles';
import type { ParsedToken } from '@/lib/inspect/parse-token';
import { InfoIcon } from './icons';
import { InspectorCard } from './inspector-card';
import { TokenSegments } from './token-segments';

const SHAPES = { empty: '', jws: 'JWS', jwe: 'JWE', malformed: 'not a JWS' } as const;

export function TokenInputCard({
  input,
  parsed,
  onInput,
  onSample,
  onClear,
}: {
  input: string;
  parsed: ParsedToken;
  onInput: (input: string) => void;
  onSample: () => void;
  onClear: () => void;
}) {
  return (
    <InspectorCard title="Encoded token">
      <label htmlFor="inspect-token" className="sr-only">
        Token
      </label>
      <textarea
        id="inspect-token"
        data-testid="inspect-token"
        value={input}
        onChange={(event) => onInput(event.target.value)}
        rows={6}
        placeholder="Paste a JWT: eyJhbGciOi…"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        className={`${inputClass} font-mono text-[13px] leading-relaxed break-all`}
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={onSample} className={secondaryButtonClass}>
          Make a sample token
        </button>
        {input ? (
          <button type="button" onClick={onClear} className={secondaryButtonClass}>
            Clear
          </button>
        ) : null}
        {parsed.kind !== 'empty' ? (
          <span data-testid="inspect-shape" className="ml-auto text-xs text-slate-500 tabular-nums">
            {SHAPES[parsed.kind]} · {parsed.segments.length} parts · {parsed.byteLength} bytes
          </span>
        ) : null}
      </div>
      {parsed.notes.map((note) => (
        <p
          key={note}
          data-testid="inspect-note"
          className="flex items-center gap-2 text-xs text-indigo-800"
        >
          <InfoIcon className="size-4 text-indigo-500" />
          {note}
        </p>
      ))}
      {parsed.errors.map((error) => (
        <p
          key={error}
          role="alert"
          className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800"
        >
          {error}
        </p>
      ))}
      {parsed.kind !== 'empty' ? <TokenSegments segments={parsed.segments} /> : null}
    </InspectorCard>
  );
}
