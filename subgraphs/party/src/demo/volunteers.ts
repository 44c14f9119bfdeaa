// Demo volunteers: 88-102 per community (over 10,000 in the district), about a third of the
// party members among them; four teams per community, most led by a party member; two
// party-building events of the last two months attended by members, and five volunteer events of
// the last year (those on a festival on its day) whose participants are the volunteers with hours
// logged for them.
import { addDays, festivalsBetween, syntheticName, type DemoCommunity, type Festival, type Random } from '@shequ/kit';
import type { Activity, ActivityParticipant, PartyMember, Volunteer, VolunteerHours, VolunteerSkill, VolunteerTeam } from '../generated/prisma/client.js';
import { demoActivityId, demoTeamId, demoVolunteerId } from './ids.js';
import { syntheticPhone } from './organizations.js';

type Row<T> = Omit<T, 'createdAt'>;

const teamTemplates: [string, VolunteerSkill][] = [
  ['关爱老人志愿服务队', 'ELDERLY_CARE'],
  ['治安巡逻志愿队', 'SAFETY_PATROL'],
  ['环境卫生志愿队', 'ENVIRONMENT'],
  ['文化宣传志愿队', 'CULTURE_ARTS'],
  ['便民维修服务队', 'REPAIRS'],
  ['助学辅导志愿队', 'TUTORING'],
  ['健康义诊服务队', 'MEDICAL'],
  ['法律援助志愿队', 'LEGAL_AID'],
];
const skills: VolunteerSkill[] = [
  'ELDERLY_CARE',
  'MEDICAL',
  'TUTORING',
  'LEGAL_AID',
  'REPAIRS',
  'SAFETY_PATROL',
  'CULTURE_ARTS',
  'ENVIRONMENT',
  'IT_HELP',
  'COUNSELING',
];
const partyEvents = ['党课学习', '主题党日活动'];

const festivalEvents: Record<Festival, string> = {
  SPRING_FESTIVAL: '春节走访慰问困难群众',
  LANTERN: '元宵节猜灯谜游园会',
  QINGMING: '清明节文明祭扫宣传',
  DRAGON_BOAT: '端午节包粽子邻里活动',
  MID_AUTUMN: '中秋节邻里茶话会',
  DOUBLE_NINTH: '重阳节敬老志愿服务',
};

/** 09:30 in the district (UTC+8) on a day. */
const morning = (day: Date) => new Date(day.getTime() + 90 * 60_000);

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out;
}

export function demoVolunteers(community: DemoCommunity, members: Row<PartyMember>[], random: Random, reference: Date) {
  const teams: Row<VolunteerTeam>[] = pickSome(random, teamTemplates, 4).map(([name, focus], i) => ({
    id: demoTeamId(community.id, i + 1),
    communityId: community.id,
    name,
    focus,
    leaderId: null,
  }));
  const volunteering = members.filter(() => random.chance(0.35));
  const volunteers: Row<Volunteer>[] = [];
  const count = random.int(88, 102);
  for (let n = 1; n <= count; n++) {
    const member = volunteering[n - 1];
    volunteers.push({
      id: demoVolunteerId(community.id, n),
      communityId: community.id,
      teamId: teams[(n - 1) % teams.length]!.id,
      name: member?.name ?? syntheticName(random).name,
      phone: member?.phone ?? (random.chance(0.7) ? syntheticPhone(random) : null),
      skills: pickSome(random, skills, random.int(1, 3)),
      partyMemberId: member?.id ?? null,
      registeredOn: new Date(Date.UTC(random.int(2015, reference.getUTCFullYear() - 1), random.int(0, 11), random.int(1, 28))),
    });
  }
  // Leaders: the first volunteers of each team; party members come first, so most teams are
  // led by one, and a team whose first volunteer is not a member shows the exception.
  const leaders = teams.map((team, i) => ({ id: team.id, leaderId: volunteers[random.chance(0.85) ? i : teams.length * 20 + i]!.id }));

  const activities: Row<Activity>[] = [];
  const participants: ActivityParticipant[] = [];
  const hours: Row<VolunteerHours>[] = [];
  // 党课 about six weeks ago, the monthly 主题党日 on the first of the month before the reference day.
  const partyDays = [
    addDays(reference, -random.int(40, 50)),
    new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() - (reference.getUTCDate() > 1 ? 0 : 1), 1)),
  ];
  partyEvents.forEach((title, i) => {
    const id = demoActivityId(community.id, i + 1);
    activities.push({ id, communityId: community.id, teamId: null, kind: 'PARTY_BUILDING', title, startsAt: morning(partyDays[i]!) });
    for (const m of members) if (random.chance(0.75)) participants.push({ id: `${id}-${m.id}`, activityId: id, partyMemberId: m.id, volunteerId: null });
  });
  // Five service events of the past year, oldest first; the first team runs two. Events falling
  // on a festival take place on its day.
  const festivals = festivalsBetween(addDays(reference, -330), addDays(reference, -1));
  const onFestival = new Set(
    pickSome(
      random,
      festivals.map((_, k) => k),
      Math.min(3, festivals.length),
    ),
  );
  const regular = [300, 240, 150, 90, 20].map((ago) => addDays(reference, -ago - random.int(0, 14)));
  const services = [
    ...[...onFestival].map((k) => ({ day: festivals[k]!.day, title: festivalEvents[festivals[k]!.festival] })),
    ...regular.slice(onFestival.size).map((day) => ({ day, title: null })),
  ].sort((a, b) => a.day.getTime() - b.day.getTime());
  [teams[0]!, ...teams].forEach((team, i) => {
    const id = demoActivityId(community.id, partyEvents.length + 1 + i);
    const { day, title } = services[i]!;
    activities.push({
      id,
      communityId: community.id,
      teamId: team.id,
      kind: 'VOLUNTEER_SERVICE',
      title: title ?? `${team.name}志愿服务`,
      startsAt: morning(day),
    });
  });
  const serviceIds = activities.filter((a) => a.kind === 'VOLUNTEER_SERVICE').map((a) => a.id);
  for (const v of volunteers) {
    for (const activityId of pickSome(random, serviceIds, random.int(0, 4))) {
      const logId = `${activityId}-${v.id}`;
      // Logged by the team leader the evening after.
      const loggedAt = new Date(activities.find((a) => a.id === activityId)!.startsAt.getTime() + 10 * 3_600_000);
      hours.push({ id: logId, idempotencyKey: `seed:${logId}`, volunteerId: v.id, activityId, minutes: random.int(2, 8) * 30, loggedBy: 'seed', loggedAt });
    }
  }
  return { teams, leaders, volunteers, activities, participants, hours };
}
