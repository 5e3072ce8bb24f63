import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { EventPublisher } from '@hub/events';
import { parseUscc } from '@hub/identifiers';
import { HubError, InputError, requiredReason } from '@hub/subgraph';
import { CATALOG_EVENT, CATALOG_POLICY_TOPIC as POLICY_TOPIC } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';
import { DepartmentRow } from '../participants/participant.entities.js';
import { RecognitionRuleRow } from './recognition-rule.entity.js';

/** A rule as shipped in schemas/catalog/recognition-rules.json. */
export interface RecognitionRuleSpec {
  code: string;
  name: string;
  subjectType: 'PERSON' | 'LEGAL_ENTITY';
  maxValidityDays: number;
  acceptedBy: string[];
  description?: string;
}

export interface SetRecognitionInput {
  resultType: string;
  department: string;
  accepts: boolean;
  reason: string;
}

/**
 * The recognition rules (互认规则): which departments accept which review-result types instead of
 * checking again. Shipped with the catalog; each department's steward decides what it accepts,
 * and the change is a policy event the once-only app follows (it asks the catalog at every use).
 */
@Injectable()
export class RecognitionRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  list(): Promise<RecognitionRuleRow[]> {
    return this.dataSource.getRepository(RecognitionRuleRow).find({ order: { resultType: 'ASC' } });
  }

  /** Loads the shipped rules that are not in the catalog yet (a rule already there keeps its decisions). */
  async seed(dir: string = process.env.CATALOG_SEED_DIR ?? 'schemas/catalog', now = new Date()): Promise<number> {
    const path = join(dir, 'recognition-rules.json');
    const rules = JSON.parse(await readFile(path, 'utf8')) as RecognitionRuleSpec[];
    if (!Array.isArray(rules)) throw new Error(`${path}: expected a JSON array`);
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(RecognitionRuleRow)
      .values(
        rules.map((r) => ({
          resultType: r.code,
          name: r.name,
          subjectType: r.subjectType,
          maxValidityDays: r.maxValidityDays,
          acceptedBy: [...new Set(r.acceptedBy)].sort(),
          description: r.description ?? null,
          version: 1,
          updatedAt: now,
          updatedBy: null,
        })),
      )
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  /** A department starts or stops accepting a result type: its steward (or a hub-wide one), or an admin, with the reason. */
  async setRecognition(input: SetRecognitionInput, by: Principal, now = new Date()): Promise<RecognitionRuleRow> {
    const department = parseUscc(input.department);
    if (!department.ok) throw new InputError([{ field: 'input.department', code: department.error.code, message: department.error.message }]);
    const uscc = department.value.uscc;
    if (!isStewardOf(by, uscc) && !hasRole(by, Role.ADMIN)) {
      throw new HubError('FORBIDDEN', `what department ${uscc} recognises is decided by its steward (or a hub-wide steward, or an admin)`, { department: uscc });
    }
    const reason = requiredReason(input.reason, input.accepts ? 'say why the department accepts these results' : 'say why the department stops accepting these results');
    const row = await this.dataSource.transaction(async (tx) => {
      const rule = await tx.getRepository(RecognitionRuleRow).findOne({ where: { resultType: input.resultType }, lock: { mode: 'pessimistic_write' } });
      if (!rule) throw new InputError([{ field: 'input.resultType', code: 'RESULT_TYPE_UNKNOWN', message: `no recognition rule for ${input.resultType.slice(0, 64)}` }]);
      if (!(await tx.getRepository(DepartmentRow).existsBy({ uscc }))) {
        throw new InputError([{ field: 'input.department', code: 'DEPARTMENT_UNKNOWN', message: `no department ${uscc} in the catalog` }]);
      }
      const accepted = new Set(rule.acceptedBy);
      if (accepted.has(uscc) === input.accepts) return rule; // already so: nothing changes, no event
      if (input.accepts) accepted.add(uscc);
      else accepted.delete(uscc);
      Object.assign(rule, { acceptedBy: [...accepted].sort(), version: rule.version + 1, updatedAt: now, updatedBy: by.keyId });
      await tx.getRepository(RecognitionRuleRow).save(rule);
      await this.events.record(tx, [
        {
          topic: POLICY_TOPIC,
          type: CATALOG_EVENT.recognitionRuleChanged,
          source: CATALOG_SOURCE,
          subject: rule.resultType,
          data: { resultType: rule.resultType, change: input.accepts ? 'accepted' : 'withdrawn', department: uscc, accepts: input.accepts, acceptedBy: rule.acceptedBy, version: rule.version, reason, changedBy: by.keyId, changedAt: now.toISOString() },
        },
      ]);
      return rule;
    });
    this.events.committed();
    return row;
  }
}
