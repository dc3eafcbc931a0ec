import { inputClass } from '@/components/ui/styles';
import type { KeyKind } from '@/lib/inspect/keys';

const KINDS: { kind: KeyKind; label: string; hint: string; placeholder: string; rows: number }[] = [
  {
    kind: 'secret-text',
    label: 'Secret (text)',
    hint: 'The UTF-8 bytes of what you type are the HMAC key.',
    placeholder: 'your-256-bit-secret',
    rows: 2,
  },
  {
    kind: 'secret-base64url',
    label: 'Secret (base64url)',
    hint: 'Decoded from base64url first, as in a JWK’s "k" or a generated secret.',
    placeholder: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr8',
    rows: 2,
  },
  {
    kind: 'pem',
    label: 'PEM public key',
    hint: 'A "PUBLIC KEY" (SPKI) or a certificate. Never paste a private key anywhere.',
    placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----',
    rows: 7,
  },
  {
    kind: 'jwk',
    label: 'JWK',
    hint: 'One key as JSON: {"kty":"oct","k":"…"} or an RSA, EC or OKP public key.',
    placeholder: '{ "kty": "RSA", "n": "…", "e": "AQAB" }',
    rows: 6,
  },
  {
    kind: 'jwks',
    label: 'JWKS',
    hint: 'A key set, {"keys":[…]}; the key is picked by the token’s kid.',
    placeholder: '{ "keys": [ { "kid": "…", "kty": "RSA", "n": "…", "e": "AQAB" } ] }',
    rows: 6,
  },
];

export function KeyPicker({
  kind,
  text,
  onKindChange,
  onTextChange,
}: {
  kind: KeyKind;
  text: string;
  onKindChange: (kind: KeyKind) => void;
  onTextChange: (text: string) => void;
}) {
  const current = KINDS.find((option) => option.kind === kind) ?? KINDS[0]!;
  const secretBytes = kind === 'secret-text' ? new TextEncoder().encode(text).length : null;
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">What kind of key?</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {KINDS.map((option) => (
            <label
              key={option.kind}
              data-testid={`inspect-key-kind-${option.kind}`}
              className="cursor-pointer rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm transition-colors select-none hover:border-indigo-400 has-checked:border-indigo-600 has-checked:bg-indigo-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600"
            >
              <input
                type="radio"
                name="inspect-key-kind"
                value={option.kind}
                checked={option.kind === kind}
                onChange={() => onKindChange(option.kind)}
                className="sr-only"
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="inspect-key" className="sr-only">
          {current.label}
        </label>
        <textarea
          id="inspect-key"
          data-testid="inspect-key"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          rows={current.rows}
          placeholder={current.placeholder}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          aria-describedby="inspect-key-hint"
          className={`${inputClass} font-mono text-[13px] leading-relaxed`}
        />
        <p
          id="inspect-key-hint"
          className="mt-1.5 flex flex-wrap justify-between gap-x-3 text-xs text-slate-500"
        >
          <span>{current.hint}</span>
          {secretBytes ? <span className="tabular-nums">{secretBytes} bytes</span> : null}
        </p>
      </div>
    </div>
  );
}
