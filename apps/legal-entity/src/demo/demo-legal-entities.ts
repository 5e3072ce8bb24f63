import { generateCitizenId, generateUscc, listDivisions, seededRandom, type RandomSource } from '@hub/identifiers';
import type { LegalEntityRecordInput } from '../legal-entity/dto/legal-entity-record.input.js';

/**
 * Demo legal entities for the embedded start: valid USCCs and citizen IDs (real check digits)
 * across the real county-level divisions of Foshan, Hangzhou and Quzhou — the three cities of
 * the hub's source document. Deterministic: the same records on every machine and every start,
 * so seeding again is a replay that changes nothing.
 */
export function demoLegalEntities(count = 300, seed = 2017): LegalEntityRecordInput[] {
  const random = seededRandom(seed);
  const cities = CITIES.map((city) => ({
    ...city,
    districts: listDivisions({ under: city.code, level: 'county', inForceAt: '2026-01-01' }),
    amr: generateUscc(random, { authority: '1', category: '1', areaCode: city.code }),
    civilAffairs: generateUscc(random, { authority: '1', category: '1', areaCode: city.code }),
  }));
  const records: LegalEntityRecordInput[] = [];
  for (let i = 0; i < count; i++) {
    const city = cities[i % cities.length];
    const district = pick(random, city.districts);
    const kind = weighted(random, [
      ['enterprise', 80],
      ['individual', 12],
      ['cooperative', 4],
      ['social', 4],
    ]);
    const [authority, category] = { enterprise: ['9', '1'], individual: ['9', '2'], cooperative: ['9', '3'], social: ['5', '1'] }[kind];
    const uscc = generateUscc(random, { authority, category, areaCode: district.code });
    const established = randomDate(random, 1995, 2025);
    const status = weighted(random, [
      ['ACTIVE', 88],
      ['SUSPENDED', 3],
      ['REVOKED', 5],
      ['DEREGISTERED', 4],
    ]) as LegalEntityRecordInput['status'];
    const byCivilAffairs = kind === 'social';
    const place = `${city.name}${district.name}`;
    const brand = pick(random, BRANDS);
    const name = {
      enterprise: `${place}${brand}${pick(random, INDUSTRIES)}${pick(random, COMPANY_SUFFIXES)}`,
      individual: `${district.name}${brand}${pick(random, SHOPS)}`,
      cooperative: `${place}${brand}${pick(random, COOPERATIVES)}专业合作社`,
      social: `${city.name}${pick(random, SOCIETIES)}`,
    }[kind];
    const system = byCivilAffairs ? `${city.prefix}-mz-org` : `${city.prefix}-amr-reg`;
    records.push({
      uscc,
      name,
      status,
      statusEffectiveOn: status === 'ACTIVE' ? undefined : randomDate(random, Number(established.slice(0, 4)) + 1, 2025),
      statusReason: status === 'REVOKED' ? '未按规定报送年度报告' : status === 'DEREGISTERED' ? '决议解散' : status === 'SUSPENDED' ? '自行停业' : undefined,
      establishedOn: established,
      registeredCapitalAmount: kind === 'enterprise' ? String(Math.round(10 + random() * 4990) * 10_000) : undefined,
      registrationAuthorityName: byCivilAffairs ? `${city.name}民政局` : `${city.name}市场监督管理局`,
      registrationAuthorityUscc: byCivilAffairs ? city.civilAffairs : city.amr,
      registeredAddress: `${place}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号`,
      registeredAddressDivisionCode: district.code,
      businessScope: kind === 'social' ? '行业交流、培训、咨询服务' : kind === 'enterprise' ? pick(random, SCOPES) : undefined,
      legalRepresentativeIdNumber: generateCitizenId(random, { areaCode: district.code, birthDate: randomDate(random, 1960, 1998) }),
      sourceDepartment: byCivilAffairs ? city.civilAffairs : city.amr,
      sourceSystem: system,
      sourceRecordId: `${system}-${String(i + 1).padStart(6, '0')}`,
      version: 1,
    });
  }
  return records;
}

const CITIES = [
  { code: '440600', name: '佛山市', prefix: 'fs' },
  { code: '330100', name: '杭州市', prefix: 'hz' },
  { code: '330800', name: '衢州市', prefix: 'qz' },
];
const BRANDS = ['恒达', '华盛', '顺景', '美意', '宏图', '新禾', '锦程', '瑞丰', '汇通', '嘉禾', '远航', '金穗', '明远', '聚力', '同创', '和信'];
const INDUSTRIES = ['电子科技', '陶瓷', '家具制造', '五金制品', '纺织', '建材', '物流', '餐饮管理', '信息技术', '食品', '环保科技', '医疗器械', '茶业', '柑橘种植'];
const COMPANY_SUFFIXES = ['有限公司', '有限公司', '有限责任公司', '股份有限公司'];
const SHOPS = ['餐饮店', '便利店', '五金店', '理发店', '水果店', '茶叶店'];
const COOPERATIVES = ['柑橘', '茶叶', '蔬菜', '水产养殖', '花卉'];
const SOCIETIES = ['软件行业协会', '陶瓷行业协会', '餐饮行业协会', '志愿者协会', '物流协会'];
const STREETS = ['季华路', '文一西路', '人民路', '中山路', '府山路', '滨江大道', '建设路', '解放路', '荷花路', '祖庙路'];
const SCOPES = ['电子产品研发、生产、销售', '建筑材料销售', '餐饮服务', '软件开发、信息技术咨询服务', '货物运输、仓储服务', '日用品销售'];

function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted<T extends string>(random: RandomSource, options: Array<[T, number]>): T {
  const total = options.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [value, weight] of options) if ((r -= weight) < 0) return value;
  return options[0][0];
}

function randomDate(random: RandomSource, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  // A fixed end (not today): the records must be the same on every start, or seeding again would
  // send the same version with different content.
  const end = Date.UTC(Math.min(toYear, 2025), 11, 31);
  return new Date(start + Math.floor(random() * Math.max(end - start, 1))).toISOString().slice(0, 10);
}
