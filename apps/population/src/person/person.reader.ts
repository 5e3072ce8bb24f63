import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ETHNICITY_CODES,
  FAMILY_RELATION_CODES,
  HOUSEHOLD_HEAD_RELATION,
  MARITAL_STATUS_CODES,
  divisionCodePrefix,
  divisionFullName,
} from '@hub/identifiers';
import { RegisterReader, provenanceOf, type RecordChange } from '@hub/register';
import type { Gender, PersonStatus } from './person-enums.js';
import type { Household, Person } from './person.model.js';
import { PERSON_REGISTER } from './person.register.js';

export interface PersonSearch {
  name?: string;
  nameContains?: string;
  divisionCode?: string;
  status?: PersonStatus;
  after?: string;
  first: number;
}

/** Reads of the person register; each is one statement, whatever the number of persons asked for. */
@Injectable()
export class PersonReader {
  private readonly register = new RegisterReader(PERSON_REGISTER);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIdNumbers(idNumbers: readonly string[]): Promise<Array<Person | null>> {
    return (await this.register.rowsByKeys(this.dataSource, idNumbers)).map((r) => (r ? toPerson(r) : null));
  }

  historyOf(idNumbers: readonly string[], limit: number): Promise<RecordChange[][]> {
    return this.register.historyOf(this.dataSource, idNumbers, limit);
  }

  /** Keyset pagination by citizen ID; one row more than asked tells whether there is a next page. */
  async search(filter: PersonSearch): Promise<{ items: Person[]; hasNextPage: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.name) where.push(`name = ${param(filter.name)}`);
    if (filter.nameContains)
      where.push(`name ILIKE ${param(`%${filter.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (filter.divisionCode)
      where.push(`household_division_code LIKE ${param(`${divisionCodePrefix(filter.divisionCode)}%`)}`);
    if (filter.status) where.push(`status = ${param(filter.status)}`);
    if (filter.after) where.push(`id_number > ${param(filter.after)}`);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT * FROM population.person ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id_number LIMIT ${param(filter.first + 1)}`,
      params,
    );
    return { items: rows.slice(0, filter.first).map(toPerson), hasNextPage: rows.length > filter.first };
  }

  /** The households with these numbers (members ordered head first, then by birth), one statement. */
  async households(numbers: readonly string[]): Promise<Array<Household | null>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT * FROM population.person WHERE household_number = ANY($1)
       ORDER BY household_number, (relation_to_head_code = $2) DESC, birth_date, id_number`,
      [[...new Set(numbers)], HOUSEHOLD_HEAD_RELATION],
    );
    const byNumber = new Map<string, Household>();
    for (const row of rows) {
      const person = toPerson(row);
      const number = row.household_number as string;
      const household = byNumber.get(number) ?? { number, members: [] };
      household.members.push({ person, relationToHead: person.relationToHead });
      if (person.relationToHead?.code === HOUSEHOLD_HEAD_RELATION) household.head = person;
      byNumber.set(number, household);
    }
    return numbers.map((n) => byNumber.get(n) ?? null);
  }
}

export function toPerson(r: Record<string, unknown>): Person {
  const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  const coded = (table: ReadonlyMap<string, string>, code: unknown) =>
    code ? { code: String(code), name: table.get(String(code)) } : undefined;
  const address = (text: unknown, division: unknown) =>
    text
      ? {
          text: String(text),
          divisionCode: division ? String(division) : undefined,
          divisionName: division ? divisionFullName(String(division)) : undefined,
        }
      : undefined;
  return {
    idNumber: r.id_number as string,
    name: r.name as string,
    gender: r.gender as Gender,
    birthDate: r.birth_date as string,
    ethnicity: coded(ETHNICITY_CODES, r.ethnicity_code)!,
    householdAddress: address(r.household_address, r.household_division_code)!,
    residenceAddress: address(r.residence_address, r.residence_division_code),
    phone: text(r.phone),
    maritalStatus: coded(MARITAL_STATUS_CODES, r.marital_status_code),
    status: r.status as PersonStatus,
    statusEffectiveOn: text(r.status_effective_on),
    statusReason: text(r.status_reason),
    householdNumber: text(r.household_number),
    relationToHead: coded(FAMILY_RELATION_CODES, r.relation_to_head_code),
    provenance: provenanceOf(r),
    registeredAt: r.registered_at as Date,
    updatedAt: r.updated_at as Date,
  };
}
