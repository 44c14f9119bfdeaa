import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createLiveClient, type ConnectionState, type LiveClient } from '../api/live.ts';
import { useSession } from '../session.tsx';

interface Live {
  client: LiveClient | null;
  state: ConnectionState;
}

const LiveContext = createContext<Live>({ client: null, state: 'connecting' });

/** One socket per caller: signing in or out opens a new one under the new identity. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const [live, setLive] = useState<Live>({ client: null, state: 'connecting' });
  useEffect(() => {
    // A disposed client still reports its socket closing: only the current one may set the state.
    const client = createLiveClient(token, (state) => setLive((l) => (l.client !== client || l.state === state ? l : { client, state })));
    setLive({ client, state: navigator.onLine ? 'connecting' : 'offline' });
    return () => client.dispose();
  }, [token]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}
