// Synthetic texts for the demo: delegated work, commitments and notices per department and for
// street offices, in the shape the Jianghan model describes. Not taken from any real record.

export interface TaskTemplate {
  title: string;
  description: string;
}

export interface CommitmentTemplate {
  title: string;
  target: string;
}

export interface UnitCatalogue {
  tasks: TaskTemplate[];
  commitments: CommitmentTemplate[];
  notices: { title: string; body: string }[];
}

export const departmentCatalogue: Record<string, UnitCatalogue> = {
  'dept-health': {
    tasks: [
      {
        title: '65岁以上老人免费体检组织动员',
        description: '卫生局委托社区通知并组织辖区65岁以上老人到社区卫生服务中心参加免费体检，社区负责入户通知、预约排班与行动不便老人的陪同。',
      },
      { title: '慢性病患者随访协助', description: '协助社区卫生服务中心对高血压、糖尿病患者开展季度随访，社区提供联系名单核对与场地。' },
      { title: '夏季病媒生物防制宣传与清理', description: '组织居民清理积水容器、发放防蚊资料，卫生局提供药械与技术指导。' },
    ],
    commitments: [
      { title: '社区卫生服务中心工作日全天开诊', target: '每工作日开诊不少于8小时，全年无无故停诊' },
      { title: '老年人健康档案建档', target: '辖区65岁以上老人建档率不低于90%' },
      { title: '居民健康咨询回复', target: '居民咨询3个工作日内答复' },
      { title: '传染病疫情报告', target: '法定传染病24小时内报告率100%' },
      { title: '社区健康讲座', target: '每个社区每季度至少1场' },
    ],
    notices: [
      { title: '社区卫生服务项目及收费标准公示', body: '基本公共卫生服务项目免费提供；其他服务项目收费标准按物价部门核定执行，欢迎居民监督。' },
      { title: '驻社区公共卫生专干名单公示', body: '各社区驻点专干的联系方式在社区服务站公示栏张贴，居民可直接联系。' },
    ],
  },
  'dept-family-planning': {
    tasks: [
      { title: '流动人口计生服务信息核对', description: '社区协助核对新迁入流动人口的计生服务需求，计生委提供表格与核对经费。' },
      { title: '免费孕前检查宣传动员', description: '社区在楼栋张贴宣传资料并组织一次集中咨询活动。' },
    ],
    commitments: [
      { title: '计生服务证明当场办理', target: '材料齐全的当场办结率100%' },
      { title: '免费避孕药具发放点', target: '每个社区至少1个发放点，常年不断供' },
      { title: '独生子女奖励金发放', target: '审核通过后30日内足额发放' },
    ],
    notices: [{ title: '计划生育奖励扶助对象公示', body: '本年度奖励扶助对象名单在各社区公示栏公示7日，无异议后发放。' }],
  },
  'dept-public-security': {
    tasks: [
      { title: '社区治安志愿巡逻队组建', description: '社区组织党员和志愿者组建巡逻队，公安分局负责培训与装备，经费用于装备和保险。' },
      { title: '反电信诈骗宣传进楼栋', description: '社区志愿者配合社区民警逐楼栋宣传反诈知识，重点走访独居老人。' },
    ],
    commitments: [
      { title: '社区民警每周驻社区时间', target: '每周驻社区工作不少于3个半天' },
      { title: '居民报警求助响应', target: '城区5分钟内到达现场' },
      { title: '户籍业务一次办结', target: '材料齐全的户籍业务一次办结率不低于95%' },
    ],
    notices: [{ title: '社区民警联系方式及驻点时间公示', body: '各社区民警的驻点时间在社区警务室门口公示。' }],
  },
  'dept-sanitation': {
    tasks: [
      { title: '垃圾分类楼栋宣传督导', description: '社区组织楼栋长开展垃圾分类宣传和定时定点投放督导，市容环卫局提供分类桶与督导补贴。' },
      { title: '背街小巷卫生死角联合清理', description: '社区发动居民志愿者配合环卫工人集中清理背街小巷卫生死角。' },
    ],
    commitments: [
      { title: '生活垃圾日产日清', target: '主次干道及背街小巷垃圾日产日清率100%' },
      { title: '公厕保洁', target: '辖区公厕每日保洁不少于2次' },
      { title: '居民环境卫生投诉处理', target: '投诉24小时内处理并回复' },
    ],
    notices: [{ title: '环卫作业时间表公示', body: '各片区清扫与垃圾清运时间已在社区公示栏公布。' }],
  },
  'dept-culture': {
    tasks: [
      { title: '社区广场夏季纳凉晚会', description: '社区组织居民文艺队排练演出，文化局提供音响设备与演出补贴。' },
      { title: '全民健身活动站点组织', description: '社区负责健身站点的日常组织和志愿者教练排班，文化局提供器材与培训。' },
    ],
    commitments: [
      { title: '社区文化活动室开放', target: '每周开放不少于40小时' },
      { title: '送戏进社区', target: '每个社区每年不少于2场' },
      { title: '图书流动点更新', target: '每季度更新图书不少于200册' },
    ],
    notices: [{ title: '社区文化活动场所开放时间公示', body: '各社区文化活动室开放时间和活动安排每月公示。' }],
  },
  'dept-city-appearance': {
    tasks: [
      { title: '沿街门店门前三包签约协助', description: '社区协助逐户走访沿街门店，签订门前三包责任书，市容办提供宣传资料与工作经费。' },
      { title: '楼道乱堆乱放集中整治动员', description: '社区发动楼栋长和志愿者动员居民自行清理楼道杂物，市容办负责清运。' },
    ],
    commitments: [
      { title: '占道经营投诉处理', target: '投诉受理后48小时内处置' },
      { title: '户外广告审批', target: '材料齐全的5个工作日内办结' },
      { title: '市容环境月度通报', target: '每月向各社区通报一次检查结果' },
    ],
    notices: [{ title: '门前三包责任标准公示', body: '门前三包责任范围与标准在各社区及沿街门店张贴公示。' }],
  },
  // The lead department of community building (民政部门牵头) and of the welfare services.
  'dept-civil-affairs': {
    tasks: [
      { title: '高龄津贴申领对象摸底核查', description: '民政局委托社区逐户核实80岁以上老人高龄津贴申领资格，社区负责入户核对与材料收集，经费随任务拨付。' },
      { title: '低保家庭年度复核协助', description: '社区协助民政部门开展最低生活保障家庭年度复核，组织入户调查与民主评议。' },
      { title: '居家养老服务需求调查', description: '社区组织志愿者对独居、空巢老人开展居家养老服务需求调查，民政局提供问卷与培训。' },
    ],
    commitments: [
      { title: '低保申请审核审批', target: '材料齐全的申请20个工作日内办结' },
      { title: '临时救助快速响应', target: '急难情况24小时内先行救助' },
      { title: '社区居家养老服务站建设', target: '每个社区建成1个居家养老服务站' },
      { title: '福利性服务项目公开招标', target: '福利性服务项目100%公开招投标并公示结果' },
    ],
    notices: [
      { title: '社会救助政策与申请流程公示', body: '最低生活保障、临时救助、医疗救助的申请条件、所需材料和办理时限在各社区服务站公示。' },
      { title: '福利性服务项目承接机构公示', body: '养老、助残、优抚等福利性服务项目的承接机构、服务内容与监督电话在社区公示栏公示。' },
    ],
  },
};

