// GB/T 2260 division codes the hub needs by name: every province-level unit, and the three cities
// of the source report (Foshan, Quzhou, Hangzhou) with the codes they retired, so that identifiers
// issued under an old code (a citizen ID keeps its area code for life) still resolve.
//
// Dates, and how sure they are:
// - validFrom/validTo is the day a change was approved (State Council or Ministry of Civil
//   Affairs), falling back to the day it was announced; validTo is the first day the code is
//   no longer in force. Sources: the Ministry's year-end code lists 1980–2001 (which fix the
//   year), published approvals and local chronicles (which fix the day).
// - BASELINE means "already in force when GB/T 2260 was first published (1980)": the table
//   does not go further back, it is not a founding date.
// - A date ending in -01 marks a day (or month) not established; the comment on the entry says which.
// - 1995-01-01 (RECODED_1995): until 1995 county-level cities administered directly by a
//   province had codes of the form xx90nn; during 1995 they were renumbered under the prefecture
//   that administers them. The Ministry's list for December 1994 has the old codes and the one
//   for December 1995 the new ones; the day of the switch is not established.
// - `evidence` on an entry says where its code, name and period can be checked. MCA_LISTS are
//   the Ministry of Civil Affairs' year-end lists of county-level and higher codes (民政部《县及县
//   以上行政区划代码》, one per year since 1980; transcribed, for instance, in the cn/GB2260
//   project's mca/YYYY12.tsv): "lists 1983–1992" means the first and the last year-end list that
//   carry the code with this name, so the code came into force in the first year and went out of
//   force after the last list and before the next one.
// - A code the Ministry gave to another division later ("reused") keeps one entry here, for the
//   meaning citizen IDs of the three cities carry; the other meaning is named in the comment.

import type { DivisionEntry } from './division-codes.js';

export const DIVISION_TABLE_VERSION = '2024';

/** Who compiled this table, shown with every division it supplies. */
export const DIVISION_TABLE_SOURCE = {
  name: '@hub/identifiers GB/T 2260 table',
  version: DIVISION_TABLE_VERSION,
  description:
    "curated from the Ministry of Civil Affairs' year-end code lists 1980–2019, State Council approvals and local chronicles",
} as const;

function lists(first: number, last: number, note?: string): string {
  return `${MCA_LISTS} ${first === last ? first : `${first}–${last}`}${note ? `; ${note}` : ''}`;
}

const BASELINE = '1980-01-01';
const MCA_LISTS = '民政部《县及县以上行政区划代码》年末表';
const RECODED_1995 = '1995-01-01';
// 国函〔2001〕13号, 2001-02-02: 萧山市 and 余杭市 become districts (inaugurated 2001-03-25).
const HANGZHOU_2001 = '2001-02-02';
// 国函〔2002〕109号, 2002-12-08: Foshan's five districts (inaugurated 2003-01-08).
const FOSHAN_2002 = '2002-12-08';
// 国函〔2021〕29号; Zhejiang's notice was dated 2021-03-11 and published, with effect, on 2021-04-09.
const HANGZHOU_2021 = '2021-04-09';

