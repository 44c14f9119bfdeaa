// Every enum value of the hub, described "English — 中文", in one place: an enum two subgraphs
// share (Gender, ServiceRating, AccountabilityEventKind, …) composes into one supergraph type,
// so its values must read the same in each, and the Chinese terms follow the source's
// (see /work/shared/DOMAIN.md). createBuilder fills them into every subgraph's schema; a value
// described here replaces what code says (AccountabilityEventKind's English lines in accountability-event.ts). tests/enum-descriptions.test.ts fails
// when a core subgraph adds a value without one.
import { type EnumTypeDefinitionNode, type EnumValueDefinitionNode, type GraphQLSchema, isEnumType, Kind } from 'graphql';

type Values = Record<string, string>;

const serviceRating: Values = {
  VERY_SATISFIED: 'Very satisfied — 非常满意',
  SATISFIED: 'Satisfied — 满意',
  BASICALLY_SATISFIED: 'Basically satisfied — 基本满意',
  DISSATISFIED: 'Dissatisfied, a bad review that must be rectified — 不满意（差评，须整改）',
  VERY_DISSATISFIED: 'Very dissatisfied, a bad review that must be rectified — 非常不满意（差评，须整改）',
};

const vulnerableGroup: Values = {
  ELDERLY: 'Elderly people — 老年人',
  DISABLED: 'People with disabilities — 残疾人',
  ENTITLED: "Entitled groups (servicemen's families, veterans) — 优抚对象",
  LOW_INCOME: 'Low-income households on minimum living allowance — 低保户',
  LIVING_ALONE: 'People living alone — 独居者',
};

const gender: Values = { FEMALE: 'Female — 女', MALE: 'Male — 男' };