export const streetCatalogue: UnitCatalogue = {
  tasks: [
    { title: '困难群众节日慰问走访', description: '街道委托社区摸排困难群众名单并组织节日走访慰问，慰问金随任务拨付。' },
    { title: '防汛应急演练组织', description: '社区组织居民参加防汛应急演练，街道提供物资与演练经费。' },
    { title: '老旧小区改造居民意见征集', description: '社区组织居民议事会征集改造意见并汇总反馈街道。' },
  ],
  commitments: [
    { title: '政务服务中心窗口服务', target: '工作日窗口不少于8小时，群众办事一次告知' },
    { title: '社区工作经费按时拨付', target: '每季度首月15日前拨付到社区' },
    { title: '居民来信来访答复', target: '15个工作日内书面答复' },
  ],
  notices: [{ title: '街道办事处职责与服务事项公示', body: '街道办事处的职责、服务事项、办事流程与承诺时限在政务服务中心公示。' }],
};

export const declineReasons = [
  '该事项属于部门行政执法职责，社区无权也无力承担',
  '所提经费不足以覆盖志愿者保险与物资成本，双方未能达成一致',
  '社区本季度已承接同类任务，人手不足，建议下季度再议',
  '任务要求入户采集的信息超出社区自治范围，居民代表会议未同意',
];