const PROVINCES: readonly DivisionEntry[] = [
  province('110000', '北京市', 'Beijing'),
  province('120000', '天津市', 'Tianjin'),
  province('130000', '河北省', 'Hebei'),
  province('140000', '山西省', 'Shanxi'),
  province('150000', '内蒙古自治区', 'Inner Mongolia Autonomous Region'),
  province('210000', '辽宁省', 'Liaoning'),
  province('220000', '吉林省', 'Jilin'),
  province('230000', '黑龙江省', 'Heilongjiang'),
  province('310000', '上海市', 'Shanghai'),
  province('320000', '江苏省', 'Jiangsu'),
  province('330000', '浙江省', 'Zhejiang'),
  province('340000', '安徽省', 'Anhui'),
  province('350000', '福建省', 'Fujian'),
  province('360000', '江西省', 'Jiangxi'),
  province('370000', '山东省', 'Shandong'),
  province('410000', '河南省', 'Henan'),
  province('420000', '湖北省', 'Hubei'),
  province('430000', '湖南省', 'Hunan'),
  province('440000', '广东省', 'Guangdong'),
  province('450000', '广西壮族自治区', 'Guangxi Zhuang Autonomous Region'),
  // Founded by the National People's Congress on 1988-04-13 (until then part of Guangdong).
  province('460000', '海南省', 'Hainan', '1988-04-13'),
  // Made a municipality by the National People's Congress on 1997-03-14 (until then in Sichuan).
  province('500000', '重庆市', 'Chongqing', '1997-03-14'),
  province('510000', '四川省', 'Sichuan'),
  province('520000', '贵州省', 'Guizhou'),
  province('530000', '云南省', 'Yunnan'),
  province('540000', '西藏自治区', 'Xizang (Tibet) Autonomous Region'),
  province('610000', '陕西省', 'Shaanxi'),
  province('620000', '甘肃省', 'Gansu'),
  province('630000', '青海省', 'Qinghai'),
  province('640000', '宁夏回族自治区', 'Ningxia Hui Autonomous Region'),
  province('650000', '新疆维吾尔自治区', 'Xinjiang Uygur Autonomous Region'),
  province('710000', '台湾省', 'Taiwan'),
  province('810000', '香港特别行政区', 'Hong Kong Special Administrative Region', '1997-07-01'),
  province('820000', '澳门特别行政区', 'Macao Special Administrative Region', '1999-12-20'),
];

const BEIJING: readonly DivisionEntry[] = [
  prefecture('110100', '市辖区', 'Beijing municipal districts', '110000', BASELINE),
  county('110105', '朝阳区', 'Chaoyang District', '110100', BASELINE),
];

const HANGZHOU: readonly DivisionEntry[] = [
  prefecture('330100', '杭州市', 'Hangzhou', '330000', BASELINE),
  county('330102', '上城区', 'Shangcheng District', '330100', BASELINE),
  // 2021: merged with most of 江干区 into a new 上城区 (code kept).
  county('330103', '下城区', 'Xiacheng District', '330100', BASELINE, HANGZHOU_2021, ['330105'], '国函〔2021〕29号'),
  // 2021: 下沙 and 白杨 subdistricts went to the new 钱塘区, the rest to 上城区.
  county(
    '330104',
    '江干区',
    'Jianggan District',
    '330100',
    BASELINE,
    HANGZHOU_2021,
    ['330102', '330114'],
    '国函〔2021〕29号',
  ),
  county('330105', '拱墅区', 'Gongshu District', '330100', BASELINE),
  county('330106', '西湖区', 'Xihu District', '330100', BASELINE),
  // Abolished in 1990 and merged into 拱墅区 (杭州市志); the lists fix the year, the day is not established.
  county(
    '330107',
    '半山区',
    'Banshan District',
    '330100',
    BASELINE,
    '1990-01-01',
    ['330105'],
    lists(1980, 1989, 'absent from 1990'),
  ),
  county('330108', '滨江区', 'Binjiang District', '330100', '1996-12-12'),
  county('330109', '萧山区', 'Xiaoshan District', '330100', HANGZHOU_2001),
  // 2021: split; the western part kept the name and the code, the east became 临平区.
  county('330110', '余杭区', 'Yuhang District', '330100', HANGZHOU_2001),
  // Approved December 2014 (reported as the 13th, not verified), inaugurated February 2015.
  county('330111', '富阳区', 'Fuyang District', '330100', '2014-12-01'),
  // Zhejiang's notice of the State Council approval was published 2017-08-11; inaugurated 2017-09-15.
  county('330112', '临安区', "Lin'an District", '330100', '2017-08-11'),
  county('330113', '临平区', 'Linping District', '330100', HANGZHOU_2021),
  county('330114', '钱塘区', 'Qiantang District', '330100', HANGZHOU_2021),
  county('330121', '萧山县', 'Xiaoshan County', '330100', BASELINE, '1987-11-27', ['339005'], lists(1980, 1986)),
  county('330122', '桐庐县', 'Tonglu County', '330100', BASELINE),
  // Became a city in 1994; January is from memory, the day is not established.
  county('330123', '富阳县', 'Fuyang County', '330100', BASELINE, '1994-01-01', ['339019'], lists(1980, 1993)),
  county('330124', '临安县', "Lin'an County", '330100', BASELINE, '1996-12-28', ['330185'], lists(1980, 1995)),
  // Became a city in April 1994; the day is not established.
  county('330125', '余杭县', 'Yuhang County', '330100', BASELINE, '1994-04-01', ['339021'], lists(1980, 1993)),
  county('330126', '建德县', 'Jiande County', '330100', BASELINE, '1992-04-01', ['339013'], lists(1980, 1991)),
  county('330127', '淳安县', "Chun'an County", '330100', BASELINE),
  county(
    '330181',
    '萧山市',
    'Xiaoshan (county-level city)',
    '330100',
    RECODED_1995,
    HANGZHOU_2001,
    ['330109'],
    lists(1995, 2000),
  ),
  county('330182', '建德市', 'Jiande (county-level city)', '330100', RECODED_1995),
  county(
    '330183',
    '富阳市',
    'Fuyang (county-level city)',
    '330100',
    RECODED_1995,
    '2014-12-01',
    ['330111'],
    lists(1995, 2013),
  ),
  county(
    '330184',
    '余杭市',
    'Yuhang (county-level city)',
    '330100',
    RECODED_1995,
    HANGZHOU_2001,
    ['330110'],
    lists(1995, 2000),
  ),
  county(
    '330185',
    '临安市',
    "Lin'an (county-level city)",
    '330100',
    '1996-12-28',
    '2017-08-11',
    ['330112'],
    lists(1996, 2016),
  ),
  // The same cities under their pre-1995 province-administered codes (see RECODED_1995).
  county(
    '339005',
    '萧山市',
    'Xiaoshan (county-level city)',
    '330000',
    '1987-11-27',
    RECODED_1995,
    ['330181'],
    lists(1987, 1994),
  ),
  county(
    '339013',
    '建德市',
    'Jiande (county-level city)',
    '330000',
    '1992-04-01',
    RECODED_1995,
    ['330182'],
    lists(1992, 1994),
  ),
  county(
    '339019',
    '富阳市',
    'Fuyang (county-level city)',
    '330000',
    '1994-01-01',
    RECODED_1995,
    ['330183'],
    lists(1994, 1994),
  ),
  county(
    '339021',
    '余杭市',
    'Yuhang (county-level city)',
    '330000',
    '1994-04-01',
    RECODED_1995,
    ['330184'],
    lists(1994, 1994),
  ),
];

