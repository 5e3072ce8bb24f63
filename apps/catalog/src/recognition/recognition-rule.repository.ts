import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Repository, type InTransaction } from '@hub/persistence';
import { RecognitionRuleRow } from './recognition-rule.entity.js';

/** The recognition rules (catalog.recognition_rule), one per review-result type. */
@Injectable()
export class RecognitionRuleRepository extends Repository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  all(): Promise<RecognitionRuleRow[]> {
    return this.manager()
      .getRepository(RecognitionRuleRow)
      .find({ order: { resultType: 'ASC' } });
  }

  /** Inserts the rules whose result type is not there yet; the number inserted. */
  async insertMissing(rules: RecognitionRuleRow[]): Promise<number> {
    const result = await this.manager()
      .createQueryBuilder()
      .insert()
      .into(RecognitionRuleRow)
      .values(rules)
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  /** The rule, locked for update until the transaction ends. */
  findLocked(tx: InTransaction, resultType: string): Promise<RecognitionRuleRow | null> {
    return tx.manager
      .getRepository(RecognitionRuleRow)
      .findOne({ where: { resultType }, lock: { mode: 'pessimistic_write' } });
  }

  async save(tx: InTransaction, rule: RecognitionRuleRow): Promise<void> {
    await tx.manager.getRepository(RecognitionRuleRow).save(rule);
  }
}
