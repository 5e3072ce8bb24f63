// GB 32100-2015 Appendix A: who registered the organisation (position 1) and what kind of
// organisation it is (position 2). The pair decides which base library and which rules apply.

export enum LegalEntityKind {
  ENTERPRISE = 'ENTERPRISE',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  FARMER_COOPERATIVE = 'FARMER_COOPERATIVE',
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  MASS_ORGANISATION = 'MASS_ORGANISATION',
  SOCIAL_ORGANISATION = 'SOCIAL_ORGANISATION',
  PRIVATE_NON_ENTERPRISE = 'PRIVATE_NON_ENTERPRISE',
  FOUNDATION = 'FOUNDATION',
  LEGAL_SERVICE = 'LEGAL_SERVICE',
  RELIGIOUS = 'RELIGIOUS',
  TRADE_UNION = 'TRADE_UNION',
  RURAL_COLLECTIVE = 'RURAL_COLLECTIVE',
  FOREIGN_REPRESENTATIVE = 'FOREIGN_REPRESENTATIVE',
  OTHER = 'OTHER',
}

export interface UsccCodeName {
  readonly code: string;
  /** Chinese name as in the standard. */
  readonly name: string;
  readonly nameEn: string;
}

export interface UsccCategoryDefinition extends UsccCodeName {
  readonly kind: LegalEntityKind;
}

export interface UsccAuthorityDefinition extends UsccCodeName {
  readonly categories: readonly UsccCategoryDefinition[];
}

const K = LegalEntityKind;

function category(code: string, name: string, nameEn: string, kind: LegalEntityKind = K.OTHER): UsccCategoryDefinition {
  return { code, name, nameEn, kind };
}

const OTHER = category('9', '其他', 'Other');

export const USCC_AUTHORITIES: readonly UsccAuthorityDefinition[] = [
  {
    code: '1',
    name: '机构编制',
    nameEn: 'Institutional establishment (staffing) authorities',
    categories: [
      category('1', '机关', 'Government body', K.GOVERNMENT_BODY),
      category('2', '事业单位', 'Public institution', K.PUBLIC_INSTITUTION),
      category(
        '3',
        '中央编办直接管理机构编制的群众团体',
        'Mass organisation whose establishment is managed by the central staffing office',
        K.MASS_ORGANISATION,
      ),
      OTHER,
    ],
  },
  {
    code: '2',
    name: '外交',
    nameEn: 'Foreign affairs',
    categories: [
      category('1', '外国常住新闻机构', 'Resident office of a foreign news organisation', K.FOREIGN_REPRESENTATIVE),
      OTHER,
    ],
  },
  {
    code: '3',
    name: '司法行政',
    nameEn: 'Judicial administration',
    categories: [
      category('1', '律师执业机构', 'Law firm', K.LEGAL_SERVICE),
      category('2', '公证处', 'Notary office', K.LEGAL_SERVICE),
      category('3', '基层法律服务所', 'Grassroots legal service office', K.LEGAL_SERVICE),
      category('4', '司法鉴定机构', 'Forensic appraisal institution', K.LEGAL_SERVICE),
      category('5', '仲裁委员会', 'Arbitration commission', K.LEGAL_SERVICE),
      OTHER,
    ],
  },
  {
    code: '4',
    name: '文化',
    nameEn: 'Culture',
    categories: [
      category('1', '外国在华文化中心', 'Foreign cultural centre in China', K.FOREIGN_REPRESENTATIVE),
      OTHER,
    ],
  },
  {
    code: '5',
    name: '民政',
    nameEn: 'Civil affairs',
    categories: [
      category('1', '社会团体', 'Social organisation', K.SOCIAL_ORGANISATION),
      category('2', '民办非企业单位', 'Private non-enterprise unit', K.PRIVATE_NON_ENTERPRISE),
      category('3', '基金会', 'Foundation', K.FOUNDATION),
      OTHER,
    ],
  },
  {
    code: '6',
    name: '旅游',
    nameEn: 'Tourism',
    categories: [
      category(
        '1',
        '外国旅游部门常驻代表机构',
        'Resident representative office of a foreign tourism authority',
        K.FOREIGN_REPRESENTATIVE,
      ),
      category(
        '2',
        '港澳台地区旅游部门常驻内地代表机构',
        'Resident mainland office of a Hong Kong, Macao or Taiwan tourism authority',
        K.FOREIGN_REPRESENTATIVE,
      ),
      OTHER,
    ],
  },
  {
    code: '7',
    name: '宗教',
    nameEn: 'Religious affairs',
    categories: [
      category('1', '宗教活动场所', 'Venue for religious activities', K.RELIGIOUS),
      category('2', '宗教院校', 'Religious college', K.RELIGIOUS),
      OTHER,
    ],
  },
  {
    code: '8',
    name: '工会',
    nameEn: 'Trade unions',
    categories: [category('1', '基层工会', 'Grassroots trade union', K.TRADE_UNION), OTHER],
  },
  {
    code: '9',
    name: '工商',
    nameEn: 'Industry and commerce (market regulation)',
    categories: [
      category('1', '企业', 'Enterprise', K.ENTERPRISE),
      category('2', '个体工商户', 'Individual business', K.INDIVIDUAL_BUSINESS),
      category('3', '农民专业合作社', "Farmers' specialised cooperative", K.FARMER_COOPERATIVE),
    ],
  },
  {
    code: 'A',
    name: '中央军委改革和编制办公室',
    nameEn: 'Reform and Establishment Office of the Central Military Commission',
    categories: [category('1', '军队事业单位', 'Military public institution', K.PUBLIC_INSTITUTION), OTHER],
  },
  {
    code: 'N',
    name: '农业',
    nameEn: 'Agriculture and rural affairs',
    categories: [
      category('1', '组级集体经济组织', 'Group-level collective economic organisation', K.RURAL_COLLECTIVE),
      category('2', '村级集体经济组织', 'Village-level collective economic organisation', K.RURAL_COLLECTIVE),
      category('3', '乡镇级集体经济组织', 'Township-level collective economic organisation', K.RURAL_COLLECTIVE),
      OTHER,
    ],
  },
  {
    code: 'Y',
    name: '其他',
    nameEn: 'Other registering authorities',
    categories: [category('1', '其他', 'Other')],
  },
];

export function findUsccAuthority(code: string): UsccAuthorityDefinition | undefined {
  return USCC_AUTHORITIES.find((authority) => authority.code === code);
}
