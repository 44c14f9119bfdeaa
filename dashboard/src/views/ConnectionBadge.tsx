import type { ConnectionState } from '../api/live.ts';
import { t, type MessageKey } from '../i18n.ts';
import { useLive } from '../live/LiveProvider.tsx';
import { useSession } from '../session.tsx';

const label: Record<ConnectionState, MessageKey> = {
  connecting: 'connConnecting',
  live: 'connLive',
  reconnecting: 'connReconnecting',
  offline: 'connOffline',
};

export function ConnectionBadge() {
  const { lang } = useSession();
  const { state } = useLive();
  return (
    <span className={`conn conn-${state}`} role="status" aria-live="polite" data-testid="connection" data-state={state}>
      <span className="dot" aria-hidden="true" />
      <span className="sr-only">{t(lang, 'connection')}: </span>
      {t(lang, label[state])}
    </span>
  );
}
