import type { CommitmentStatus, CommitmentsData, NamedRef, OwnerType, ServicePointPromises } from '../api/types.ts';
import { pastDeadline } from '../deadline.ts';
import type { Lang } from '../i18n.ts';

/** A promise, from the departments subgraph (departments, streets) or a service point's own. */
export interface PromiseItem {
  id: string;
  title: string;
  target: string;
  deadline: string;
  status: CommitmentStatus;
  /** Pending after its deadline. */
  overdue: boolean;
  outcome: string | null;
  resolvedAt: string | null;
}

export interface NoticeItem {
  id: string;
  title: string;
  body: string;
  publishedAt: string;
  kind: string | null;
  expiresAt: string | null;
}

export interface OwnerGroup {
  key: string;
  ownerType: OwnerType;
  ownerId: string;
  owner: NamedRef;
  /** Where a service point is: its community, else its street. */
  place: NamedRef | null;
  commitments: PromiseItem[];
  notices: NoticeItem[];
  counts: Record<CommitmentStatus, number> & { overdue: number };
}

export const ownerTypes: readonly OwnerType[] = ['DEPARTMENT', 'STREET', 'SERVICE_POINT'];

/**
 * One group per owner that promised or published something, departments first, then streets,
 * then service points, each by name; an owner the API does not name is shown by its id.
 */
export function ownerGroups(data: CommitmentsData | null, points: readonly ServicePointPromises[] | null, today: string, lang: Lang): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  const names = new Map<string, NamedRef>();
  for (const d of data?.departments ?? []) names.set(`DEPARTMENT:${d.id}`, d);
  for (const s of data?.streets ?? []) names.set(`STREET:${s.id}`, s);
  for (const p of points ?? []) names.set(`SERVICE_POINT:${p.id}`, p);
  const places = new Map((points ?? []).map((p) => [p.id, p.community ?? p.street]));

  const group = (ownerType: OwnerType, ownerId: string): OwnerGroup => {
    const key = `${ownerType}:${ownerId}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        ownerType,
        ownerId,
        owner: names.get(key) ?? { id: ownerId, name: ownerId, nameEn: ownerId },
        place: ownerType === 'SERVICE_POINT' ? (places.get(ownerId) ?? null) : null,
        commitments: [],
        notices: [],
        counts: { PENDING: 0, KEPT: 0, BROKEN: 0, overdue: 0 },
      };
      groups.set(key, g);
    }
    return g;
  };
  const add = (g: OwnerGroup, item: Omit<PromiseItem, 'overdue'>) => {
    const overdue = item.status === 'PENDING' && pastDeadline(item.deadline, today);
    g.commitments.push({ ...item, overdue });
    g.counts[item.status] += 1;
    if (overdue) g.counts.overdue += 1;
  };

  for (const c of data?.commitments ?? []) {
    const g = group(c.ownerType, c.ownerId);
    if (!names.has(g.key) && (c.department ?? c.street)) g.owner = (c.department ?? c.street)!;
    add(g, { id: c.id, title: c.title, target: c.target, deadline: c.deadline, status: c.status, outcome: c.outcome, resolvedAt: c.resolvedAt });
  }
  for (const n of data?.notices ?? []) group(n.ownerType, n.ownerId).notices.push({ id: n.id, title: n.title, body: n.body, publishedAt: n.publishedAt, kind: null, expiresAt: null });
  for (const p of points ?? []) {
    if (!p.commitments.length && !p.notices.length) continue;
    const g = group('SERVICE_POINT', p.id);
    for (const c of p.commitments) add(g, { id: c.id, title: c.content, target: c.measurableTarget, deadline: c.deadline, status: c.status, outcome: null, resolvedAt: c.assessedAt });
    for (const n of p.notices) g.notices.push({ id: n.id, title: n.title, body: n.content, publishedAt: n.publishedAt, kind: n.kind, expiresAt: n.expiresAt });
  }

  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const label = (g: OwnerGroup) => (lang === 'en' && g.owner.nameEn ? g.owner.nameEn : g.owner.name);
  const out = [...groups.values()];
  for (const g of out) {
    g.commitments.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
    g.notices.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  }
  return out.sort((a, b) => ownerTypes.indexOf(a.ownerType) - ownerTypes.indexOf(b.ownerType) || collator.compare(label(a), label(b)) || a.key.localeCompare(b.key));
}

/** '' is every kind of owner. */
export function filterGroups(groups: readonly OwnerGroup[], ownerType: OwnerType | ''): OwnerGroup[] {
  return ownerType ? groups.filter((g) => g.ownerType === ownerType) : [...groups];
}
