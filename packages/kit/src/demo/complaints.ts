// Synthetic bad-review comments for the demo: composed from parts (what, where or when, what went
// wrong, what is asked) so that the comments of a rectification case read like residents' and
// representatives' own words rather than the same few sentences over and over. Now and then one
// carries a phone number, as real ones do, for the anonymiser to take out.
import type { Random } from './random.js';

// About the district's and streets' work, as representatives write on a campaign ballot.
const matters = [
  '小区东门路灯不亮',
  '背街小巷雨后积水',
  '老旧小区加装电梯',
  '菜市场周边占道经营',
  '楼栋垃圾清运不及时',
  '小区夜间停车难',
  '高层二次供水水压不足',
  '社区活动室漏雨',
  '消防通道被占',
  '夜间施工噪音扰民',
  '共享单车乱停乱放',
  '楼道飞线充电',
  '小区围墙破损',
  '公厕保洁跟不上',
  '沿街门店油烟扰民',
  '无障碍坡道被堵',
];
const channels = ['', '在居民议事会上', '通过12345热线', '在网格群里', '向下沉干部'];
const failings = [
  '反映了三次还没有回复',
  '说好月底解决，到现在没有动静',
  '来看过一次就没有下文了',
  '推给社区，社区又没有执法权限',
  '热线转了几个部门，都说不归自己管',
  '整改了几天又恢复原样',
  '窗口说要补材料，前后跑了四趟',
  '答复只有一句“正在协调”',
  '承诺的整改没有落实',
  '下沉社区的同志一直没见到',
];
const asks = ['希望给个明确的办结时间', '请到现场看一看', '希望有专人跟进', '建议定期到社区听取意见', '希望公示处理进度', '居民意见很大', ''];

// About one service as the resident who received it rates it.
const mishaps = [
  '约好上午上门，下午四点才到',
  '上门时间一再推迟',
  '收费和服务点公示的不一致',
  '服务人员态度生硬，问什么都不耐烦',
  '做到一半说工具没带就走了',
  '服务点电话一直打不通',
  '说好的回访没有人来',
  '服务时间比约定的短了一半',
  '换了三个服务人员，每次都要从头说一遍',
  '上门没有出示工作证',
  '做完没有清理现场',
  '预约了两周才排上',
];
const afterwards = ['', '老人在家等了一上午', '打电话催了两次', '跟服务点反映过，没有下文', '家里人请了假在等'];
const wishes = ['希望尽快改进', '希望服务点给个说法', '请服务点回个电话', '希望换一位服务人员', '建议按公示标准收费', '希望下次准时', ''];

const phone = (random: Random) => `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;

const sentence = (parts: string[]) => `${parts.filter(Boolean).join('，')}。`;

/** A representative's complaint about a street office's or department's work. */
export function demoGovernanceComplaint(random: Random): string {
  const text = sentence([`${random.pick(channels)}反映${random.pick(matters)}的问题`, random.pick(failings), random.pick(asks)]);
  return random.chance(0.06) ? text.replace(/。$/, `，有事请打我电话 ${phone(random)}。`) : text;
}

/** A resident's complaint about one service; `service` names it (助餐服务, 上门理发 …). */
export function demoServiceComplaint(random: Random, service?: string): string {
  const opening = service && random.chance(0.5) ? `这次${service}${random.pick(mishaps)}` : random.pick(mishaps);
  const text = sentence([opening, random.pick(afterwards), random.pick(wishes)]);
  return random.chance(0.06) ? text.replace(/。$/, `，联系 ${phone(random)}。`) : text;
}
