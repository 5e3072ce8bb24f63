// Compound surnames (复姓), so that the NAME mask keeps a surname whole: 欧阳娜娜 → 欧阳**, not 欧***
// (which would show one character of the surname and hide none of the given name's length).
//
// Source. GB/T 28039-2011《中国人名汉语拼音字母拼写规则》defines the compound surname (3.2 复姓:
// a surname of more than one character, "一般由两个汉字构成", e.g. 欧阳、司马) and treats it as one
// unit (5.1.1 "复姓连写"), but lists none beyond its examples. The list below is the one that
// standard's examples come from and that registration practice refers to: the 60 compound surnames
// of 《百家姓》 (Northern Song), its closing verses "万俟司马，上官欧阳 … 第五言福", in simplified
// characters as the household register writes them. Pairs of single surnames in those verses
// (仉督, 归海, 商牟, …) are not compound surnames and are not here.

export const COMPOUND_SURNAMES: readonly string[] = [
  '万俟',
  '司马',
  '上官',
  '欧阳',
  '夏侯',
  '诸葛',
  '闻人',
  '东方',
  '赫连',
  '皇甫',
  '尉迟',
  '公羊',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '淳于',
  '单于',
  '太叔',
  '申屠',
  '公孙',
  '仲孙',
  '轩辕',
  '令狐',
  '钟离',
  '宇文',
  '长孙',
  '慕容',
  '鲜于',
  '闾丘',
  '司徒',
  '司空',
  '亓官',
  '司寇',
  '子车',
  '颛孙',
  '端木',
  '巫马',
  '公西',
  '漆雕',
  '乐正',
  '壤驷',
  '公良',
  '拓跋',
  '夹谷',
  '宰父',
  '谷梁',
  '段干',
  '百里',
  '东郭',
  '南门',
  '呼延',
  '羊舌',
  '微生',
  '梁丘',
  '左丘',
  '东门',
  '西门',
  '南宫',
  '第五',
];

const COMPOUND = new Set(COMPOUND_SURNAMES);

/**
 * How many code points of a name are its surname: 2 when it starts with a compound surname and has
 * at least one character after it, else 1. (A two-character name starting with one, 司马, is read as
 * a single surname and a given name: reading it as a surname alone would hide nothing.)
 */
export function surnameLength(codePoints: readonly string[]): number {
  return codePoints.length >= 3 && COMPOUND.has(codePoints[0] + codePoints[1]) ? 2 : 1;
}
