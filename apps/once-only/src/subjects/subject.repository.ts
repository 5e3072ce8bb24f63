import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { touchSubjects, type HubContext } from '@hub/subgraph';
import { ONCE_ONLY_SCHEMA } from '../once-only.schema.js';
import { isKnown } from './subject-status.js';
import { SubjectRow } from './subject.entity.js';
import type { Subject } from './subject.js';

/** A subject's status as a base library's event tells it. */
export interface SubjectStatus {
  id: string;
  type: 'PERSON' | 'LEGAL_ENTITY';
  status: string;
  effectiveOn: string | null;
  version: number;
  at: Date;
}

/** What this app knows of persons and legal entities from the base libraries' events (once_only.subject). */
@Injectable()
export class SubjectRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * What this app knows of a subject, or null when it knows nothing yet. With `tx`, the row is held
   * (FOR SHARE) until the transaction ends, so a death or a closure being applied meanwhile waits
   * for it and then sees what it wrote.
   */
  async known(subject: Subject, tx?: InTransaction): Promise<SubjectRow | null> {
    const row = await this.manager(tx)
      .getRepository(SubjectRow)
      .findOne({ where: { subjectId: subject.id }, ...(tx ? { lock: { mode: 'pessimistic_read' as const } } : {}) });
    return isKnown(row) && row.subjectType === subject.type ? row : null;
  }

  /**
   * Reports the subject as served when this app knows it (from the registers' events), also when the
   * answer about it is empty. The gateway gives a lookup back to the caller's lookup budget only when
   * the answering subgraph reports its subject (docs/catalog.md §3a): an ID nobody has must not be
   * reported, or asking this app which candidate ID exists would cost nothing.
   */
  async touchKnown(context: HubContext, subject: Subject): Promise<void> {
    if (await this.known(subject)) touchSubjects(context, subject.type, [subject.id]);
  }

  /** Records a status of a newer version than the one kept (or the first); false when the event is older. */
  async applyStatus(tx: InTransaction, s: SubjectStatus): Promise<boolean> {
    const rows: unknown[] = await tx.manager.query(
      `INSERT INTO ${ONCE_ONLY_SCHEMA}.subject (subject_id, subject_type, status, status_effective_on, version, black_list_records, updated_at)
       VALUES ($1, $2, $3, $4, $5, '{}', $6)
       ON CONFLICT (subject_id) DO UPDATE SET subject_type = EXCLUDED.subject_type, status = EXCLUDED.status,
         status_effective_on = EXCLUDED.status_effective_on, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
       WHERE ${ONCE_ONLY_SCHEMA}.subject.version < EXCLUDED.version
       RETURNING subject_id`,
      [s.id, s.type, s.status, s.effectiveOn, s.version, s.at],
    );
    return rows.length > 0;
  }

  /** Moves a known subject to a newer version (a change of other fields); false when the event is older or the subject unknown. */
  async advanceVersion(tx: InTransaction, id: string, version: number, at: Date): Promise<boolean> {
    // A CTE, so that the statement answers rows on every driver (TypeORM returns [rows, count] for a bare UPDATE).
    const rows: unknown[] = await tx.manager.query(
      `WITH advanced AS (
         UPDATE ${ONCE_ONLY_SCHEMA}.subject SET version = $2, updated_at = $3 WHERE subject_id = $1 AND version < $2 RETURNING subject_id
       )
       SELECT subject_id FROM advanced`,
      [id, version, at],
    );
    return rows.length > 0;
  }

  /**
   * Adds a black-list entry to the subject, making a row of status `placeholderStatus` (version 0)
   * when its own library has not told of it yet: events of different topics arrive in any order.
   */
  async addBlackListRecord(
    tx: InTransaction,
    subject: { id: string; type: string },
    recordId: string,
    placeholderStatus: string,
    at: Date,
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO ${ONCE_ONLY_SCHEMA}.subject (subject_id, subject_type, status, status_effective_on, version, black_list_records, updated_at)
       VALUES ($1, $2, $3, NULL, 0, ARRAY[$4::varchar], $5)
       ON CONFLICT (subject_id) DO UPDATE SET black_list_records = array_append(${ONCE_ONLY_SCHEMA}.subject.black_list_records, $4::varchar), updated_at = $5
       WHERE NOT ($4::varchar = ANY (${ONCE_ONLY_SCHEMA}.subject.black_list_records))`,
      [subject.id, subject.type, placeholderStatus, recordId, at],
    );
  }

  /** Takes a black-list entry off whichever subject holds it. */
  async removeBlackListRecord(tx: InTransaction, recordId: string, at: Date): Promise<void> {
    await tx.manager.query(
      `UPDATE ${ONCE_ONLY_SCHEMA}.subject SET black_list_records = array_remove(black_list_records, $1::varchar), updated_at = $2
       WHERE $1::varchar = ANY (black_list_records)`,
      [recordId, at],
    );
  }
}