// Quzhou became a prefecture-level city in May 1985 when 金华地区 was dissolved (day not
// established); its counties were numbered 3324nn under 金华地区 before that.
const QUZHOU_1985 = '1985-05-01';

const QUZHOU: readonly DivisionEntry[] = [
  prefecture('330800', '衢州市', 'Quzhou', '330000', QUZHOU_1985),
  county('330802', '柯城区', 'Kecheng District', '330800', QUZHOU_1985),
  // One secondary source gives 2001-12-10; the Ministry's list confirms only the year 2001.
  county('330803', '衢江区', 'Qujiang District', '330800', '2001-12-10'),
  county('330821', '衢县', 'Qu County', '330800', QUZHOU_1985, '2001-12-10', ['330803'], lists(1985, 2000)),
  county('330822', '常山县', 'Changshan County', '330800', QUZHOU_1985),
  county(
    '330823',
    '江山县',
    'Jiangshan County',
    '330800',
    QUZHOU_1985,
    '1987-11-27',
    ['339006'],
    lists(1985, 1986, '1987 has 339006 江山市'),
  ),
  county('330824', '开化县', 'Kaihua County', '330800', QUZHOU_1985),
  county('330825', '龙游县', 'Longyou County', '330800', QUZHOU_1985),
  county('330881', '江山市', 'Jiangshan (county-level city)', '330800', RECODED_1995),
  county(
    '339006',
    '江山市',
    'Jiangshan (county-level city)',
    '330000',
    '1987-11-27',
    RECODED_1995,
    ['330881'],
    lists(1987, 1994),
  ),
  // Before 1985 Quzhou's area was part of 金华地区 (3324nn); citizen ID numbers were first issued
  // in 1984–85, so these codes are on the oldest IDs of Quzhou.
  prefecture(
    '332400',
    '金华地区',
    'Jinhua Prefecture',
    '330000',
    BASELINE,
    QUZHOU_1985,
    ['330700', '330800'],
    lists(1980, 1984, '1985 has 3307nn 金华市 and 3308nn 衢州市'),
  ),
  // The county-level city; in 1985 split into 柯城区 and 衢县 of the new prefecture-level city.
  county(
    '332402',
    '衢州市',
    'Quzhou (county-level city)',
    '332400',
    BASELINE,
    QUZHOU_1985,
    ['330802', '330821'],
    lists(1980, 1984),
  ),
  county('332427', '常山县', 'Changshan County', '332400', BASELINE, QUZHOU_1985, ['330822'], lists(1980, 1984)),
  county('332428', '江山县', 'Jiangshan County', '332400', BASELINE, QUZHOU_1985, ['330823'], lists(1980, 1984)),
  county('332429', '开化县', 'Kaihua County', '332400', BASELINE, QUZHOU_1985, ['330824'], lists(1980, 1984)),
  // Re-established in 1983 (the lists fix the year only). The code named 金华县 in the 1980 list
  // (reused; that meaning is not kept here). 332431 was 衢县 in 1980 and 磐安县 (Jinhua) in
  // 1983–84: neither meaning is on a Quzhou citizen ID, so it is not listed.
  county(
    '332430',
    '龙游县',
    'Longyou County',
    '332400',
    '1983-01-01',
    QUZHOU_1985,
    ['330825'],
    lists(1983, 1984, 'the 1980 list names 332430 金华县'),
  ),
];

