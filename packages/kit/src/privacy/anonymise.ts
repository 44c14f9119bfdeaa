// Free text that leaves the hub as public data (ballot comments, Open311 status notes) is written
// by people about people. What could identify someone is replaced by `***`: e-mail addresses,
// ID-card numbers, phone numbers and other long digit runs, house numbers (the road stays, the
// door goes), and names: a surname with a title or kinship term (张女士, 李秀英阿姨, 周师傅), a
// surname after 老/小 (老王), or a name after a label (联系人：张伟). Names without such a cue
// cannot be told from ordinary words without a dictionary of the language, so free-text fields
// still say "no personal data" to their writers; this is the net under that rule, and it
// prefers hiding a word too many to leaving a name.

export const redacted = '***';

// The 250 or so commonest surnames and the compound ones (区 is left out: 居民区, 小区); the 老/小
// form takes only the commonest, as 小时, 老家, 小高层 are everyday words.
const compoundSurnames = '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|轩辕|端木|西门|南宫';
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const commonSurnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范贾夏韦付方邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃戴莫孔汤';
// Forms of address only: 老人, 医生, 经理 … also end ordinary phrases (高龄老人, 全科医生, 项目经理).
const titles =
  '先生|女士|小姐|太太|夫人|阿姨|阿婆|阿公|阿伯|婆婆|奶奶|爷爷|姥姥|姥爷|外婆|外公|大爷|大妈|大娘|大婶|大伯|大叔|大姐|大哥|叔叔|伯伯|婶婶|老师|师傅|同志|书记|主任|老太|老伯';
// Characters that end a name rather than continue it (and, to, by, of, for …).
const notInName = '的了和与及跟同在给向对由被把请让为是已将从等也都又就说称反要表住打';
const han = '[\\u4e00-\\u9fff]';
const givenChar = `[${han}--[${notInName}]]`;
const surname = `(?:${compoundSurnames}|[${surnames}])`;
const labels = '联系人|申请人|姓名|名字|户主|家属|委托人|监护人|代理人|居民|老人|患者|本人';

// An address's block (3栋, 5号楼), unit (2单元) and room (501室, or 501 alone after a unit).
const block = '(?:\\s*\\d+\\s*(?:栋|幢|座|号楼))';
const unit = '(?:\\s*\\d+\\s*单元)';
const room = '(?:\\s*(?:\\d+\\s*(?:室|层|楼|号|户)|\\d{3,4}(?!\\d)))';

const isDate = (digits: string) => /^(?:19|20)\d\d-\d\d?-\d\d?$/.test(digits);

const patterns: [RegExp, (match: string) => string][] = [
  // e-mail
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, () => redacted],
  // resident ID card: 17 digits and a check digit or X, in one run or in groups (420103 19800101 123X)
  [/(?<!\d)\d(?:[\s-]?\d){16}[\s-]?[\dXx](?![\dA-Za-z])/g, () => redacted],
  // phones (138 1234 5678, +86-139…, 027-8888 6666) and other runs of seven digits or more; not dates
  [/\+?(?<!\d)\d(?:[\s-]?\d){6,}/g, (m: string) => (isDate(m) ? m : redacted)],
  // house numbers after a road, lane or village (民族路12号 → 民族路***), with block, unit and room
  [new RegExp(`(?<=[路街道巷弄里村])\\s*\\d+\\s*号(?:院|楼)?${block}?${unit}?${room}?`, 'g'), () => redacted],
  // block / unit / room on their own (3栋2单元501室, 5号楼, 2单元501, 501室) and 3-2-501
  [
    new RegExp(`\\d+\\s*(?:栋|幢|座|号楼)${unit}?${room}?|\\d+\\s*单元${room}?|\\d+\\s*(?:室|户)|(?<!\\d)\\d{1,3}-\\d{1,2}-\\d{3,4}(?!\\d)`, 'g'),
    () => redacted,
  ],
  // a surname with a title or kinship term, the given name optional: 张女士, 李秀英阿姨, 欧阳老师
  [new RegExp(`${surname}${givenChar}{0,2}?(?:${titles})`, 'gv'), () => redacted],
  // 老王, 小李: a common surname after 老 or 小, not followed by more of a word
  [new RegExp(`[老小][${commonSurnames}](?![${han}--[${notInName}家说来去反讲]])`, 'gv'), () => redacted],
  // a name after a label: 联系人：张伟, 居民王建国
  [new RegExp(`(?<=(?:${labels})[:：\\s]*)${surname}${givenChar}{1,2}`, 'gv'), () => redacted],
];

// Full-width digits, Latin letters and @ . + - (and the ideographic space) are folded to ASCII
// first, so that ０２７－８８８８６６６６ is found like 027-88886666.
const fullWidth = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20\uFF0E\uFF0B\uFF0D]/g;
const fold = (text: string) => text.replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** The text with whitespace collapsed and whatever could identify a person replaced by `***`. */
export function anonymise(text: string): string {
  let out = fold(text).replace(/\s+/g, ' ').trim();
  for (const [pattern, replace] of patterns) out = out.replace(pattern, replace);
  // Neighbouring redactions (a name, then a phone) become one: their count says nothing useful.
  return out.replace(/\*\*\*(?:\s*\*\*\*)+/g, redacted);
}

/** Sorted, so the order says nothing about when or by whom a text was written. */
export function anonymisedList(texts: readonly (string | null)[]): string[] {
  return texts
    .filter((c): c is string => Boolean(c?.trim()))
    .map(anonymise)
    .sort((a, b) => a.localeCompare(b, 'zh'));
}
