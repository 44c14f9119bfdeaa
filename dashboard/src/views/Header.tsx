import { useState, type FormEvent } from 'react';
import type { Viewer } from '../api/types.ts';
import { enumLabel, pickName, t, type Lang } from '../i18n.ts';
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
        <a href="#/" aria-current={route.view === 'scoreboard' || route.view === 'unit' ? 'page' : undefined}>
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

/** "District administrator", "Street staff · 民族街道": the role and the unit the hub verified. */
function viewerLabel(lang: Lang, v: Viewer): string {
  const unit = v.community ?? v.street ?? v.department;
  const where = unit ? pickName(lang, unit) : v.partnerId;
  return where ? `${enumLabel(lang, v.role)} · ${where}` : enumLabel(lang, v.role);
}

function SignIn() {
  const { lang, token, setToken, viewer, refusal, dismissRefusal } = useSession();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const refused = refusal && (
    <span className="refusal" role="alert" data-testid="signin-refused" data-refusal={refusal}>
      {t(lang, refusal === 'token' ? 'tokenRefused' : 'proxyRefused')}{' '}
      <button type="button" onClick={dismissRefusal} aria-label={t(lang, 'dismiss')}>
        ×
      </button>
    </span>
  );
  if (viewer && !token)
    // Signed in by a proxy in front of the hub: signing out happens there, not here.
    return (
      <span className="signin" data-testid="signed-in" data-via="proxy" title={t(lang, 'viaProxy')}>
        {viewerLabel(lang, viewer)} <span className="muted small">({t(lang, 'viaProxy')})</span>
      </span>
    );
  if (token)
    return (
      <span className="signin">
        <span data-testid="signed-in" data-via="token">
          {viewer ? viewerLabel(lang, viewer) : t(lang, 'signedIn')}
        </span>{' '}
        <button type="button" onClick={() => setToken(null)}>
          {t(lang, 'signOut')}
        </button>
      </span>
    );
  if (!open)
    return (
      <span className="signin">
        {refused}
        <span className="muted small" data-testid="anonymous">
          {t(lang, 'anonymous')}
        </span>{' '}
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
          // biome-ignore lint/a11y/noAutofocus: the dialog opens on the user's own click to sign in; its one field takes the focus
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
