import type { ConnectionStatus } from '../session';

const TEXT: Record<ConnectionStatus['kind'], string> = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  connected: 'Connected · all changes saved',
  offline: 'Offline',
  closed: 'Disconnected',
};

/** Always visible: whether edits reach the others, and what happens to them if not. */
export function StatusBar({ status }: { status: ConnectionStatus }) {
  let detail = '';
  if (status.kind === 'offline')
    detail = status.unsentEdits > 0 ? ` · ${status.unsentEdits} edit${status.unsentEdits === 1 ? '' : 's'} kept in this browser, will sync on reconnect` : ' · reconnecting…';
  if (status.kind === 'closed') detail = ` · ${status.reason}`;
  return (
    <div className={`status status-${status.kind}`} role="status" aria-live="polite" data-status={status.kind}>
      <span className="dot" aria-hidden />
      {TEXT[status.kind]}
      {detail}
    </div>
  );
}
