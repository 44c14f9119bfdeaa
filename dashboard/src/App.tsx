import { useEffect, useState } from 'react';
import { LiveProvider } from './live/LiveProvider.tsx';
import { parseRoute, type Route } from './router.ts';
import { SessionProvider, useSession } from './session.tsx';
import { Commitments } from './views/Commitments.tsx';
import { CommunityPage } from './views/CommunityPage.tsx';
import { Header } from './views/Header.tsx';
import { Overview } from './views/Overview.tsx';
import { Rectification } from './views/Rectification.tsx';
import { Scoreboard } from './views/Scoreboard.tsx';
import { Tasks } from './views/Tasks.tsx';
import { UnitPage } from './views/UnitPage.tsx';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

function Shell() {
  const route = useRoute();
  const { lang } = useSession();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  // Focus moves to the new view's content so keyboard and screen-reader users land on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of view on purpose: focus moves to the new content
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route.view]);
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: the app routes by hash, so #main cannot be followed; the link moves focus itself */}
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {lang === 'zh' ? '跳到正文' : 'Skip to content'}
      </a>
      <Header route={route} />
      <main id="main" tabIndex={-1}>
        {route.view === 'scoreboard' && <Scoreboard campaignId={route.campaignId} />}
        {route.view === 'overview' && <Overview />}
        {route.view === 'community' && <CommunityPage id={route.id} />}
        {route.view === 'rectification' && <Rectification />}
        {route.view === 'commitments' && <Commitments />}
        {route.view === 'tasks' && <Tasks />}
        {route.view === 'unit' && <UnitPage kind={route.kind} id={route.id} />}
      </main>
    </>
  );
}

export function App() {
  return (
    <SessionProvider>
      <LiveProvider>
        <Shell />
      </LiveProvider>
    </SessionProvider>
  );
}
