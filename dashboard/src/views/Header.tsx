import { useState, type FormEvent } from 'react';
import { t, type Lang } from '../i18n.ts';
import type { Route } from '../router.ts';
import { useSession } from '../session.tsx';

export function Header({ route }: { route: Route }) {
  const { lang, setLang } = useSession();
  return (
    <header className="top">
      <h1>
        <a href="#/">{t(lang, 'appTitle')}</a>
      </h1>
      <nav aria-label={lang === 'zh' ? '主导航' : 'Main'}>
        <a href="#/" aria-current={route.view === 'scoreboard' ? 'page' : undefined}>
          {t(lang, 'navScoreboard')}
        </a>
        <a href="#/overview" aria-current={route.view === 'overview' || route.view === 'community' ? 'page' : undefined}>
          {t(lang, 'navOverview')}
        </a>
        <a href="#/rectification" aria-current={route.view === 'rectification' ? 'page' : undefined}>
          {t(lang, 'navRectification')}
        </a>
        <a href="#/commitments" aria-current={route.view === 'commitments' ? 'page' : undefined}>
          {t(lang, 'navCommitments')}
        </a>
        <a href="#/tasks" aria-current={route.view === 'tasks' ? 'page' : undefined}>
          {t(lang, 'navTasks')}
        </a>
      </nav>
      <div className="controls">
        <fieldset className="lang">
          <legend className="sr-only">{t(lang, 'language')}</legend>
          {(['zh', 'en'] as Lang[]).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l === 'zh' ? 'zh-CN' : 'en'}>
              {l === 'zh' ? '中文' : 'English'}
            </button>
          ))}
        </fieldset>
        <SignIn />
      </div>
    </header>
  );
}

function SignIn() {
  const { lang, token, setToken } = useSession();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  if (token)
    return (
      <span className="signin">
        <span data-testid="signed-in">{t(lang, 'signedIn')}</span>{' '}
        <button type="button" onClick={() => setToken(null)}>
          {t(lang, 'signOut')}
        </button>
      </span>
    );
  if (!open)
    return (
      <span className="signin">
        <span className="muted small">{t(lang, 'anonymous')}</span>{' '}
        <button type="button" onClick={() => setOpen(true)}>
          {t(lang, 'signIn')}
        </button>
      </span>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // People paste "Bearer eyJ…" as often as the bare token.
    const v = draft.trim().replace(/^Bearer\s+/i, '');
    setDraft('');
    setOpen(false);
    if (v) setToken(v);
  };
  return (
    <form className="signin" onSubmit={submit}>
      <label>
        <span className="sr-only">{t(lang, 'tokenLabel')}</span>
        <input
          type="password"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder={t(lang, 'tokenLabel')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        />
      </label>{' '}
      <button type="submit">{t(lang, 'signIn')}</button>
    </form>
  );
}
