export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'shequ.dashboard.lang';

/** Only the language choice is ever written to the browser's storage. */
export function loadLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  try {
    const v = storage?.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh' ? v : 'zh';
  } catch {
    return 'zh'; // storage can be disabled (private mode, policies): the default still works
  }
}

export function saveLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
}

export interface Named {
  name: string;
  nameEn?: string | null;
}

/** The API names things in Chinese always and in English mostly; fall back rather than blank. */
export function pickName(lang: Lang, n: Named | null | undefined): string {
  if (!n) return '—';
  return lang === 'en' && n.nameEn ? n.nameEn : n.name;
}

const strings = {
  appTitle: { zh: '江汉区社区治理看板', en: 'Jianghan District community dashboard' },
  accountability: { zh: '问责记录', en: 'Accountability record' },
  accountabilityIntro: {
    zh: '评议结果、差评整改、公开承诺与委托任务，按时间排列；未公布的评议不在其中。',
    en: 'Evaluation results, rectification of bad reviews, public commitments and delegated work, in time order; campaigns not yet published are not part of it.',
  },
  timeline: { zh: '时间线', en: 'Timeline' },
  noEvents: { zh: '暂无记录', en: 'Nothing recorded yet' },
  results: { zh: '历次评议', en: 'Results by campaign' },
  cases: { zh: '整改案件', en: 'Rectification cases' },
  commitmentsMade: { zh: '公开承诺', en: 'Public commitments' },
  tasksDelegated: { zh: '委托任务', en: 'Delegated tasks' },
  viewRecord: { zh: '查看问责记录', en: 'View accountability record' },
  navScoreboard: { zh: '实时评议', en: 'Live scoreboard' },
  navOverview: { zh: '全区概览', en: 'District overview' },
  language: { zh: '语言', en: 'Language' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  tokenLabel: { zh: '访问令牌（仅保存在内存中）', en: 'Access token (kept in memory only)' },
  signedIn: { zh: '已登录', en: 'Signed in' },
  anonymous: { zh: '匿名访问：仅公开数据', en: 'Anonymous: public data only' },
  viaProxy: { zh: '由单位统一登录', en: 'signed in by your organisation' },
  tokenRefused: { zh: '访问令牌无效或已过期，已退出登录。', en: 'The access token was refused (not valid or expired); you are signed out.' },
  proxyRefused: {
    zh: '单位统一登录提供的凭据未被接受，请在单位登录系统重新登录。',
    en: "The sign-in your organisation's proxy sent was refused; please sign in there again.",
  },
  dismiss: { zh: '关闭提示', en: 'Dismiss' },
  campaign: { zh: '评议活动', en: 'Campaign' },
  noCampaigns: { zh: '暂无评议活动', en: 'No campaigns' },
  loading: { zh: '加载中…', en: 'Loading…' },
  error: { zh: '出错了', en: 'Something went wrong' },
  retry: { zh: '重试', en: 'Retry' },
  turnout: { zh: '参评率', en: 'Turnout' },
  ballotsCast: { zh: '已投票数', en: 'Ballots cast' },
  eligibleBallots: { zh: '应投票数', en: 'Eligible ballots' },
  status: { zh: '状态', en: 'Status' },
  period: { zh: '评议期', en: 'Period' },
  minBallots: { zh: '最少票数', en: 'Minimum ballots' },
  departments: { zh: '职能部门', en: 'Departments' },
  streets: { zh: '街道', en: 'Streets' },
  staff: { zh: '工作人员', en: 'Staff' },
  rank: { zh: '名次', en: 'Rank' },
  target: { zh: '对象', en: 'Target' },
  score: { zh: '得分', en: 'Score' },
  grade: { zh: '等次', en: 'Grade' },
  ballots: { zh: '票数', en: 'Ballots' },
  fewerThan: { zh: '不足 {k} 票', en: 'fewer than {k} ballots' },
  scoresHidden: {
    zh: '评议进行中，得分仅对区管理员和指定观察员可见；发布后公开。',
    en: 'While the campaign runs, scores are shown to district administrators and named observers only; they are public once published.',
  },
  lastUpdate: { zh: '更新于', en: 'Updated' },
  connConnecting: { zh: '连接中', en: 'Connecting' },
  connLive: { zh: '实时', en: 'Live' },
  connReconnecting: { zh: '重新连接中', en: 'Reconnecting' },
  connOffline: { zh: '离线', en: 'Offline' },
  connection: { zh: '连接状态', en: 'Connection' },
  feedEnded: { zh: '评议已结束，显示最终结果', en: 'Campaign closed: final results' },
  overviewIntro: {
    zh: '13 个街道、112 个社区的公开数据。点击表头排序。',
    en: 'Public data of the 13 streets and 112 communities. Click a column heading to sort.',
  },
  filterStreet: { zh: '街道筛选', en: 'Street' },
  allStreets: { zh: '全部街道', en: 'All streets' },
  community: { zh: '社区', en: 'Community' },
  street: { zh: '街道', en: 'Street' },
  population: { zh: '人口', en: 'Population' },
  households: { zh: '户数', en: 'Households' },
  representatives: { zh: '成员代表', en: 'Representatives' },
  committeeMembers: { zh: '居委会成员', en: 'Committee members' },
  partyMembers: { zh: '党员', en: 'Party members' },
  volunteers: { zh: '志愿者', en: 'Volunteers' },
  volunteerHours: { zh: '志愿服务时长', en: 'Volunteer hours' },
  servicePoints: { zh: '服务网点', en: 'Service points' },
  openRequests: { zh: '待办服务请求', en: 'Open service requests' },
  fundBalance: { zh: '资金余额', en: 'Fund balance' },
  totals: { zh: '全区合计', en: 'District total' },
  communitiesCount: { zh: '社区数', en: 'Communities' },
  pilot: { zh: '试点', en: 'pilot' },
  back: { zh: '返回全区概览', en: 'Back to the district overview' },
  notFound: { zh: '未找到该社区', en: 'Community not found' },
  code: { zh: '编码', en: 'Code' },
  committee: { zh: '社区居民委员会', en: "Residents' committee" },
  partyOrg: { zh: '党组织', en: 'Party organisation' },
  funds: { zh: '资金台账（公示）', en: 'Funds ledger (public)' },
  category: { zh: '类别', en: 'Category' },
  amount: { zh: '金额', en: 'Amount' },
  entries: { zh: '笔数', en: 'Entries' },
  requests: { zh: '服务请求', en: 'Service requests' },
  total: { zh: '总数', en: 'Total' },
  open: { zh: '办理中', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
  satisfaction: { zh: '满意率', en: 'Satisfaction' },
  openingHours: { zh: '开放时间', en: 'Opening hours' },
  inService: { zh: '服务中', en: 'in service' },
  none: { zh: '无', en: 'None' },
  teams: { zh: '志愿队伍', en: 'Volunteer teams' },
  termStart: { zh: '任期开始', en: 'Term from' },
  position: { zh: '职务', en: 'Position' },
  name: { zh: '姓名', en: 'Name' },
  sortedBy: { zh: '排序：', en: 'sorted by ' },
  navRectification: { zh: '整改', en: 'Rectification' },
  rectificationTitle: { zh: '差评整改', en: 'Rectification of bad reviews' },
  rectificationIntro: {
    zh: '评议结束后，差评对象须在 15 个工作日内提交整改方案，由相关社区代表大会验收。未办结的排在前面。',
    en: 'After a campaign closes, each target with bad reviews has 15 working days to submit a plan, which the affected communities’ assemblies verify. Open cases first.',
  },
  filterStatus: { zh: '状态筛选', en: 'Status' },
  allStatuses: { zh: '全部状态', en: 'All statuses' },
  casesCount: { zh: '整改事项', en: 'Cases' },
  openCount: { zh: '未办结', en: 'Open' },
  overdueCount: { zh: '已逾期', en: 'Overdue' },
  deadline: { zh: '整改期限', en: 'Deadline' },
  overdue: { zh: '逾期', en: 'Overdue' },
  badReviews: { zh: '差评数', en: 'Bad reviews' },
  plan: { zh: '整改方案', en: 'Plan' },
  noPlan: { zh: '尚未提交', en: 'Not submitted yet' },
  sentBack: { zh: '退回意见', en: 'Sent back' },
  appeal: { zh: '申诉', en: 'Appeal' },
  appealNone: { zh: '无', en: 'None' },
  appealPending: { zh: '待区里裁决', en: 'Awaiting decision' },
  appealUpheld: { zh: '申诉成立', en: 'Upheld' },
  appealRejected: { zh: '申诉驳回', en: 'Rejected' },
  noCases: { zh: '没有符合条件的整改事项', en: 'No cases match' },
  refusedSignIn: {
    zh: '这些整改事项仅对区管理员、评议观察员和相关单位可见。请以区管理员身份登录后查看。',
    en: 'These cases are shown to district administrators, campaign observers and the units concerned only. Please sign in as a district administrator to see them.',
  },
  refusedOtherRole: {
    zh: '当前身份无权查看这些内容。请以区管理员身份登录后查看。',
    en: 'Your current role may not see this. Please sign in as a district administrator.',
  },
  partlyHidden: { zh: '部分内容对当前身份不可见，已留空。', en: 'Some details are not shown to your role and are left blank.' },
  navCommitments: { zh: '承诺公示', en: 'Commitments' },
  commitmentsTitle: { zh: '承诺制与公示制', en: 'Commitments and notices' },
  commitmentsIntro: {
    zh: '职能部门、街道和服务网点向社区作出的公开承诺，由承诺所面向的社区评议是否兑现（承诺主体只能提出，不能自评）；未兑现的计入该主体。另附公示内容。公开数据，无需登录。',
    en: 'What departments, streets and service points promised to communities; the communities it was made to judge whether it was kept (the owner only proposes, never grades itself), and the broken ones count against the owner. With their public notices. Public data, no sign-in needed.',
  },
  filterOwner: { zh: '承诺主体', en: 'Owner' },
  allOwners: { zh: '全部主体', en: 'All owners' },
  ownersCount: { zh: '主体', en: 'Owners' },
  commitmentsCount: { zh: '承诺', en: 'Commitments' },
  noticesCount: { zh: '公示', en: 'Notices' },
  commitment: { zh: '承诺事项', en: 'Commitment' },
  measurableTarget: { zh: '量化目标', en: 'Measurable target' },
  dueBy: { zh: '承诺期限', en: 'Due by' },
  outcome: { zh: '社区评议', en: "Communities' assessment" },
  assessedBy: { zh: '已评议社区', en: 'Communities assessed' },
  promises: { zh: '承诺兑现', en: 'Commitments' },
  promisesHint: {
    zh: '由承诺所面向的社区评议：已兑现 · 未兑现（计入该单位） · 待评议',
    en: 'As the communities they were made to assessed them: kept · broken (counted against it) · pending',
  },
  latestEvidence: { zh: '最近评议', en: 'Latest' },
  notices: { zh: '公示', en: 'Notices' },
  published: { zh: '发布于', en: 'Published' },
  expires: { zh: '截止', en: 'until' },
  noCommitments: { zh: '暂无承诺', en: 'No commitments' },
  noOwners: { zh: '没有符合条件的承诺或公示', en: 'Nothing matches' },
  navTasks: { zh: '任务与经费', en: 'Tasks & funds' },
  tasksTitle: { zh: '费随事转：委托任务与经费', en: 'Money follows the task: delegated tasks and funds' },
  tasksIntro: {
    zh: '街道和职能部门须与社区协商后方可委托工作，商定的经费须划入社区资金台账。下表核对每项任务的商定经费与社区台账实际入账金额，未足额到账的已标出。公开数据，无需登录。',
    en: 'Streets and departments may hand work to a community only as a negotiated task, and the agreed budget must reach the community’s funds ledger. Each task’s agreed funding is checked against what the ledger recorded; tasks not (fully) funded are flagged. Public data, no sign-in needed.',
  },
  proposer: { zh: '委托单位', en: 'Delegated by' },
  proposersCount: { zh: '委托单位', en: 'Units' },
  tasksCount: { zh: '任务数', en: 'Tasks' },
  agreedCount: { zh: '已商定经费', en: 'Budget agreed' },
  unfundedCount: { zh: '经费未到账', en: 'Not funded' },
  fundsPromised: { zh: '商定经费', en: 'Funds promised' },
  fundsDelivered: { zh: '已入账', en: 'Funds delivered' },
  fundsByProposer: { zh: '各单位经费到账情况', en: 'Funds per delegating unit' },
  fundsChartTitle: { zh: '各单位商定经费与已入账经费对比', en: 'Funds promised and delivered per delegating unit' },
  tasksList: { zh: '委托任务', en: 'Delegated tasks' },
  taskTitle: { zh: '任务', en: 'Task' },
  agreedFunding: { zh: '商定经费', en: 'Agreed funding' },
  ledgerRecorded: { zh: '台账入账', en: 'Recorded in ledger' },
  moneyArrived: { zh: '经费到账', en: 'Money arrived' },
  notAgreed: { zh: '未商定', en: 'Not agreed' },
  fundsArrived: { zh: '已足额到账', en: 'Arrived in full' },
  fundsShort: { zh: '未到账', en: 'Missing' },
  ledgerUnknown: { zh: '台账无法读取', en: 'Ledger not readable' },
  noTasks: { zh: '暂无委托任务', en: 'No delegated tasks' },
  organisations: { zh: '社区四个组织', en: 'The four organisations' },
  assembly: { zh: '社区成员代表大会', en: "Members' representative assembly" },
  consultation: { zh: '协商议事委员会', en: 'Consultation and deliberation committee' },
  members: { zh: '成员', en: 'Members' },
  convener: { zh: '召集人', en: 'Convener' },
  electionHistory: { zh: '居委会选举', en: "Residents' committee elections" },
  electionRound: { zh: '届次', en: 'Election' },
  stage: { zh: '阶段', en: 'Stage' },
  seats: { zh: '职数', en: 'Seats' },
  electionDates: { zh: '选举时间', en: 'Dates' },
  ledgerEntries: { zh: '台账明细', en: 'Ledger entries' },
  date: { zh: '日期', en: 'Date' },
  sourceOrPayee: { zh: '来源 / 收款方', en: 'Source / payee' },
  purpose: { zh: '用途', en: 'Purpose' },
  reversedNote: { zh: '已冲正', en: 'reversed' },
  more: { zh: '加载更多', en: 'Show more' },
  requestedAt: { zh: '提出日期', en: 'Requested' },
  serviceItem: { zh: '服务项目', en: 'Service' },
  servicePoint: { zh: '服务网点', en: 'Service point' },
  rating: { zh: '评价', en: 'Rating' },
  requestsRestricted: {
    zh: '服务请求明细仅对本社区工作人员和区管理员可见；上方为公开统计。',
    en: "Individual requests are shown to this community's staff and district administrators only; the public figures are above.",
  },
  unavailable: { zh: '暂时无法读取', en: 'Not available right now' },
} as const;

export type MessageKey = keyof typeof strings;

export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let s: string = strings[key][lang];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

const enums: Record<string, { zh: string; en: string }> = {
  EXCELLENT: { zh: '优秀', en: 'Excellent' },
  GOOD: { zh: '良好', en: 'Good' },
  PASS: { zh: '合格', en: 'Pass' },
  FAIL: { zh: '不合格', en: 'Fail' },
  DRAFT: { zh: '草稿', en: 'Draft' },
  OPEN: { zh: '进行中', en: 'Open' },
  CLOSED: { zh: '已结束', en: 'Closed' },
  PUBLISHED: { zh: '已发布', en: 'Published' },
  DIRECTOR: { zh: '主任', en: 'Director' },
  DEPUTY_DIRECTOR: { zh: '副主任', en: 'Deputy director' },
  MEMBER: { zh: '委员', en: 'Member' },
  SPECIAL_FUND: { zh: '专项资金', en: 'Special fund' },
  TRANSFERRED_ASSET: { zh: '划转资产', en: 'Transferred asset' },
  DONATION: { zh: '捐赠', en: 'Donation' },
  ASSET_INCOME: { zh: '资产收益', en: 'Asset income' },
  TASK_FUNDING: { zh: '任务经费', en: 'Task funding' },
  SPENDING: { zh: '支出', en: 'Spending' },
  REVERSAL: { zh: '冲正', en: 'Reversal' },
  AWAITING_PLAN: { zh: '待提交方案', en: 'Awaiting plan' },
  PLAN_SUBMITTED: { zh: '方案待验收', en: 'Plan submitted' },
  APPEALED: { zh: '申诉中', en: 'Appealed' },
  VERIFIED: { zh: '已验收', en: 'Verified' },
  DISMISSED: { zh: '已撤销', en: 'Dismissed' },
  PENDING: { zh: '待兑现', en: 'Pending' },
  KEPT: { zh: '已兑现', en: 'Kept' },
  BROKEN: { zh: '未兑现', en: 'Broken' },
  DEPARTMENT: { zh: '职能部门', en: 'Department' },
  STREET: { zh: '街道', en: 'Street' },
  STAFF: { zh: '工作人员', en: 'Staff' },
  PROVIDER: { zh: '服务机构', en: 'Service provider' },
  SERVICE_POINT: { zh: '服务网点', en: 'Service point' },
  SERVICE_CONTENT: { zh: '服务内容', en: 'Service content' },
  CHARGES: { zh: '收费标准', en: 'Charges' },
  STAFF_ON_DUTY: { zh: '值班人员', en: 'Staff on duty' },
  SUPERVISION_CHANNEL: { zh: '监督渠道', en: 'Supervision channel' },
  OTHER: { zh: '其他', en: 'Other' },
  PROPOSED: { zh: '已提出', en: 'Proposed' },
  NEGOTIATING: { zh: '协商中', en: 'Negotiating' },
  ACCEPTED: { zh: '已接受', en: 'Accepted' },
  DECLINED: { zh: '已拒绝', en: 'Declined' },
  IN_PROGRESS: { zh: '实施中', en: 'In progress' },
  COMPLETED: { zh: '已完成', en: 'Completed' },
  SETTLED: { zh: '已结算', en: 'Settled' },
  APPLICATION: { zh: '报名', en: 'Application' },
  WRITTEN_EXAM: { zh: '笔试', en: 'Written exam' },
  INTERVIEW: { zh: '面试', en: 'Interview' },
  PRE_ELECTION: { zh: '预选', en: 'Pre-election' },
  FORMAL_ELECTION: { zh: '正式选举', en: 'Formal election' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
  RESIDENTS: { zh: '居民', en: 'Residents' },
  JURISDICTION_UNITS: { zh: '驻区单位', en: 'Jurisdiction units' },
  PARTY_MEMBERS: { zh: '党员', en: 'Party members' },
  SOCIAL_ORGANISATIONS: { zh: '社会组织', en: 'Social organisations' },
  SUBMITTED: { zh: '已提交', en: 'Submitted' },
  REJECTED: { zh: '不予受理', en: 'Rejected' },
  VERY_SATISFIED: { zh: '非常满意', en: 'Very satisfied' },
  SATISFIED: { zh: '满意', en: 'Satisfied' },
  BASICALLY_SATISFIED: { zh: '基本满意', en: 'Basically satisfied' },
  DISSATISFIED: { zh: '不满意', en: 'Dissatisfied' },
  VERY_DISSATISFIED: { zh: '非常不满意', en: 'Very dissatisfied' },
  RESIDENT: { zh: '居民', en: 'Resident' },
  REPRESENTATIVE: { zh: '社区成员代表', en: 'Representative' },
  COMMITTEE_STAFF: { zh: '社区工作者', en: 'Community staff' },
  STREET_STAFF: { zh: '街道工作人员', en: 'Street staff' },
  DEPARTMENT_STAFF: { zh: '部门工作人员', en: 'Department staff' },
  DISTRICT_ADMIN: { zh: '区级管理员', en: 'District administrator' },
  PARTNER: { zh: '合作机构', en: 'Partner agency' },
  OBSERVER: { zh: '评议观察员', en: 'Observer' },
  SERVICE: { zh: '系统服务', en: 'Hub service' },
};

/** Enum values the API returns; an unknown one (a newer schema) is shown as sent. */
export function enumLabel(lang: Lang, value: string | null | undefined): string {
  if (!value) return '—';
  return enums[value]?.[lang] ?? value;
}

/** What happened, for accountability timeline events (some kinds share a name with a status, e.g. PLAN_SUBMITTED). */
const eventKinds: Record<string, { zh: string; en: string }> = {
  SCORE_PUBLISHED: { zh: '评议结果公布', en: 'Score published' },
  BAD_REVIEWS: { zh: '差评', en: 'Bad reviews' },
  CASE_OPENED: { zh: '整改立案', en: 'Case opened' },
  APPEAL_FILED: { zh: '提出申诉', en: 'Appeal filed' },
  APPEAL_DECIDED: { zh: '申诉裁定', en: 'Appeal decided' },
  PLAN_SUBMITTED: { zh: '提交整改方案', en: 'Plan submitted' },
  PLAN_SENT_BACK: { zh: '方案退回', en: 'Plan sent back' },
  VERIFIED: { zh: '验收通过', en: 'Verified' },
  CASE_CLOSED: { zh: '案件办结', en: 'Case closed' },
  COMMITMENT_MADE: { zh: '作出承诺', en: 'Commitment made' },
  COMMITMENT_KEPT: { zh: '承诺兑现', en: 'Commitment kept' },
  COMMITMENT_BROKEN: { zh: '承诺未兑现', en: 'Commitment broken' },
  TASK_PROPOSED: { zh: '提出委托任务', en: 'Task proposed' },
  TASK_ACCEPTED: { zh: '社区接受任务', en: 'Task accepted' },
  TASK_DECLINED: { zh: '社区拒绝任务', en: 'Task declined' },
  TASK_COMPLETED: { zh: '任务完成', en: 'Task completed' },
  TASK_SETTLED: { zh: '任务结算', en: 'Task settled' },
};

export function eventLabel(lang: Lang, kind: string): string {
  return eventKinds[kind]?.[lang] ?? kind;
}