// Foshan's two urban districts were set up in June 1984 (as histories of 城区 give it; the day is
// not established); 440602 was named 汾江区 until 1986–87.
const FOSHAN_1984 = '1984-06-01';

// 佛山地区 was dissolved in 1983 and Foshan became a prefecture-level city administering four
// counties (and, briefly, 中山市): the 1982 list has them as 4426nn, the 1983 list as 44062n.
// The State Council approved it in its reply to Guangdong's request of 1983-11-04 (撤销佛山地区，将
// 南海、三水、顺德、高明四县划归佛山市管辖 … 撤销中山县，设立中山市（县级）; the reply's text is
// reprinted from the State Council gazette, and the change is in the Ministry's list of changes of
// the fourth quarter of 1983). Its day, 1983-12-22, is the one histories of 中山 give for 中山市;
// the dated header of the reply itself was not seen. Locally the prefecture and the city were
// merged earlier, from June 1983 (1983-06-01 in zh.wikipedia 佛山地区), ahead of the approval.
const FOSHAN_1983 = '1983-12-22';
const FOSHAN_1983_EVIDENCE =
  "State Council reply to Guangdong's request of 1983-11-04 (撤销佛山地区), in the Ministry's changes of 1983 Q4; the day as local histories of 中山 give it";

// The four counties became county-level cities (province-administered, 4490nn, until RECODED_1995).
// The days are those of the approvals as published locally; the approving authority is as the
// source names it.
// 国务院 approval 1992-09-02; 南海市 inaugurated 1992-09-23 (《南海年鉴》1994, quoted by local histories).
const NANHAI_1992 = '1992-09-02';
const NANHAI_1992_EVIDENCE = 'city approved by the State Council 1992-09-02, inaugurated 1992-09-23 (《南海年鉴》1994)';
// Approval 1992-03-26 (local histories name the Ministry of Civil Affairs); 顺德市 government set up 1992-04-30.
const SHUNDE_1992 = '1992-03-26';
const SHUNDE_1992_EVIDENCE = 'city approved 1992-03-26, its government set up 1992-04-30 (local histories)';
// 1993-03-29 (zh.wikipedia 三水区); one secondary source gives 1993-05-28, presumably the inauguration.
const SANSHUI_1993 = '1993-03-29';
const SANSHUI_1993_EVIDENCE = 'city approved 1993-03-29 (zh.wikipedia 三水区)';
// Ministry of Civil Affairs approval 1994-04-18 (zh.wikipedia 佛山市).
const GAOMING_1994 = '1994-04-18';
const GAOMING_1994_EVIDENCE = 'city approved by the Ministry of Civil Affairs 1994-04-18 (zh.wikipedia 佛山市)';

