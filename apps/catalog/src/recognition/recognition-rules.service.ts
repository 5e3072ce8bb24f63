import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { UnitOfWork } from '@hub/events';
import { parseUscc } from '@hub/identifiers';
import { HubError, InputError, requiredReason } from '@hub/subgraph';
import { DepartmentRepository } from '../participants/department.repository.js';
import type { RecognitionRuleRow } from './recognition-rule.entity.js';
import { recognitionRuleChangedEvent } from './recognition-rule.events.js';
import { RecognitionRuleRepository } from './recognition-rule.repository.js';

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
    private readonly rules: RecognitionRuleRepository,
    private readonly departments: DepartmentRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  list(): Promise<RecognitionRuleRow[]> {
    return this.rules.all();
  }

  /** Loads the shipped rules that are not in the catalog yet (a rule already there keeps its decisions). */
  async seed(dir: string = process.env.CATALOG_SEED_DIR ?? 'schemas/catalog', now = new Date()): Promise<number> {
    const path = join(dir, 'recognition-rules.json');
    const rules = JSON.parse(await readFile(path, 'utf8')) as RecognitionRuleSpec[];
    if (!Array.isArray(rules)) throw new Error(`${path}: expected a JSON array`);
    return this.rules.insertMissing(
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
    );
  }

  /** A department starts or stops accepting a result type: its steward (or a hub-wide one), or an admin, with the reason. */
  async setRecognition(input: SetRecognitionInput, by: Principal, now = new Date()): Promise<RecognitionRuleRow> {
    const department = parseUscc(input.department);
    if (!department.ok)
      throw new InputError([
        { field: 'input.department', code: department.error.code, message: department.error.message },
      ]);
    const uscc = department.value.uscc;
    if (!isStewardOf(by, uscc) && !hasRole(by, Role.ADMIN)) {
      throw new HubError(
        'FORBIDDEN',
        `what department ${uscc} recognises is decided by its steward (or a hub-wide steward, or an admin)`,
        { department: uscc },
      );
    }
    const reason = requiredReason(
      input.reason,
      input.accepts
        ? 'say why the department accepts these results'
        : 'say why the department stops accepting these results',
    );
    const row = await this.unitOfWork.run(async (tx) => {
      const rule = await this.rules.findLocked(tx, input.resultType);
      if (!rule)
        throw new InputError([
          {
            field: 'input.resultType',
            code: 'RESULT_TYPE_UNKNOWN',
            message: `no recognition rule for ${input.resultType.slice(0, 64)}`,
          },
        ]);
      if (!(await this.departments.exists(uscc, tx))) {
        throw new InputError([
          { field: 'input.department', code: 'DEPARTMENT_UNKNOWN', message: `no department ${uscc} in the catalog` },
        ]);
      }
      const accepted = new Set(rule.acceptedBy);
      if (accepted.has(uscc) === input.accepts) return rule; // already so: nothing changes, no event
      if (input.accepts) accepted.add(uscc);
      else accepted.delete(uscc);
      Object.assign(rule, {
        acceptedBy: [...accepted].sort(),
        version: rule.version + 1,
        updatedAt: now,
        updatedBy: by.keyId,
      });
      await this.rules.save(tx, rule);
      await tx.publish([
        recognitionRuleChangedEvent(rule, {
          department: uscc,
          accepts: input.accepts,
          reason,
          changedBy: by.keyId,
          changedAt: now,
        }),
      ]);
      return rule;
    });
    return row;
  }
}
