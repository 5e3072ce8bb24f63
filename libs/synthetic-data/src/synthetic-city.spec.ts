import { describe, expect, it } from 'vitest';
import { divisionBoundaries, pointInMultiPolygon } from '@hub/geo';
import { isValidUscc, parseCitizenId } from '@hub/identifiers';
import { syntheticCity } from './synthetic-city.js';

describe('synthetic city data', () => {
  it('is consistent across the four libraries', async () => {
    const city = await syntheticCity({ addresses: 300, persons: 800, legalEntities: 200, creditRecords: 150 }, 7);
    expect(city.persons).toHaveLength(800);
    const ids = new Set<string>();
    for (const p of city.persons) {
      const id = parseCitizenId(p.idNumber as string);
      expect(id.ok).toBe(true);
      if (!id.ok) continue;
      expect(p.birthDate).toBe(id.value.birthDate);
      expect(p.gender).toBe(id.value.gender === 'male' ? 'MALE' : 'FEMALE');
      ids.add(id.value.idNumber);
    }
    expect(ids.size).toBe(800);
    const heads = city.persons.filter((p) => p.relationToHeadCode === '02');
    expect(heads.length).toBeGreaterThan(200);
    const addressTexts = new Map(city.addresses.map((a) => [a.fullText as string, a]));
    const boundaries = new Map(divisionBoundaries().map((b) => [b.code, b.geometry]));
    for (const a of city.addresses) expect(pointInMultiPolygon(a as never, boundaries.get(a.divisionCode as string)!)).toBe(true);
    for (const e of city.legalEntities) {
      expect(isValidUscc(e.uscc as string)).toBe(true);
      expect(ids.has(e.legalRepresentativeIdNumber as string)).toBe(true);
      expect(addressTexts.get(e.registeredAddress as string)?.divisionCode).toBe(e.registeredAddressDivisionCode);
    }
    const usccs = new Set(city.legalEntities.map((e) => e.uscc));
    for (const r of city.creditRecords) expect(usccs.has(r.subjectId)).toBe(true);
  });

  it('is the same for the same seed', async () => {
    const a = await syntheticCity({ addresses: 20, persons: 30, legalEntities: 10, creditRecords: 10 }, 99);
    const b = await syntheticCity({ addresses: 20, persons: 30, legalEntities: 10, creditRecords: 10 }, 99);
    expect(b).toEqual(a);
  });
});
