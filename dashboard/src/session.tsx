import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { query } from './api/http.ts';
import { Viewer as ViewerDoc } from './api/operations.ts';
import type { Viewer } from './api/types.ts';
import { loadLang, saveLang, type Lang } from './i18n.ts';

/** Why the hub last refused this browser's credentials: a pasted token, or a sign-in proxy's header. */
export type Refusal = 'token' | 'proxy';

interface Session {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The pasted token lives in this state only: never in storage, the URL or a cookie. */
  token: string | null;
  setToken(token: string | null): void;
  /**
   * Who the hub takes this browser to be: from the pasted token or, behind a sign-in proxy that
   * adds the Authorization header itself, from that header. Undefined until the hub answered.
   */
  viewer: Viewer | null | undefined;
  refusal: Refusal | null;
  dismissRefusal(): void;
  /** A view got UNAUTHENTICATED: the credentials are no longer accepted. */
  /** `used`: the token the refused request carried (null: none, i.e. a sign-in proxy's header). */
  reportUnauthenticated(used: string | null): void;
}

const SessionContext = createContext<Session | null>(null);

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => loadLang(storage));
  const [token, setTokenState] = useState<string | null>(null);
  const [viewer, setViewer] = useState<Viewer | null | undefined>(undefined);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    saveLang(storage, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const setToken = useCallback((t: string | null) => {
    setRefusal(null);
    setTokenState(t);
  }, []);
  const tokenNow = useRef(token);
  tokenNow.current = token;
  const reportUnauthenticated = useCallback((used: string | null) => {
    // A request still carrying a token already dropped is late news about it, not a new refusal
    // (it would otherwise be taken for the proxy's).
    if (used !== tokenNow.current) return;
    // A refused pasted token is dropped, so the page goes on with public data at once.
    setRefusal(used ? 'token' : 'proxy');
    setTokenState(null);
  }, []);
  useEffect(() => {
    const ac = new AbortController();
    setViewer(undefined);
    query<{ viewer: Viewer | null }>(ViewerDoc, {}, token, ac.signal).then(
      (r) => setViewer(r.data?.viewer ?? null),
      (e: { code?: string }) => {
        if (ac.signal.aborted) return;
        setViewer(null);
        if (e.code === 'UNAUTHENTICATED') reportUnauthenticated(token);
      },
    );
    return () => ac.abort();
  }, [token, reportUnauthenticated]);
  const dismissRefusal = useCallback(() => setRefusal(null), []);
  const value = useMemo(
    () => ({ lang, setLang, token, setToken, viewer, refusal, dismissRefusal, reportUnauthenticated }),
    [lang, setLang, token, setToken, viewer, refusal, dismissRefusal, reportUnauthenticated],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
