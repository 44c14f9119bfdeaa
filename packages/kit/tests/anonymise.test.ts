// Synthetic personal data of the kinds residents and providers write into free text: names with
// titles, mobiles and landlines in every spacing, 18-character ID numbers (also ending in X and
// in groups), e-mail and home addresses down to the room. None of it may survive; ordinary
// service wording (dates, times, 高龄老人, 小区, 每小时) must.
import { describe, expect, it } from 'vitest';
import { anonymise, anonymisedList } from '../src/privacy/anonymise.js';

const leaks = (text: string, secrets: string[]) => secrets.filter((s) => anonymise(text).includes(s));

describe('anonymise', () => {
  it('removes names with titles, after 老/小 and after labels', () => {
    expect(anonymise('张女士来电，李阿姨和王秀英女士一起申请')).toBe('***来电，***和***一起申请');
    expect(anonymise('老王家里漏水，小李已到场；欧阳老师反映情况属实')).toBe('***家里漏水，***已到场；***反映情况属实');
    expect(anonymise('联系人：王建国，居民张伟反映噪音扰民')).toBe('联系人：***，居民***反映噪音扰民');
    expect(anonymise('刘大爷独居，由孙师傅每周上门')).toBe('***独居，由***每周上门');
  });

  it('removes mobiles, landlines and ID-card numbers however they are spaced', () => {
    for (const phone of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 159 2345 6789',
      '+86-186-7123-4567',
      '027-8888 6666',
      '０２７－８８８８６６６６',
    ]) {
      expect(anonymise(`电话${phone}，请回电`)).toBe('电话***，请回电');
    }
    for (const id of ['420103198001011234', '42010319800101123X', '42010319800101123x', '420103 19800101 123X', '4201 0319 8001 0112 3X']) {
      expect(anonymise(`身份证号${id}。`)).toBe('身份证号***。');
    }
  });

  it('keeps the road and drops the door: house number, block, unit and room', () => {
    expect(anonymise('家住民族路12号3栋2单元501室')).toBe('家住民族路***');
    expect(anonymise('住江汉二路8号院5号楼1单元302')).toBe('住江汉二路***');
    expect(anonymise('花园小区3栋2单元501室，另有3-2-501')).toBe('花园小区***，另有***');
    expect(anonymise('邮箱 li.xiuying@example.cn')).toBe('邮箱 ***');
  });

  it('scrubs a realistic note completely', () => {
    const note = '张秀英女士（电话 139-0712-3456，身份证420103195503071226）住前进四路15号2栋3单元602室，行动不便，已安排上门';
    expect(leaks(note, ['张', '秀英', '139', '3456', '420103', '1226', '15号', '602', '3单元'])).toEqual([]);
    expect(anonymise(note)).toBe('***（电话 ***，身份证***）住前进四路***，行动不便，已安排上门');
  });

  it('leaves ordinary service wording, dates and times alone, and is idempotent', () => {
    for (const text of [
      '已受理，服务人员将电话联系确认上门时间',
      '预计2026-07-03上门，工作日上午9:30-11:30',
      '高龄老人助餐服务已安排，小区门口集合，每小时一次',
      '已派单：民族社区居家养老服务点',
      '不在本服务点服务范围，已告知居民转介渠道',
      '项目经理和全科医生已与居民协商',
      '7月12号上门，费用10元',
    ]) {
      expect(anonymise(text)).toBe(text);
    }
    const once = anonymise('王先生 13812345678 民族路12号');
    expect(anonymise(once)).toBe(once);
  });

  it('lists texts sorted, without empty ones, so the order says nothing', () => {
    expect(anonymisedList(['b', null, ' ', 'a 13812345678'])).toEqual(['a ***', 'b']);
  });
});