export const enumValueDescriptions: Record<string, Values> = {
  // committees
  CandidateStatus: {
    IN_RACE: 'Still in the race — 参选中',
    ELIMINATED: 'Failed a stage — 已淘汰',
    ELECTED: 'Elected in the formal election — 当选',
    NOT_ELECTED: 'Not elected in the formal election — 落选',
  },
  CommitteePosition: { DIRECTOR: 'Director — 主任', DEPUTY_DIRECTOR: 'Deputy director — 副主任', MEMBER: 'Member — 委员' },
  Constituency: {
    RESIDENTS: 'Residents — 居民',
    JURISDICTION_UNITS: 'Jurisdiction units — 辖区单位',
    PARTY_MEMBERS: 'Party members — 党员',
    SOCIAL_ORGANISATIONS: 'Social organisations — 社会组织',
  },
  ElectionStage: {
    APPLICATION: 'Application (open recruitment) — 报名（公开招聘）',
    WRITTEN_EXAM: 'Written exam — 笔试',
    INTERVIEW: 'Interview — 面试',
    PRE_ELECTION: 'Pre-election — 预选',
    FORMAL_ELECTION: 'Formal election — 正式选举',
    COMPLETED: 'Completed — 已完成',
    CANCELLED: 'Cancelled — 已取消',
  },
  Gender: gender,
  LedgerCategory: {
    SPECIAL_FUND: "Special funds sent directly to the residents' committee — 专项经费（直拨居委会）",
    TRANSFERRED_ASSET: 'Assets transferred from the former committee — 原居委会移交资产',
    DONATION: 'Donation by a unit or society for public-interest projects — 单位和社会捐资',
    ASSET_INCOME: 'Income from community-owned assets — 社区资产经营收入',
    TASK_FUNDING: 'Funding that moved with a delegated task — 费随事转经费',
    SPENDING: 'Spending — 支出',
    REVERSAL: 'Reversal correcting one earlier entry — 冲正',
  },
  VulnerableGroup: vulnerableGroup,
  // departments
  AccountabilityEventKind: {
    SCORE_PUBLISHED: 'A campaign published its result: score, grade and rank — 评议结果公布',
    BAD_REVIEWS: 'The bad reviews a published result carried — 差评',
    CASE_OPENED: 'A rectification case was opened for bad reviews — 整改立案',
    APPEAL_FILED: 'The target appealed the case — 提出申诉',
    APPEAL_DECIDED: 'The district decided the appeal — 申诉裁决',
    PLAN_SUBMITTED: 'A rectification plan was submitted — 提交整改方案',
    PLAN_SENT_BACK: "An affected community's assembly sent the plan back — 整改方案被退回",
    VERIFIED: "An affected community's assembly accepted the rectification — 整改经社区验收",
    CASE_CLOSED: 'The case was closed: verified or dismissed — 整改结案',
    COMMITMENT_MADE: 'A public commitment was made — 作出承诺（承诺制）',
    COMMITMENT_KEPT: 'A commitment was assessed kept — 承诺已兑现',
    COMMITMENT_BROKEN: 'A commitment was assessed broken — 承诺未兑现',
    TASK_PROPOSED: 'Work was proposed to a community — 提出委托任务（准入）',
    TASK_ACCEPTED: 'A community accepted delegated work, with its money — 社区接受委托任务（费随事转）',
    TASK_DECLINED: 'A community declined delegated work — 社区拒绝委托任务',
    TASK_COMPLETED: 'Delegated work was completed — 委托任务完成',
    TASK_SETTLED: 'Delegated work was settled — 委托任务结算',
  },
  CallerRole: {
    RESIDENT: 'Resident — 居民',
    REPRESENTATIVE: "Members' assembly representative — 社区成员代表",
    COMMITTEE_STAFF: "Residents' committee staff — 居委会工作人员",
    STREET_STAFF: 'Street office staff — 街道办事处工作人员',
    DEPARTMENT_STAFF: 'Functional department staff — 职能部门工作人员',
    DISTRICT_ADMIN: 'District administrator — 区管理员',
    PARTNER: 'Partner agency — 合作机构',
    OBSERVER: 'Observer (read only) — 观察员（只读）',
    SERVICE: 'A subgraph acting as itself — 子图服务身份',
  },
  CommitmentOwnerType: { DEPARTMENT: 'Functional department — 职能部门', STREET: 'Street office — 街道办事处', SERVICE_POINT: 'Service point — 服务网点' },
  CommitmentStatus: { PENDING: 'Not assessed yet — 待评定', KEPT: 'Kept — 已兑现', BROKEN: 'Broken — 未兑现' },
  CommitmentVerdict: { KEPT: 'Kept — 已兑现', BROKEN: 'Broken — 未兑现' },
  DelegatedTaskAction: {
    PROPOSE: 'Propose — 提出',
    COUNTER_PROPOSE: 'Counter-propose — 还价（反提议）',
    REVISE_OFFER: 'Revise the offer — 修改报价',
    ACCEPT: 'Accept — 接受',
    DECLINE: 'Decline — 拒绝',
    START: 'Start a part — 开始',
    COMPLETE: 'Complete a part — 完成',
    SETTLE: 'Settle — 结算',
  },
  DelegatedTaskStatus: {
    PROPOSED: 'Proposed — 已提出',
    NEGOTIATING: 'Under negotiation — 协商中',
    ACCEPTED: 'Accepted — 已接受',
    DECLINED: 'Declined — 已拒绝',
    IN_PROGRESS: 'In progress — 进行中',
    COMPLETED: 'Completed — 已完成',
    SETTLED: 'Settled — 已结算',
  },
  RelationshipKind: { GUIDANCE: 'Guidance and assistance — 指导与协助', SUPERVISION: 'Service and supervision — 服务与监督' },
  TaskPart: { PROPOSER: "The proposing street or department's part — 委托方", COMMUNITY: "The community committee's part — 社区" },
  TaskPartStatus: { NOT_STARTED: 'Not started — 未开始', IN_PROGRESS: 'In progress — 进行中', COMPLETED: 'Completed — 已完成' },
  TransferStatus: { PENDING: 'Waiting to be delivered — 待转入', DELIVERED: 'Booked in the community ledger — 已转入' },
  UnitType: { STREET: 'Street office — 街道办事处', DEPARTMENT: 'Functional department — 政府职能部门' },
  // evaluations
  AppealDecision: { UPHELD: 'Upheld: the case is dismissed — 申诉成立', REJECTED: 'Rejected: the clock runs again — 申诉驳回' },
  CampaignStatus: {
    DRAFT: 'Draft — 草稿',
    OPEN: 'Open for ballots — 评议中',
    CLOSED: 'Closed, not published — 已截止',
    PUBLISHED: 'Results published — 已公布',
  },
  EvaluationGrade: { EXCELLENT: 'Excellent — 优秀', GOOD: 'Good — 良好', PASS: 'Pass — 合格', FAIL: 'Fail — 不合格' },
  EvaluationTargetKind: {
    STREET: 'Street office — 街道办事处',
    DEPARTMENT: 'Functional department — 政府职能部门',
    STAFF: 'Department staff member — 工作人员',
    PROVIDER: 'Service provider — 服务提供方',
  },
  RectificationParty: {
    RESPONSIBLE: 'The unit that must rectify — 责任单位',
    COMMUNITY: 'The communities that verify — 社区',
    DISTRICT: 'The district, deciding an appeal — 区',
  },
  RectificationSource: { CAMPAIGN_BALLOT: 'Bad ballots of an evaluation campaign — 评议差评', SERVICE_RATING: "A resident's bad service rating — 服务差评" },
  RectificationStatus: {
    AWAITING_PLAN: 'Waiting for a rectification plan — 待整改',
    PLAN_SUBMITTED: 'Plan submitted, waiting for verification — 已提交整改方案',
    APPEALED: 'Appealed, waiting for the district — 申诉中',
    VERIFIED: 'Rectification verified — 已验收',
    DISMISSED: 'Dismissed on appeal — 已撤销',
  },
  ServiceRating: serviceRating,
  // party
  ActivityKind: { PARTY_BUILDING: 'Party-building event — 党建活动', VOLUNTEER_SERVICE: 'Volunteer service event — 志愿服务活动' },
  PartyOffice: {
    SECRETARY: 'Secretary — 书记',
    DEPUTY_SECRETARY: 'Deputy secretary — 副书记',
    ORGANIZATION_COMMITTEE_MEMBER: 'Committee member for organisation — 组织委员',
    PUBLICITY_COMMITTEE_MEMBER: 'Committee member for publicity — 宣传委员',
    DISCIPLINE_COMMITTEE_MEMBER: 'Committee member for discipline inspection — 纪检委员',
  },
  PartyOrganizationKind: { BRANCH: 'Party branch — 党支部', GENERAL_BRANCH: 'General party branch — 党总支' },
  ResourceKind: {
    ROOMS: 'Rooms and venues — 场地',
    EQUIPMENT: 'Equipment — 设备',
    MONEY: 'Money — 资金',
    STAFF_TIME: 'Staff time — 人力',
    GOODS: 'Goods — 物资',
    SERVICES: 'Services — 服务',
  },
  UnitKind: {
    ENTERPRISE: 'Private enterprise — 企业',
    STATE_ENTERPRISE: 'State-owned enterprise — 国有企业',
    PUBLIC_INSTITUTION: 'Public institution — 事业单位',
    GOVERNMENT_AGENCY: 'Government agency — 机关单位',
    SCHOOL: 'School — 学校',
    HOSPITAL: 'Hospital — 医院',
    SOCIAL_ORGANIZATION: 'Social organisation — 社会组织',
  },
  VolunteerSkill: {
    ELDERLY_CARE: 'Elderly care — 助老',
    MEDICAL: 'Medical care — 医疗',
    TUTORING: 'Tutoring — 辅导',
    LEGAL_AID: 'Legal aid — 法律援助',
    REPAIRS: 'Repairs — 维修',
    SAFETY_PATROL: 'Safety patrol — 治安巡逻',
    CULTURE_ARTS: 'Culture and arts — 文化艺术',
    ENVIRONMENT: 'Environment — 环境保护',
    IT_HELP: 'Computer help — 电脑帮助',
    COUNSELING: 'Counselling — 心理疏导',
  },
  // registry
  SchemaChangeCriticality: {
    BREAKING: 'Breaking: clients may fail — 破坏性变更',
    DANGEROUS: 'Dangerous: clients may behave differently — 危险变更',
    SAFE: 'Safe — 安全变更',
  },
  SubgraphKind: { CORE: "One of the hub's own subgraphs — 核心子图", PARTNER: "A partner agency's subgraph — 合作机构子图" },
  SubgraphVersionAction: { SYNC: 'Synced from schema/ — 同步', PUBLISH: 'Published — 发布', ROLLBACK: 'Rolled back — 回滚', REMOVE: 'Removed — 移除' },
  // services
  ChargingMode: { FREE: 'Free — 无偿', LOW_COST: 'Low-cost — 低偿', PAID: 'Paid — 有偿' },
  Open311Lang: { zh: 'Chinese — 中文', en: 'English — 英文' },
  Open311ServiceType: { realtime: 'Realtime — 实时', batch: 'Batch — 批量', blackbox: 'Black box — 黑箱' },
  Open311Status: { open: 'Open — 处理中', closed: 'Closed — 已关闭' },
  ServicePointNoticeKind: {
    SERVICE_CONTENT: 'What the point does — 服务内容',
    CHARGES: 'Charges — 收费标准',
    STAFF_ON_DUTY: 'Staff on duty — 值班人员',
    SUPERVISION_CHANNEL: 'How to complain or supervise — 监督渠道',
    OTHER: 'Other — 其他',
  },
  ServiceProviderKind: {
    ENTERPRISE: 'Enterprise — 企业',
    SOCIAL_ORGANISATION: 'Social organisation — 社会组织',
    PUBLIC_INSTITUTION: 'Public institution — 事业单位',
    INDIVIDUAL_BUSINESS: 'Individual business — 个体工商户',
  },
  ServiceRequestStatus: {
    SUBMITTED: 'Submitted — 已提交',
    ACCEPTED: 'Accepted — 已受理',
    IN_PROGRESS: 'In progress — 办理中',
    COMPLETED: 'Completed — 已办结',
    CLOSED: 'Closed — 已关闭',
    REJECTED: 'Rejected — 不予受理',
  },
  ServiceTier: {
    WELFARE: 'Welfare services for vulnerable groups — 福利性服务',
    CONVENIENCE: 'Convenience services for all members — 便民服务',
    SOCIALISED: 'Socialised services for local units — 社会化服务',
  },
  TenderBidStatus: { SUBMITTED: 'Submitted — 已投标', WON: 'Won — 中标', LOST: 'Lost — 未中标' },
  TenderStatus: { OPEN: 'Open for bids — 招标中', CLOSED: 'Closed for evaluation — 已截标', AWARDED: 'Awarded — 已定标', CANCELLED: 'Cancelled — 已取消' },
  WelfareGroup: vulnerableGroup,
};

/**
 * Sets the description of every enum value the table describes (in place), also in the mock
 * AST nodes the directives plugin gives types (printSubgraphSchema prints from those).
 */
export function describeEnumValues(schema: GraphQLSchema, table: Record<string, Values> = enumValueDescriptions): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__')) continue;
    const values = table[type.name];
    if (!values) continue;
    const described = (node: EnumValueDefinitionNode): EnumValueDefinitionNode => {
      const description = values[node.name.value];
      return description ? { ...node, description: { kind: Kind.STRING, value: description } } : node;
    };
    for (const value of type.getValues()) {
      const description = values[value.name];
      if (!description) continue;
      value.description = description;
      if (value.astNode) value.astNode = described(value.astNode);
    }
    const node = type.astNode as EnumTypeDefinitionNode | null | undefined;
    if (node?.values) type.astNode = { ...node, values: node.values.map(described) };
  }
  return schema;
}
