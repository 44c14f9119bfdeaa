import { addDays, seededRandom, syntheticName } from '@shequ/kit';
import type { Constituency } from '../generated/prisma/enums.js';
import { day, pad, suffix, type DemoCommunity } from './common.js';

const constituencies: Constituency[] = [
  'PARTY_MEMBERS',
  'RESIDENTS',
  'RESIDENTS',
  'RESIDENTS',
  'RESIDENTS',
  'JURISDICTION_UNITS',
  'JURISDICTION_UNITS',
  'SOCIAL_ORGANISATIONS',
  'RESIDENTS',
];

// [topic, decision] pairs typical of a community consultation committee.
const topics: [string, string][] = [
  ['老旧小区加装电梯方案', '同意按三分之二以上业主同意的单元先行试点，费用按楼层分摊'],
  ['社区停车位划线与收费', '划设夜间错时停车位40个，收费标准报街道备案后公示'],
  ['社区养老服务站运营', '通过招投标选定服务机构，低偿为高龄独居老人提供助餐'],
  ['垃圾分类投放点调整', '撤并三处投放点，定时定点投放，志愿者轮值督导'],
  ['辖区单位共建资金使用', '用于儿童之家改造，资金使用情况每季度公示'],
  ['社区文化活动室开放时间', '延长至晚九点，周末向辖区中小学生开放'],
  ['楼道杂物清理与消防通道', '开展为期一个月的集中清理，由楼栋长分片负责'],
  ['社区公共收益使用', '优先用于公共设施维修，年度收支向居民代表大会报告'],
];

/** The Thursday on or before a day: the committees meet on Thursdays. */
const thursdayBefore = (d: Date) => addDays(d, -((d.getUTCDay() + 3) % 7));

/** Meetings about every four months, the latest a few weeks before the reference day. */
export function demoConsultation(communities: DemoCommunity[], reference: Date) {
  const members = [];
  const meetings = [];
  const agenda = [];
  for (const c of communities) {
    const random = seededRandom(`consultation-${c.id}`);
    for (const [i, constituency] of constituencies.entries()) {
      members.push({
        id: `consultant-${suffix(c.id)}-${pad(i + 1)}`,
        communityId: c.id,
        name: syntheticName(random).name,
        constituency,
        convener: i === 0,
        joinedOn: day('2021-06-01'),
      });
    }
    const dates = [250, 130, 20].map((ago) => thursdayBefore(addDays(reference, -ago)));
    for (const [m, heldOn] of dates.entries()) {
      const id = `meeting-${suffix(c.id)}-${pad(m + 1)}`;
      meetings.push({ id, communityId: c.id, title: `${c.name}协商议事会第${m + 1}次会议`, heldOn, createdAt: heldOn });
      const count = random.int(2, 3);
      const first = random.int(0, topics.length - 1);
      for (let k = 0; k < count; k++) {
        const [topic, decision] = topics[(first + k) % topics.length]!;
        // The latest meeting deferred its last item to the next one.
        const deferred = m === dates.length - 1 && k === count - 1;
        agenda.push({ id: `${id}-${k + 1}`, meetingId: id, position: k + 1, topic, decision: deferred ? null : decision, decidedAt: deferred ? null : heldOn });
      }
    }
  }
  return { members, meetings, agenda };
}
