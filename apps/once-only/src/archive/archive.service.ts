import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Role, hasRole, isStewardOf, type Principal } from '@hub/auth';
import { UnitOfWork, type NewEvent, type Transaction } from '@hub/events';
import { chinaDate, parseELicenceId } from '@hub/identifiers';
import { HubError, InputError, requiredReason, type HubContext } from '@hub/subgraph';
import { ONCE_ONLY_SEED, type MaterialTypeSpec, type OnceOnlySeed } from '../service-items/once-only-seed.js';
import type { DataSubjectType } from '../service-items/service-items.model.js';
import { SubjectRepository } from '../subjects/subject.repository.js';
import { parseSubject, type Subject } from '../subjects/subject.js';
import type { MaterialRow, MaterialStatusChangeRow } from './archive.entities.js';
import { materialFiledEvent, materialStatusChangedEvent } from './material.events.js';
import { MaterialRepository } from './material.repository.js';
import type { ChangeMaterialStatusInput, FileMaterialInput } from './archive.inputs.js';
import { MaterialKind, MaterialStatus, type Material, type MaterialStatusChange } from './archive.model.js';

/** The shortest reason a revocation or cancellation may carry (as for a steward's refusals in the catalog). */

/** Rows expired per transaction by the sweep: a backlog is worked off in short transactions. */
const EXPIRY_BATCH = 200;

/** A department system, with the department it speaks for. */
export type FilingSystem = Principal & { departmentUscc: string };

