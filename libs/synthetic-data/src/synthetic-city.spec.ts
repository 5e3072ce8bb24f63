import { describe, expect, it } from 'vitest';
import { divisionBoundaries, pointInMultiPolygon } from '@hub/geo';
import { isValidUscc, parseCitizenId } from '@hub/identifiers';
import { SyntheticCity, syntheticCity } from './synthetic-city.js';

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
    for (const a of city.addresses)
      expect(pointInMultiPolygon(a as never, boundaries.get(a.divisionCode as string)!)).toBe(true);
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

  it('gives out none of the citizen IDs it is told are taken (a city loaded beside another)', async () => {
    // The same seed draws the very same IDs first: every one of them must be drawn again.
    const taken = (
      await syntheticCity({ addresses: 20, persons: 300, legalEntities: 0, creditRecords: 0 }, 5)
    ).persons.map((p) => p.idNumber as string);
    const persons: string[] = [];
    await new SyntheticCity(5, { reservedIdNumbers: taken }).generate(
      { addresses: 20, persons: 300, legalEntities: 0, creditRecords: 0 },
      { person: (p) => void persons.push(p.idNumber as string) },
    );
    expect(persons).toHaveLength(300);
    expect(persons.filter((id) => taken.includes(id))).toEqual([]);
    for (const id of persons) expect(parseCitizenId(id).ok).toBe(true);
  });

  it("numbers households apart for different seeds, the demo's (2017) from 1", async () => {
    const households = async (seed: number) =>
      new Set(
        (await syntheticCity({ addresses: 20, persons: 200, legalEntities: 0, creditRecords: 0 }, seed)).persons.map(
          (p) => p.householdNumber as string,
        ),
      );
    const demo = await households(2017);
    const other = await households(2026);
    expect([...demo].filter((n) => other.has(n))).toEqual([]);
    expect([...demo].map((n) => Number(n.slice(6))).sort((a, b) => a - b)[0]).toBe(1);
    expect([...other].map((n) => Number(n.slice(6))).sort((a, b) => a - b)[0]).toBe(9_000_001);
    for (const n of [...demo, ...other]) expect(n).toMatch(/^\d{14}$/);
  });
});
