import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { loadLang, saveLang, type Lang } from './i18n.ts';

interface Session {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The pasted token lives in this state only: never in storage, the URL or a cookie. */
  token: string | null;
  setToken(token: string | null): void;
}

const SessionContext = createContext<Session | null>(null);

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => loadLang(storage));
  const [token, setToken] = useState<string | null>(null);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    saveLang(storage, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo(() => ({ lang, setLang, token, setToken }), [lang, setLang, token]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
