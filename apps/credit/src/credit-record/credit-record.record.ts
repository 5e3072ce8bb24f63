import { parseCitizenId, parseUscc } from '@hub/identifiers';
import { contentHash } from '@hub/register';
import type { InputViolation } from '@hub/subgraph';
import { CreditRecordKind, CreditRecordStatus, SubjectType } from './credit-enums.js';
import type { CreditRecordInput } from './dto/credit-record.input.js';
import { CREDIT_RECORD_REGISTER } from './credit-record.register.js';

/** Statuses each kind may have. */
const STATUSES_OF: Record<CreditRecordKind, CreditRecordStatus[]> = {
  LICENCE: [CreditRecordStatus.ACTIVE, CreditRecordStatus.REVOKED],
  PENALTY: [CreditRecordStatus.ACTIVE, CreditRecordStatus.REVOKED, CreditRecordStatus.REPAIRED],
  RED_LIST: [CreditRecordStatus.ACTIVE, CreditRecordStatus.REMOVED],
  BLACK_LIST: [CreditRecordStatus.ACTIVE, CreditRecordStatus.REMOVED],
  COMMITMENT: [CreditRecordStatus.ACTIVE, CreditRecordStatus.FULFILLED, CreditRecordStatus.BREACHED],
};

const KEY_PREFIX: Record<CreditRecordKind, string> = {
  LICENCE: 'L',
  PENALTY: 'P',
  RED_LIST: 'R',
  BLACK_LIST: 'B',
  COMMITMENT: 'C',
};

/** A credit record's id: kind, deciding authority and decision number — what identifies a decision. */
export function creditRecordId(kind: CreditRecordKind, authorityUscc: string, decisionNumber: string): string {
  return `${KEY_PREFIX[kind]}:${authorityUscc}:${decisionNumber}`;
}

/**
 * Validated input → stored record, with the rules that depend on the kind: every record needs its
 * decision number; licences and penalties (双公示) need their legal basis; a penalty needs its type;
 * the subject must be a valid USCC or citizen ID; statuses must fit the kind.
 */
export function toCreditRecord(
  input: CreditRecordInput,
): { ok: true; record: Record<string, unknown> } | { ok: false; violations: InputViolation[] } {
  const violations: InputViolation[] = [];
  const text = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  const decisionNumber = text(input.decisionNumber);
  if (!decisionNumber) {
    violations.push({
      field: 'decisionNumber',
      code: 'DECISION_NUMBER_REQUIRED',
      message: `a ${input.kind.toLowerCase().replace('_', '-')} record needs its decision number (决定文书号)`,
    });
  }
  let subjectId = input.subjectId.trim().toUpperCase();
  if (input.subjectType === SubjectType.LEGAL_ENTITY) {
    const uscc = parseUscc(subjectId);
    if (!uscc.ok) violations.push({ field: 'subjectId', code: uscc.error.code, message: uscc.error.message });
    else subjectId = uscc.value.uscc;
  } else {
    const id = parseCitizenId(subjectId);
    if (!id.ok) violations.push({ field: 'subjectId', code: id.error.code, message: id.error.message });
    else subjectId = id.value.idNumber;
  }
  if ((input.kind === CreditRecordKind.LICENCE || input.kind === CreditRecordKind.PENALTY) && !text(input.legalBasis)) {
    violations.push({
      field: 'legalBasis',
      code: 'REQUIRED',
      message: 'licences and penalties are published with their legal basis',
    });
  }
  if (input.kind === CreditRecordKind.PENALTY && !input.penaltyType) {
    violations.push({ field: 'penaltyType', code: 'REQUIRED', message: 'a penalty needs its type' });
  }
  if (input.kind !== CreditRecordKind.PENALTY && (input.penaltyType || input.fineAmount)) {
    violations.push({
      field: 'penaltyType',
      code: 'NOT_APPLICABLE',
      message: 'only penalties have a penalty type and a fine',
    });
  }
  const status = input.status ?? CreditRecordStatus.ACTIVE;
  if (!STATUSES_OF[input.kind].includes(status)) {
    violations.push({
      field: 'status',
      code: 'INVALID_VALUE',
      message: `a ${input.kind} record can be ${STATUSES_OF[input.kind].join(', ')}`,
    });
  }
  if (input.validTo && input.validTo < (input.validFrom ?? input.decidedOn)) {
    violations.push({ field: 'validTo', code: 'INVALID_DATE', message: 'ends before it starts' });
  }
  if (violations.length > 0) return { ok: false, violations };
  const fields = {
    kind: input.kind,
    subjectType: input.subjectType,
    subjectId,
    subjectName: text(input.subjectName),
    decisionNumber,
    title: input.title.trim(),
    authorityName: input.authorityName.trim(),
    authorityUscc: input.authorityUscc.toUpperCase(),
    decidedOn: input.decidedOn,
    validFrom: text(input.validFrom),
    validTo: text(input.validTo),
    content: text(input.content),
    legalBasis: text(input.legalBasis),
    penaltyType: input.penaltyType ?? null,
    fineAmount: input.fineAmount ? normaliseAmount(input.fineAmount) : null,
    status,
    statusEffectiveOn: text(input.statusEffectiveOn),
    statusReason: text(input.statusReason),
  };
  return {
    ok: true,
    record: {
      recordId: creditRecordId(input.kind, fields.authorityUscc, decisionNumber!),
      ...fields,
      sourceDepartment: input.sourceDepartment.toUpperCase(),
      sourceSystem: input.sourceSystem,
      sourceRecordId: input.sourceRecordId.trim(),
      version: input.version,
      contentHash: contentHash(fields, CREDIT_RECORD_REGISTER.businessFields),
    },
  };
}

function normaliseAmount(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}
