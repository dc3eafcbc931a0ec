import type { SegmentRole } from '@/lib/inspect/parse-token';

const ROLES: Record<SegmentRole, { label: string; text: string; dot: string }> = {
  header: { label: 'Header', text: 'text-rose-600', dot: 'bg-rose-500' },
  payload: { label: 'Payload', text: 'text-violet-600', dot: 'bg-violet-500' },
  signature: { label: 'Signature', text: 'text-sky-600', dot: 'bg-sky-500' },
  'encrypted-key': { label: 'Encrypted key', text: 'text-orange-600', dot: 'bg-orange-500' },
  iv: { label: 'IV', text: 'text-emerald-600', dot: 'bg-emerald-500' },
  ciphertext: { label: 'Ciphertext', text: 'text-violet-600', dot: 'bg-violet-500' },
  tag: { label: 'Tag', text: 'text-sky-600', dot: 'bg-sky-500' },
  extra: { label: 'Extra part', text: 'text-slate-500', dot: 'bg-slate-400' },
};

export interface SegmentView {
  role: SegmentRole;
  text: string;
}

export function TokenSegments({
  segments,
  signatureWithheld = false,
}: {
  segments: SegmentView[];
  signatureWithheld?: boolean;
}) {
  const roles = [...new Set(segments.map((segment) => segment.role))];
  if (signatureWithheld) roles.push('signature');
  return (
    <div className="space-y-2">
      <p
        data-testid="inspect-segments"
        className="max-h-64 overflow-auto rounded-lg bg-slate-50 p-3 font-mono text-[13px] leading-relaxed break-all ring-1 ring-slate-200 ring-inset"
      >
        {segments.map((segment, index) => (
          <span key={index}>
            {index > 0 ? <span className="text-slate-400">.</span> : null}
            <span className={ROLES[segment.role].text} data-role={segment.role}>
              {segment.text || <span className="text-slate-400 italic">(empty)</span>}
            </span>
          </span>
        ))}
        {signatureWithheld ? (
          <>
            <span className="text-slate-400">.</span>
            <span className="ml-0.5 inline-block rounded bg-sky-50 px-1.5 py-0.5 font-sans text-xs break-normal whitespace-nowrap text-sky-700 italic ring-1 ring-sky-200 ring-inset">
              signature withheld by the server
            </span>
          </>
        ) : null}
      </p>
      <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {roles.map((role) => (
          <li key={role} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`size-2.5 rounded-full ${ROLES[role].dot}`} />
            {ROLES[role].label}
          </li>
        ))}
      </ul>
    </div>
  );
}
