export type Route =
  | { view: 'scoreboard'; campaignId: string | null }
  | { view: 'overview' }
  | { view: 'rectification' }
  | { view: 'commitments' }
  | { view: 'tasks' }
  | { view: 'community'; id: string }
  | { view: 'unit'; kind: UnitKind; id: string };

export type UnitKind = 'department' | 'street' | 'staff';
const unitKinds: readonly string[] = ['department', 'street', 'staff'] satisfies UnitKind[];

/** `#/` and `#/scoreboard[/<id>]`, `#/overview`, `#/community/<id>`, `#/unit/<department|street|staff>/<id>`, `#/rectification`, `#/commitments`, `#/tasks`; anything else is the home view. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  const [head, arg, id] = parts;
  if (head === 'unit' && arg && unitKinds.includes(arg) && id) return { view: 'unit', kind: arg as UnitKind, id };
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
    case 'unit':
      return `#/unit/${route.kind}/${encodeURIComponent(route.id)}`;
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