/**
 * The archive (一档管理): each subject's e-licences and materials, filed by the departments that
 * issued or received them, with a status that only moves forward from VALID (revoked, cancelled,
 * superseded, expired) and a history of every change. Each filing and change is an event on the
 * material topic, keyed by the subject, in the transaction that makes it.
 */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly materialRows: MaterialRepository,
    private readonly subjects: SubjectRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(ONCE_ONLY_SEED) private readonly seed: OnceOnlySeed,
  ) {}

  async file(input: FileMaterialInput, by: FilingSystem, now = new Date()): Promise<Material> {
    const today = chinaDate(now);
    const subject = parseSubject(input.subject, 'input.subject');
    const type = this.materialType(input.kind, input.materialType, subject.type);
    const title = input.title.trim();
    if (!title) throw new InputError([{ field: 'input.title', code: 'REQUIRED', message: 'a title is required' }]);
    const licenceId =
      input.kind === MaterialKind.ELICENCE
        ? this.checkedLicenceId(input.licenceId, type, by)
        : noLicenceId(input.licenceId);
    if (input.issuedOn > today)
      throw new InputError([
        {
          field: 'input.issuedOn',
          code: 'DATE_IN_FUTURE',
          message: `${input.issuedOn} is after today (${today}, China time)`,
        },
      ]);
    const validUntil = input.validUntil ?? null;
    if (validUntil !== null && validUntil < input.issuedOn) {
      throw new InputError([
        {
          field: 'input.validUntil',
          code: 'PERIOD_INVALID',
          message: `the last day of validity ${validUntil} is before the day of issue ${input.issuedOn}`,
        },
      ]);
    }
    if (validUntil !== null && validUntil < today) {
      throw new InputError([
        {
          field: 'input.validUntil',
          code: 'VALIDITY_ENDED',
          message: `its validity ended on ${validUntil}: only a material in force is filed`,
        },
      ]);
    }
    if (input.serviceItemCode && !this.seed.serviceItems.some((i) => i.code === input.serviceItemCode)) {
      throw new InputError([
        {
          field: 'input.serviceItemCode',
          code: 'SERVICE_ITEM_UNKNOWN',
          message: `no service item ${input.serviceItemCode}`,
        },
      ]);
    }
    const row: MaterialRow = {
      id: randomUUID(),
      subjectType: subject.type,
      subjectId: subject.id,
      kind: input.kind,
      materialType: type.code,
      title,
      issuerUscc: by.departmentUscc,
      licenceId,
      issuedOn: input.issuedOn,
      validUntil,
      status: MaterialStatus.VALID,
      supersededBy: null,
      contentSha256: input.contentSha256 ?? null,
      contentSize: null,
      contentType: null,
      contentStoredAt: null,
      caseNumber: input.caseNumber ?? null,
      serviceItemCode: input.serviceItemCode ?? null,
      filedByDepartment: by.departmentUscc,
      filedBySystem: by.systemCode,
      filedByKey: by.keyId,
      filedAt: now,
    };
    await this.unitOfWork.run(async (tx) => {
      // FOR SHARE: a death or a closure being applied to the subject waits for this filing.
      if (!(await this.subjects.known(subject, tx))) {
        throw new HubError(
          'SUBJECT_UNKNOWN',
          `the hub knows no ${subject.type === 'PERSON' ? 'person' : 'legal entity'} ${subject.id} from its base libraries (yet)`,
          { subject: subject.id },
        );
      }
      if (licenceId && (await this.materialRows.licenceOnFile(licenceId, tx))) throw licenceTaken(licenceId);
      const replaced = input.supersedes ? await this.lockedReplaceable(tx, input.supersedes, row, by) : null;
      try {
        await this.materialRows.insert(tx, row);
      } catch (error) {
        // A concurrent filing of the same licence got in first: the unique index says so.
        if (licenceId && uniqueViolation(error)) throw licenceTaken(licenceId);
        throw error;
      }
      await this.recordChange(tx, row, null, null, now, by);
      const events: NewEvent[] = [materialFiledEvent(row, replaced?.id ?? null)];
      if (replaced) {
        const from = replaced.status;
        replaced.status = MaterialStatus.SUPERSEDED;
        replaced.supersededBy = row.id;
        await this.materialRows.update(tx, replaced.id, { status: replaced.status, supersededBy: row.id });
        const change = await this.recordChange(
          tx,
          replaced,
          from,
          `superseded by ${row.licenceId ?? row.id} (${row.title})`,
          now,
          by,
        );
        events.push(materialStatusChangedEvent(replaced, change));
      }
      await tx.publish(events);
    });
    return this.toMaterial(row);
  }

  async changeStatus(input: ChangeMaterialStatusInput, by: Principal, now = new Date()): Promise<Material> {
    const reason = requiredReason(input.reason, 'a revocation or cancellation gives its reason');
    const row = await this.unitOfWork.run(async (tx) => {
      // Locked: of two concurrent changes, the second sees the first's status and is refused.
      const material = await this.materialRows.findLocked(tx, input.id);
      if (!material) throw new HubError('MATERIAL_UNKNOWN', `no material ${input.id}`);
      if (!speaksFor(by, material)) {
        throw new HubError(
          'FORBIDDEN',
          `only a system or steward of the department that filed it (${material.filedByDepartment}) changes its status`,
          { department: material.filedByDepartment },
        );
      }
      if (material.status !== MaterialStatus.VALID) {
        throw new HubError(
          'INVALID_STATUS_TRANSITION',
          `the material is ${material.status}: only a VALID one is revoked or cancelled`,
          { from: material.status, to: input.status },
        );
      }
      const from = material.status;
      material.status = input.status;
      await this.materialRows.update(tx, material.id, { status: material.status });
      const change = await this.recordChange(tx, material, from, reason, now, by);
      await tx.publish([materialStatusChangedEvent(material, change)]);
      return material;
    });
    return this.toMaterial(row);
  }

  /**
   * Marks every VALID material whose last day of validity is before today (China time) EXPIRED,
   * with a status change by the hub and an event each. Locked rows are skipped (SKIP LOCKED): a
   * sweep in another instance, or a status change in progress, has them. Returns how many expired.
   */
  async expireDue(now = new Date()): Promise<number> {
    const today = chinaDate(now);
    let expired = 0;
    for (;;) {
      const count = await this.unitOfWork.run(async (tx) => {
        const due = await this.materialRows.dueToExpire(tx, today, MaterialStatus.VALID, EXPIRY_BATCH);
        if (due.length === 0) return 0;
        await this.materialRows.markAll(
          tx,
          due.map((m) => m.id),
          MaterialStatus.EXPIRED,
        );
        const events: NewEvent[] = [];
        for (const material of due) {
          material.status = MaterialStatus.EXPIRED;
          const change = await this.recordChange(
            tx,
            material,
            MaterialStatus.VALID,
            `validity ended on ${material.validUntil}`,
            now,
            null,
          );
          events.push(materialStatusChangedEvent(material, change));
        }
        await tx.publish(events);
        return due.length;
      });
      expired += count;
      if (count < EXPIRY_BATCH) break;
    }
    return expired;
  }

  async material(id: string): Promise<Material | null> {
    const row = await this.materialRows.findById(id);
    return row ? this.toMaterial(row) : null;
  }

  /** Reports the subject to the gateway as served if this app knows it (see SubjectRepository.touchKnown). */
  touchKnown(context: HubContext, subject: Subject): Promise<void> {
    return this.subjects.touchKnown(context, subject);
  }

  /** A subject's archive, newest first. */
  async materials(subjectId: string, kind?: MaterialKind, status?: MaterialStatus): Promise<Material[]> {
    const rows = await this.materialRows.ofSubject(subjectId, kind, status);
    return rows.map((r) => this.toMaterial(r));
  }

  /** The status histories of several materials in one statement, oldest change first, in the order asked. */
  async histories(ids: readonly string[]): Promise<MaterialStatusChange[][]> {
    const rows = await this.materialRows.changesOf([...new Set(ids)]);
    const byMaterial = new Map<string, MaterialStatusChange[]>();
    for (const r of rows) {
      const list = byMaterial.get(r.materialId) ?? [];
      list.push({
        from: r.fromStatus as MaterialStatus | null,
        to: r.toStatus as MaterialStatus,
        reason: r.reason,
        changedAt: r.changedAt,
        changedByDepartment: r.changedByDepartment,
        supersededBy: r.supersededBy,
      });
      byMaterial.set(r.materialId, list);
    }
    return ids.map((id) => byMaterial.get(id) ?? []);
  }

  toMaterial(row: MaterialRow): Material {
    return {
      ...row,
      subjectType: row.subjectType as DataSubjectType,
      kind: row.kind as MaterialKind,
      status: row.status as MaterialStatus,
      materialTypeName: this.seed.materialTypes.find((t) => t.code === row.materialType)?.name ?? row.materialType,
      contentSize: row.contentSize === null ? null : Number(row.contentSize),
      contentStored: row.contentStoredAt !== null,
    };
  }

  /** The seed's type of this kind, for this kind of subject. */
  private materialType(kind: MaterialKind, code: string, subjectType: string): MaterialTypeSpec {
    const type = this.seed.materialTypes.find((t) => t.code === code);
    if (!type || type.kind !== kind) {
      const known = this.seed.materialTypes.filter((t) => t.kind === kind).map((t) => t.code);
      throw new InputError([
        {
          field: 'input.materialType',
          code: 'MATERIAL_TYPE_UNKNOWN',
          message: `no ${kind} type ${code}; known: ${known.join(', ')}`,
        },
      ]);
    }
    if (type.subjectType && type.subjectType !== subjectType) {
      throw new InputError([
        {
          field: 'input.materialType',
          code: 'MATERIAL_TYPE_SUBJECT_MISMATCH',
          message: `a ${type.name} (${code}) is held by a ${type.subjectType}, not a ${subjectType}`,
        },
      ]);
    }
    return type;
  }

  /** The normalised identifier of an e-licence the caller's department issued, of the filed type. */
  private checkedLicenceId(value: string | undefined, type: MaterialTypeSpec, by: FilingSystem): string {
    if (!value?.trim())
      throw new InputError([
        {
          field: 'input.licenceId',
          code: 'REQUIRED',
          message: 'an e-licence is filed with its identifier (GB/T 36904)',
        },
      ]);
    const parsed = parseELicenceId(value);
    if (!parsed.ok)
      throw new InputError([{ field: 'input.licenceId', code: parsed.error.code, message: parsed.error.message }]);
    const { id, typeCode, issuerUscc } = parsed.value;
    if (typeCode !== type.code) {
      throw new InputError([
        {
          field: 'input.licenceId',
          code: 'ELICENCE_TYPE_MISMATCH',
          message: `the identifier is of licence type ${typeCode}, the material type is ${type.code}`,
        },
      ]);
    }
    if (issuerUscc !== by.departmentUscc) {
      throw new HubError(
        'ISSUER_MISMATCH',
        `the licence was issued by ${issuerUscc}: a department files only the licences it issued (${by.departmentUscc})`,
        { issuer: issuerUscc },
      );
    }
    if (type.issuers && !type.issuers.includes(issuerUscc)) {
      throw new HubError(
        'ISSUER_MISMATCH',
        `${issuerUscc} does not issue ${type.name} (${type.code}); its issuers: ${type.issuers.join(', ')}`,
        { issuer: issuerUscc, issuers: type.issuers },
      );
    }
    return id;
  }

  /** The material a filing replaces, locked: VALID, of the same subject and type, filed by the caller's department. */
  private async lockedReplaceable(
    tx: Transaction,
    id: string,
    replacement: MaterialRow,
    principal: FilingSystem,
  ): Promise<MaterialRow> {
    const old = await this.materialRows.findLocked(tx, id);
    if (!old)
      throw new InputError([{ field: 'input.supersedes', code: 'MATERIAL_UNKNOWN', message: `no material ${id}` }]);
    if (
      old.subjectId !== replacement.subjectId ||
      old.materialType !== replacement.materialType ||
      old.kind !== replacement.kind
    ) {
      throw new InputError([
        {
          field: 'input.supersedes',
          code: 'SUPERSEDES_MISMATCH',
          message: `material ${id} is a ${old.materialType} of ${old.subjectId}, not a ${replacement.materialType} of ${replacement.subjectId}`,
        },
      ]);
    }
    if (!speaksFor(principal, old))
      throw new HubError(
        'FORBIDDEN',
        `only the department that filed it (${old.filedByDepartment}) replaces material ${id}`,
        { department: old.filedByDepartment },
      );
    if (old.status !== MaterialStatus.VALID) {
      throw new HubError(
        'INVALID_STATUS_TRANSITION',
        `material ${id} is ${old.status}: only a VALID one is superseded`,
        { from: old.status, to: MaterialStatus.SUPERSEDED },
      );
    }
    return old;
  }

  private async recordChange(
    tx: Transaction,
    material: MaterialRow,
    from: string | null,
    reason: string | null,
    now: Date,
    by: Principal | null,
  ): Promise<MaterialStatusChangeRow> {
    const change: MaterialStatusChangeRow = {
      id: randomUUID(),
      materialId: material.id,
      fromStatus: from,
      toStatus: material.status,
      reason,
      supersededBy: material.status === MaterialStatus.SUPERSEDED ? material.supersededBy : null,
      changedAt: now,
      changedByKey: by?.keyId ?? null,
      changedByDepartment: by?.departmentUscc ?? null,
    };
    await this.materialRows.insertChange(tx, change);
    return change;
  }
}

/** A system or steward of the department that filed (or issued) the material. */
function speaksFor(by: Principal, material: MaterialRow): boolean {
  const departments = new Set([material.filedByDepartment, material.issuerUscc]);
  if (hasRole(by, Role.SYSTEM) && by.departmentUscc && departments.has(by.departmentUscc)) return true;
  return [...departments].some((d) => isStewardOf(by, d));
}

function noLicenceId(value: string | undefined): null {
  if (value?.trim())
    throw new InputError([
      {
        field: 'input.licenceId',
        code: 'LICENCE_ID_NOT_ALLOWED',
        message: 'only an e-licence (kind ELICENCE) has a licence identifier',
      },
    ]);
  return null;
}

function uniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e.code ?? e.driverError?.code) === '23505';
}

function licenceTaken(licenceId: string): HubError {
  return new HubError('LICENCE_ID_TAKEN', `licence ${licenceId} is on file already`, { licenceId });
}
