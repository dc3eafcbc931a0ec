import type { AuthMode } from '@/lib/auth/modes';
import { secondaryButtonClass } from '../ui/styles';

export function ModeSwitcher({
  current,
  modes,
  switchAction,
}: {
  current: AuthMode;
  modes: Array<{ mode: AuthMode; label: string }>;
  switchAction: (data: FormData) => Promise<void>;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="mode-switcher">
      <span className="text-sm text-slate-600">Switch without re-entering your password:</span>
      {modes
        .filter(({ mode }) => mode !== current)
        .map(({ mode, label }) => (
          <form key={mode} action={switchAction}>
            <input type="hidden" name="mode" value={mode} />
            <button type="submit" className={secondaryButtonClass}>
              Switch to {label}
            </button>
          </form>
        ))}
    </div>
  );
}
