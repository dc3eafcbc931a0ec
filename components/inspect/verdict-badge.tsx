import type { Verdict, VerdictStatus } from '@/lib/inspect/verify';
import { BanIcon, CheckIcon, CrossIcon, QuestionIcon } from './icons';

const LOOKS: Record<VerdictStatus, { tone: string; Icon: typeof CheckIcon }> = {
  valid: { tone: 'bg-emerald-50 text-emerald-800 ring-emerald-300', Icon: CheckIcon },
  invalid: { tone: 'bg-rose-50 text-rose-800 ring-rose-300', Icon: CrossIcon },
  never: { tone: 'bg-rose-50 text-rose-800 ring-rose-300', Icon: BanIcon },
  'not-verified': { tone: 'bg-slate-100 text-slate-700 ring-slate-300', Icon: QuestionIcon },
};

export function VerdictBadge({
  verdict,
  pending = false,
}: {
  verdict: Verdict;
  pending?: boolean;
}) {
  const { tone, Icon } = LOOKS[verdict.status];
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy={pending}
      data-testid="inspect-verdict"
      data-status={pending ? 'pending' : verdict.status}
      className={`flex items-start gap-3 rounded-xl px-4 py-3 ring-1 ring-inset transition-opacity ${tone} ${pending ? 'opacity-60' : ''}`}
    >
      <Icon className="mt-0.5 size-5" />
      <div className="min-w-0">
        <p className="text-xs font-semibold tracking-wide uppercase opacity-70">Signature</p>
        <p className="font-semibold break-words first-letter:uppercase">{verdict.message}</p>
        {verdict.note ? <p className="mt-0.5 text-xs opacity-80">{verdict.note}</p> : null}
      </div>
    </div>
  );
}
