// Synthetic people for demo data: deterministic IDs that every subgraph agrees on, and made-up
// names. No real person's data.
import type { Random } from './random.js';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余'];
const surnamePinyin = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Gao', 'Lin', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Xu', 'Han', 'Feng', 'Deng', 'Cao', 'Peng', 'Zeng', 'Xiao', 'Tian', 'Dong', 'Yuan', 'Pan', 'Jiang', 'Cai', 'Yu'];
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '平', '刚', '桂英', '建华', '文', '辉', '玲', '红', '海燕', '建国', '春梅', '志强', '晓东', '丹', '鹏', '玉兰', '德明', '淑珍', '国庆', '利', '萍'];

export interface SyntheticName {
  name: string;
  /** Surname in pinyin, for English displays. */
  surnameEn: string;
}

export function syntheticName(random: Random): SyntheticName {
  const i = random.int(0, surnames.length - 1);
  return { name: `${surnames[i]}${random.pick(given)}${random.chance(0.3) ? random.pick(given).slice(0, 1) : ''}`, surnameEn: surnamePinyin[i]! };
}

/** Members' representatives per community in the demo data. */
export const representativesPerCommunity = 15;

/** `community-minzu-01`, 3 → `rep-minzu-01-03`. */
export function representativeId(communityId: string, n: number): string {
  return `rep-${communityId.replace(/^community-/, '')}-${String(n).padStart(2, '0')}`;
}

/** Staff of a street or department: `street-minzu`, 2 → `staff-street-minzu-02`. */
export function staffId(unitId: string, n: number): string {
  return `staff-${unitId}-${String(n).padStart(2, '0')}`;
}
