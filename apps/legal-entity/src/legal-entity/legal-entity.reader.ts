import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { divisionCodePrefix } from '@hub/identifiers';
import { RegisterReader, type RecordChange } from '@hub/register';
import { LegalEntityRow } from './legal-entity.entity.js';
import type { LegalEntityStatus } from './legal-entity-status.js';
import {
  toLegalEntity,
  type LegalEntity,
  type LegalRepresentativeStatus,
  type RepresentativeStatus,
} from './legal-entity.model.js';
import { LEGAL_ENTITY_REGISTER } from './legal-entity.register.js';

export interface LegalEntitySearch {
  nameContains?: string;
  status?: LegalEntityStatus;
  /** A province, prefecture or county code: matches every entity registered within it. */
  divisionCode?: string;
  after?: string;
  first: number;
}

/** Reads legal entities. Every read is one statement, whatever the number of entities asked for. */
@Injectable()
export class LegalEntityReader {
  private readonly entities: Repository<LegalEntityRow>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.entities = dataSource.getRepository(LegalEntityRow);
  }

  private readonly history = new RegisterReader(LEGAL_ENTITY_REGISTER);

  /** The entities for these USCCs, in the same order; null where the hub has none. */
  async byUsccs(usccs: readonly string[]): Promise<Array<LegalEntity | null>> {
    if (usccs.length === 0) return [];
    const rows = await this.entities.findBy({ uscc: In([...new Set(usccs)]) });
    const byUscc = new Map(rows.map((r) => [r.uscc, toLegalEntity(r)]));
    return usccs.map((u) => byUscc.get(u) ?? null);
  }

  /** Keyset-paginated search ordered by USCC; fetches one extra row to know whether there is a next page. */
  async search(filter: LegalEntitySearch): Promise<{ items: LegalEntity[]; hasNextPage: boolean }> {
    const q = this.entities
      .createQueryBuilder('e')
      .orderBy('e.uscc', 'ASC')
      .limit(filter.first + 1);
    if (filter.nameContains)
      q.andWhere(`e.name ILIKE :name ESCAPE '\\'`, { name: `%${escapeLike(filter.nameContains)}%` });
    if (filter.status) q.andWhere('e.status = :status', { status: filter.status });
    if (filter.divisionCode)
      q.andWhere('e.registeredAddressDivisionCode LIKE :division', {
        division: `${divisionCodePrefix(filter.divisionCode)}%`,
      });
    if (filter.after) q.andWhere('e.uscc > :after', { after: filter.after });
    const rows = await q.getMany();
    return { items: rows.slice(0, filter.first).map(toLegalEntity), hasNextPage: rows.length > filter.first };
  }

  /** What the population library reported about these legal representatives (by citizen ID), one statement. */
  async representativeStatuses(idNumbers: readonly string[]): Promise<Array<LegalRepresentativeStatus | null>> {
    const rows: Array<{ id_number: string; status: string; deceased_on: string | null }> =
      await this.entities.manager.query(
        'SELECT id_number, status, deceased_on FROM legal_entity.legal_representative_status WHERE id_number = ANY($1)',
        [[...new Set(idNumbers)]],
      );
    const byId = new Map(
      rows.map((r) => [
        r.id_number,
        {
          status: r.status as RepresentativeStatus,
          deceased: r.status === 'DECEASED',
          deceasedOn: r.deceased_on ?? undefined,
        },
      ]),
    );
    return idNumbers.map((id) => byId.get(id) ?? null);
  }

  /** The latest `limit` changes of each entity, newest first, for many entities in one statement. */
  historyOf(usccs: readonly string[], limit: number): Promise<RecordChange[][]> {
    return this.history.historyOf(this.entities.manager, usccs, limit);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