const FOSHAN: readonly DivisionEntry[] = [
  prefecture('440600', '佛山市', 'Foshan', '440000', BASELINE),
  // 中山县 became a county-level city by the same approval (FOSHAN_1983); in the 1984 list it is
  // 449002 (province-administered; a code reused for 台山市 in 1992), since 1988 the
  // prefecture-level city 442000. The day of the move to 449002 is not established.
  county(
    '440620',
    '中山市',
    'Zhongshan (county-level city)',
    '440600',
    FOSHAN_1983,
    '1984-01-01',
    ['449002'],
    lists(1983, 1983, `1984 has 449002 中山市; ${FOSHAN_1983_EVIDENCE}`),
  ),
  // The four counties became county-level cities one by one, each on the day given here.
  county(
    '440621',
    '三水县',
    'Sanshui County',
    '440600',
    FOSHAN_1983,
    SANSHUI_1993,
    ['449008'],
    lists(1983, 1992, `1993 has 449008 三水市; ${SANSHUI_1993_EVIDENCE}`),
  ),
  county(
    '440622',
    '南海县',
    'Nanhai County',
    '440600',
    FOSHAN_1983,
    NANHAI_1992,
    ['449004'],
    lists(1983, 1991, `1992 has 449004 南海市; ${NANHAI_1992_EVIDENCE}`),
  ),
  county(
    '440623',
    '顺德县',
    'Shunde County',
    '440600',
    FOSHAN_1983,
    SHUNDE_1992,
    ['449001'],
    lists(1983, 1991, `1992 has 449001 顺德市; ${SHUNDE_1992_EVIDENCE}`),
  ),
  county(
    '440624',
    '高明县',
    'Gaoming County',
    '440600',
    FOSHAN_1983,
    GAOMING_1994,
    ['449023'],
    lists(1983, 1993, `1994 has 449023 高明市; ${GAOMING_1994_EVIDENCE}`),
  ),
  // 佛山地区 until 1983: its counties went to 佛山市, 江门市 (440700) and 珠海市 (440400), as the 1983 list shows.
  prefecture(
    '442600',
    '佛山地区',
    'Foshan Prefecture',
    '440000',
    BASELINE,
    FOSHAN_1983,
    ['440600', '440700', '440400'],
    lists(1980, 1982, FOSHAN_1983_EVIDENCE),
  ),
  county('442622', '南海县', 'Nanhai County', '442600', BASELINE, FOSHAN_1983, ['440622'], lists(1980, 1982)),
  county('442623', '顺德县', 'Shunde County', '442600', BASELINE, FOSHAN_1983, ['440623'], lists(1980, 1982)),
  // 高鹤县 in the 1980 list, split in 1981 into 高明县 (this code) and 鹤山县 (442621).
  county(
    '442624',
    '高明县',
    'Gaoming County',
    '442600',
    '1981-01-01',
    FOSHAN_1983,
    ['440624'],
    lists(1981, 1982, 'the 1980 list names 442624 高鹤县'),
  ),
  county('442631', '三水县', 'Sanshui County', '442600', BASELINE, FOSHAN_1983, ['440621'], lists(1980, 1982)),
  county(
    '440602',
    '城区',
    'Chengqu District',
    '440600',
    FOSHAN_1984,
    FOSHAN_2002,
    ['440604'],
    lists(1984, 2001, 'named 汾江区 until 1986'),
  ),
  county('440603', '石湾区', 'Shiwan District', '440600', FOSHAN_1984, FOSHAN_2002, ['440604'], lists(1984, 2001)),
  county('440604', '禅城区', 'Chancheng District', '440600', FOSHAN_2002),
  county('440605', '南海区', 'Nanhai District', '440600', FOSHAN_2002),
  county('440606', '顺德区', 'Shunde District', '440600', FOSHAN_2002),
  county('440607', '三水区', 'Sanshui District', '440600', FOSHAN_2002),
  county('440608', '高明区', 'Gaoming District', '440600', FOSHAN_2002),
  county(
    '440681',
    '顺德市',
    'Shunde (county-level city)',
    '440600',
    RECODED_1995,
    FOSHAN_2002,
    ['440606'],
    lists(1995, 2001),
  ),
  // Its 南庄镇 went to 禅城区 in 2002, the rest became 南海区.
  county(
    '440682',
    '南海市',
    'Nanhai (county-level city)',
    '440600',
    RECODED_1995,
    FOSHAN_2002,
    ['440605', '440604'],
    lists(1995, 2001),
  ),
  county(
    '440683',
    '三水市',
    'Sanshui (county-level city)',
    '440600',
    RECODED_1995,
    FOSHAN_2002,
    ['440607'],
    lists(1995, 2001),
  ),
  county(
    '440684',
    '高明市',
    'Gaoming (county-level city)',
    '440600',
    RECODED_1995,
    FOSHAN_2002,
    ['440608'],
    lists(1995, 2001),
  ),
  county(
    '449001',
    '顺德市',
    'Shunde (county-level city)',
    '440000',
    SHUNDE_1992,
    RECODED_1995,
    ['440681'],
    lists(1992, 1994, `the code named 潮州市 in the lists 1984–1990; ${SHUNDE_1992_EVIDENCE}`),
  ),
  county(
    '449004',
    '南海市',
    'Nanhai (county-level city)',
    '440000',
    NANHAI_1992,
    RECODED_1995,
    ['440682'],
    lists(1992, 1994, NANHAI_1992_EVIDENCE),
  ),
  county(
    '449008',
    '三水市',
    'Sanshui (county-level city)',
    '440000',
    SANSHUI_1993,
    RECODED_1995,
    ['440683'],
    lists(1993, 1994, SANSHUI_1993_EVIDENCE),
  ),
  county(
    '449023',
    '高明市',
    'Gaoming (county-level city)',
    '440000',
    GAOMING_1994,
    RECODED_1995,
    ['440684'],
    lists(1994, 1994, GAOMING_1994_EVIDENCE),
  ),
];

