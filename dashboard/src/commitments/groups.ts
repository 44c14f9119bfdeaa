import type { CommitmentAssessment, CommitmentCounts, CommitmentStatus, CommitmentsData, NamedRef, OwnerType, ServicePointPublicity } from '../api/types.ts';
import { pastDeadline } from '../deadline.ts';
import type { Lang } from '../i18n.ts';

/** A promise of any owner: one commitment system (departments), whoever made it. */
export interface PromiseItem {
  id: string;
  title: string;
  target: string;
  deadline: string;
  status: CommitmentStatus;
  /** Pending after its deadline. */
  overdue: boolean;
  /** How many of the communities it was made to have assessed it. */
  assessed: { count: number; of: number };
  /** The latest assessment (for a broken one, the one that broke it). */
  latest: CommitmentAssessment | null;
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
  /** The owner's own record when the API gives it (what counts against it), else counted from the list. */
  counts: CommitmentCounts;
}

export const ownerTypes: readonly OwnerType[] = ['DEPARTMENT', 'STREET', 'SERVICE_POINT'];

const emptyCounts = (): CommitmentCounts => ({ total: 0, kept: 0, broken: 0, pending: 0, overdue: 0 });

/**
 * One group per owner that promised or published something, departments first, then streets,
 * then service points, each by name; an owner the API does not name is shown by its id.
 */
export function ownerGroups(data: CommitmentsData | null, points: readonly ServicePointPublicity[] | null, today: string, lang: Lang): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  const names = new Map<string, NamedRef>();
  const recorded = new Map<string, CommitmentCounts>();
  const places = new Map<string, NamedRef | null>();
  for (const d of data?.departments ?? []) names.set(`DEPARTMENT:${d.id}`, d);
  for (const s of data?.streets ?? []) names.set(`STREET:${s.id}`, s);
  for (const c of data?.commitments ?? []) {
    // Points no longer in service are named through their commitments.
    if (c.servicePoint) {
      names.set(`SERVICE_POINT:${c.servicePoint.id}`, c.servicePoint);
      places.set(c.servicePoint.id, c.servicePoint.community ?? c.servicePoint.street);
    }
  }
  for (const p of points ?? []) {
    names.set(`SERVICE_POINT:${p.id}`, p);
    places.set(p.id, p.community ?? p.street);
  }
  for (const o of [...(data?.departments ?? []).map((d) => ['DEPARTMENT', d] as const), ...(data?.streets ?? []).map((s) => ['STREET', s] as const)]) {
    if (o[1].commitmentCounts) recorded.set(`${o[0]}:${o[1].id}`, o[1].commitmentCounts);
  }
  for (const p of points ?? []) if (p.commitmentCounts) recorded.set(`SERVICE_POINT:${p.id}`, p.commitmentCounts);

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
        counts: emptyCounts(),
      };
      groups.set(key, g);
    }
    return g;
  };

  for (const c of data?.commitments ?? []) {
    const g = group(c.ownerType, c.ownerId);
    if (!names.has(g.key) && (c.department ?? c.street)) g.owner = (c.department ?? c.street)!;
    const overdue = c.status === 'PENDING' && pastDeadline(c.deadline, today);
    g.commitments.push({
      id: c.id,
      title: c.title,
      target: c.target,
      deadline: c.deadline,
      status: c.status,
      overdue,
      assessed: { count: c.assessmentCount, of: c.communityCount },
      latest: c.latestAssessment,
      resolvedAt: c.resolvedAt,
    });
    g.counts.total += 1;
    g.counts[c.status === 'KEPT' ? 'kept' : c.status === 'BROKEN' ? 'broken' : 'pending'] += 1;
    if (overdue) g.counts.overdue += 1;
  }
  for (const n of data?.notices ?? [])
    group(n.ownerType, n.ownerId).notices.push({ id: n.id, title: n.title, body: n.body, publishedAt: n.publishedAt, kind: null, expiresAt: null });
  for (const p of points ?? []) {
    if (!p.notices.length) continue;
    const g = group('SERVICE_POINT', p.id);
    for (const n of p.notices) g.notices.push({ id: n.id, title: n.title, body: n.content, publishedAt: n.publishedAt, kind: n.kind, expiresAt: n.expiresAt });
  }

  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const label = (g: OwnerGroup) => (lang === 'en' && g.owner.nameEn ? g.owner.nameEn : g.owner.name);
  const out = [...groups.values()];
  for (const g of out) {
    g.counts = recorded.get(g.key) ?? g.counts;
    g.commitments.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
    g.notices.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  }
  return out.sort(
    (a, b) => ownerTypes.indexOf(a.ownerType) - ownerTypes.indexOf(b.ownerType) || collator.compare(label(a), label(b)) || a.key.localeCompare(b.key),
  );
}

/** '' is every kind of owner. */
export function filterGroups(groups: readonly OwnerGroup[], ownerType: OwnerType | ''): OwnerGroup[] {
  return ownerType ? groups.filter((g) => g.ownerType === ownerType) : [...groups];
}
