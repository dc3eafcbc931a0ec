import { Panel } from '../ui/panel';
import { dangerButtonClass } from '../ui/styles';

export function ReplayPanel({ replayAction }: { replayAction: () => Promise<void> }) {
  return (
    <Panel
      title="Replay my cookie"
      subtitle={
        'What does logging out really take away? The server keeps a copy of your current ' +
        'credential, logs you out, then replays the copy against /api/me.'
      }
      testId="panel-replay"
    >
      <form action={replayAction}>
        <button type="submit" className={dangerButtonClass}>
          Log out and replay my cookie
        </button>
      </form>
      <p className="text-xs text-slate-500">
        The copy stays on the server; this page never sees it.
      </p>
    </Panel>
  );
}