const ZHONGSHAN_1988 = '1988-01-07';

// Divisions outside the three cities that took over part of their area: successors must resolve.
const NEIGHBOURS: readonly DivisionEntry[] = [
  prefecture('330700', '金华市', 'Jinhua', '330000', QUZHOU_1985, null, undefined, lists(1985, 2019)),
  prefecture('440400', '珠海市', 'Zhuhai', '440000', BASELINE, null, undefined, lists(1980, 2019)),
  prefecture('440700', '江门市', 'Jiangmen', '440000', BASELINE, null, undefined, lists(1980, 2019)),
  // Prefecture-level since 1988 (the lists fix the year): approved by the State Council on
  // 1988-01-07, the day histories of 中山 give (the approval itself was not seen).
  prefecture(
    '442000',
    '中山市',
    'Zhongshan',
    '440000',
    ZHONGSHAN_1988,
    null,
    undefined,
    lists(1988, 2019, 'prefecture-level from 1988-01-07 (local histories)'),
  ),
  // Province-administered 1984–1987; the code was given to 台山市 in 1992 (that meaning is not kept).
  county(
    '449002',
    '中山市',
    'Zhongshan (county-level city)',
    '440000',
    '1984-01-01',
    ZHONGSHAN_1988,
    ['442000'],
    lists(1984, 1987, '1988 has 442000 中山市'),
  ),
];

export const DIVISION_TABLE: readonly DivisionEntry[] = [
  ...NEIGHBOURS,
  ...PROVINCES,
  ...BEIJING,
  ...HANGZHOU,
  ...QUZHOU,
  ...FOSHAN,
].sort((a, b) => a.code.localeCompare(b.code));

function province(code: string, name: string, nameEn: string, validFrom = BASELINE): DivisionEntry {
  return { code, name, nameEn, level: 'province', parent: null, validFrom, validTo: null };
}

function prefecture(
  code: string,
  name: string,
  nameEn: string,
  parent: string,
  validFrom: string,
  validTo: string | null = null,
  successors?: readonly string[],
  evidence?: string,
): DivisionEntry {
  return {
    code,
    name,
    nameEn,
    level: 'prefecture',
    parent,
    validFrom,
    validTo,
    ...(successors ? { successors } : {}),
    ...(evidence ? { evidence } : {}),
  };
}

function county(
  code: string,
  name: string,
  nameEn: string,
  parent: string,
  validFrom: string,
  validTo: string | null = null,
  successors?: readonly string[],
  evidence?: string,
): DivisionEntry {
  return {
    code,
    name,
    nameEn,
    level: 'county',
    parent,
    validFrom,
    validTo,
    ...(successors ? { successors } : {}),
    ...(evidence ? { evidence } : {}),
  };
}
