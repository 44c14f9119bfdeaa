export type Route =
  | { view: 'scoreboard'; campaignId: string | null }
  | { view: 'overview' }
  | { view: 'rectification' }
  | { view: 'commitments' }
  | { view: 'tasks' }
  | { view: 'community'; id: string };

/** `#/` and `#/scoreboard[/<id>]`, `#/overview`, `#/community/<id>`, `#/rectification`, `#/commitments`, `#/tasks`; anything else is the home view. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  const [head, arg] = parts;
  if (head === 'overview') return { view: 'overview' };
  if (head === 'rectification') return { view: 'rectification' };
  if (head === 'commitments') return { view: 'commitments' };
  if (head === 'tasks') return { view: 'tasks' };
  if (head === 'community' && arg) return { view: 'community', id: arg };
  if (head === 'scoreboard') return { view: 'scoreboard', campaignId: arg ?? null };
  return { view: 'scoreboard', campaignId: null };
}

export function href(route: Route): string {
  switch (route.view) {
    case 'overview':
      return '#/overview';
    case 'rectification':
      return '#/rectification';
    case 'commitments':
      return '#/commitments';
    case 'tasks':
      return '#/tasks';
    case 'community':
      return `#/community/${encodeURIComponent(route.id)}`;
    case 'scoreboard':
      return route.campaignId ? `#/scoreboard/${encodeURIComponent(route.campaignId)}` : '#/';
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
