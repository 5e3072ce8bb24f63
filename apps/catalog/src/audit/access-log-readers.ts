import { Injectable } from '@nestjs/common';
import { Role, hasRole, type Principal } from '@hub/auth';
import { chinaDate, parseCitizenId } from '@hub/identifiers';
import { AccessPolicy, MaskingRule, itemAccess, maskValue, type PolicyItem, type PolicySnapshot } from '@hub/policy';
import { HubError, SupervisionConfig, isSupervisingSteward, type SubjectKind } from '@hub/subgraph';
import { PolicySnapshotService } from '../policy/policy-snapshot.service.js';
import type { AccessRecordRow } from './audit.entities.js';
import { AccessLog } from './audit.service.js';

/** Why a steward may read a subject's log. */
export type ReadingGround =
  /** A steward of the supervising department. */
  | 'SUPERVISOR'
  /** The department provides a published item governing a field of the subject's own type. */
  | 'PROVIDER'
  /** One of the department's systems was served data naming the subject. */
  | 'HAS_READ';

/** The type whose fields are a subject's own data in the supergraph: a department providing one of them provides data about every such subject. */
export const SUBJECT_TYPES: Readonly<Record<SubjectKind, string>> = { PERSON: 'Person', LEGAL_ENTITY: 'LegalEntity' };

/** The field whose catalog item decides how a reader sees other citizens' IDs. */
export const CITIZEN_ID_FIELD = 'Person.idNumber';

/** One message for every refusal: it must not tell whether the subject exists or was ever read. */
export const READING_REFUSED =
  "reading a subject's access log needs a data steward of a department that provides data about such subjects or whose systems have read this subject's data, or of the supervising department";

export interface AccessLogView {
  ground: ReadingGround;
  /** The record as this reader may see it: other citizens' IDs masked by the reader's own rights. */
  show(record: AccessRecordRow): AccessRecordRow;
}

/**
 * Who reads whose access log, and what of it. A log says which departments handle a person's
 * affairs (police, social insurance, tax …): reading it is a read of that person's data. So only a
 * department steward reads it, and only of subjects its department provides data about or has read
 * through its own systems; the supervising department's stewards read all. Hub-wide stewards (who
 * manage the catalog, with no department) and admins (who manage keys) read none.
 */
@Injectable()
export class AccessLogReaders {
  constructor(
    private readonly log: AccessLog,
    private readonly snapshots: PolicySnapshotService,
    private readonly config: SupervisionConfig,
  ) {}

  /** The reader's view of `kind:id`'s log (id normalised); FORBIDDEN, with one message for every refusal. */
  async open(reader: Principal, kind: SubjectKind, id: string, now = new Date()): Promise<AccessLogView> {
    const snapshot = await this.snapshots.snapshot(now);
    const ground = await this.ground(reader, kind, id, snapshot.items);
    if (!ground) throw new HubError('FORBIDDEN', READING_REFUSED);
    return { ground, show: recordMasker(`${kind}:${id}`, citizenIdMask(reader, snapshot, chinaDate(now))) };
  }

  private async ground(
    reader: Principal,
    kind: SubjectKind,
    id: string,
    items: readonly PolicyItem[],
  ): Promise<ReadingGround | null> {
    const department = reader.departmentUscc;
    if (!hasRole(reader, Role.STEWARD) || department === null) return null;
    if (isSupervisingSteward(reader, this.config)) return 'SUPERVISOR';
    if (providesAbout(items, department, kind)) return 'PROVIDER';
    if (await this.log.readByDepartmentSystems(`${kind}:${id}`, department)) return 'HAS_READ';
    return null;
  }
}

/** Whether the department provides a published item governing a field of the subject's own type (Person.*, LegalEntity.*). */
export function providesAbout(items: readonly PolicyItem[], departmentUscc: string, kind: SubjectKind): boolean {
  const prefix = `${SUBJECT_TYPES[kind]}.`;
  return items.some((i) => i.providerUscc === departmentUscc && i.fields.some((f) => f.startsWith(prefix)));
}

/**
 * How this reader sees a citizen ID other than the one it asked for: as its own rights on the item
 * governing Person.idNumber say — in full for the provider (or a full-value grant), masked by the
 * item's rule otherwise, redacted when the reader may not read the item at all or nothing governs it.
 */
export function citizenIdMask(
  reader: Principal,
  snapshot: Pick<PolicySnapshot, 'items' | 'grants'>,
  today: string,
): (id: string) => string {
  const policy = new AccessPolicy(snapshot.items, snapshot.grants, new Set());
  const item = policy.itemOf(CITIZEN_ID_FIELD);
  const redact = (id: string) => String(maskValue(MaskingRule.REDACT, id));
  if (!item) return redact;
  const { access } = itemAccess(policy, reader, item, today);
  if (access === 'FULL') return (id) => id;
  const rule = item.masking;
  if (access === 'MASKED' && rule) return (id) => String(maskValue(rule, id));
  return redact;
}

// An 18-character citizen ID, or a legacy 15-digit one, not part of a longer number.
const CITIZEN_ID_IN_TEXT = /(?<!\d)(?:\d{17}[\dXx]|\d{15})(?![\dXx])/g;

/**
 * Masks, in a record of `asked`'s log, the citizen IDs of everyone else: in `subjects`, and wherever
 * free text a caller chose may carry one (purpose, case number, operation name, request id, holder
 * name) — only numbers that are valid citizen IDs. USCCs stay whole: they identify organisations.
 */
export function recordMasker(
  asked: string,
  mask: (id: string) => string,
): (record: AccessRecordRow) => AccessRecordRow {
  const askedId = asked.startsWith('PERSON:') ? asked.slice('PERSON:'.length) : null;
  const other = (id: string) => id !== askedId;
  const inText = (text: string | null): string | null =>
    text === null
      ? null
      : text.replace(CITIZEN_ID_IN_TEXT, (found) => {
          const parsed = parseCitizenId(found);
          return parsed.ok && other(parsed.value.idNumber) ? mask(found) : found;
        });
  return (record) => ({
    ...record,
    subjects: record.subjects.map((s) =>
      s.startsWith('PERSON:') && other(s.slice('PERSON:'.length)) ? `PERSON:${mask(s.slice('PERSON:'.length))}` : s,
    ),
    requestId: inText(record.requestId)!,
    holderName: inText(record.holderName),
    purpose: inText(record.purpose),
    caseNumber: inText(record.caseNumber),
    operationName: inText(record.operationName),
  });
}
