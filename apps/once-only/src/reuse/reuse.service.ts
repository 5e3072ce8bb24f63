import { Inject, Injectable } from '@nestjs/common';
import { chinaDate } from '@hub/identifiers';
import { HubError, InputError, type HubContext } from '@hub/subgraph';
import type { MaterialRow } from '../archive/archive.entities.js';
import { MaterialRepository } from '../archive/material.repository.js';
import { GatewayClient } from '../gateway-client/gateway-client.js';
import type { ReviewResultRow } from '../recognition/recognition.entities.js';
import { RecognitionRulesClient } from '../recognition/recognition-rules.client.js';
import { RecognitionService } from '../recognition/recognition.service.js';
import {
  ONCE_ONLY_SEED,
  subjectRoot,
  type OnceOnlySeed,
  type SatisfierSpec,
  type ServiceItemSpec,
} from '../service-items/once-only-seed.js';
import { MaterialSourceKind, type DataSubjectType } from '../service-items/service-items.model.js';
import { toRequiredMaterial, toServiceItem } from '../service-items/service-items.resolver.js';
import { SubjectRepository } from '../subjects/subject.repository.js';
import { parseSubject, type Subject } from '../subjects/subject.js';
import { baseLibraryQuery, valueAt } from './base-library-read.js';
import type { MaterialReuse, PrefilledField, ReuseAnswer, ReuseEvidence } from './reuse.model.js';

/** A base-library record read for reuse, or null when the library has none for the subject. */
type BaseRecord = Record<string, unknown> | null;

/** Statuses in which a base-library record stands in for a material. */
const CONDITION_HOLDS: Record<string, (record: Record<string, unknown>) => boolean> = {
  PERSON_LIVING: (r) => r.status === 'LIVING',
  LEGAL_ENTITY_ACTIVE: (r) => r.status === 'ACTIVE',
};

/**
 * Reuse (材料复用) and pre-fill (智能填单): for an application to a service item, what the hub
 * already holds for the subject — valid licences and materials on file, review results the item's
 * department recognises, and base-library data — and what the applicant still has to bring.
 * Base-library data is read through the gateway with the caller's own rights: a system without
 * the grant gets the policy's refusal (nothing of the answer), values come masked as the policy
 * says, and the read is in the access log like any other.
 */
@Injectable()
export class ReuseService {
  constructor(
    private readonly materials: MaterialRepository,
    private readonly subjects: SubjectRepository,
    @Inject(ONCE_ONLY_SEED) private readonly seed: OnceOnlySeed,
    private readonly gateway: GatewayClient,
    private readonly recognition: RecognitionService,
    private readonly rules: RecognitionRulesClient,
  ) {}

  async reuseFor(
    serviceItemCode: string,
    subjectInput: string,
    context: HubContext,
    now = new Date(),
  ): Promise<ReuseAnswer> {
    const item = this.item(serviceItemCode);
    const subject = parseSubject(subjectInput, 'subject', item.subjectType);
    const today = chinaDate(now);
    const basePaths = item.materials.flatMap((m) =>
      m.satisfiedBy.flatMap((s) => (s.kind === 'BASE_LIBRARY' ? s.paths : [])),
    );
    const [record, onFile, results] = await Promise.all([
      basePaths.length > 0 ? this.readRecord(subject, basePaths, 'OnceOnlyReuseRead', context) : Promise.resolve(null),
      this.onFile(subject, today),
      // Results of the types the item's department recognises (互认), as the catalog says now.
      this.rules
        .acceptedTypes(item.department, context.access!, context.requestId)
        .then((types) => this.recognition.recognized(subject, types, today)),
    ]);
    await this.subjects.touchKnown(context, subject);
    const materials: MaterialReuse[] = item.materials.map((material) => {
      const evidence = material.satisfiedBy.flatMap((by) => this.evidenceFor(by, record, onFile, results));
      return { material: toRequiredMaterial(material), satisfied: evidence.length > 0, evidence };
    });
    const toBring = materials.filter((m) => !m.satisfied).map((m) => m.material);
    return {
      serviceItem: toServiceItem(item),
      subjectType: subject.type as DataSubjectType,
      subjectId: subject.id,
      materials,
      toBring,
      acceptableWithGaps: toBring.every((m) => m.mayBeSuppliedLater),
      asOf: today,
    };
  }

  async prefill(serviceItemCode: string, subjectInput: string, context: HubContext): Promise<PrefilledField[]> {
    const item = this.item(serviceItemCode);
    const subject = parseSubject(subjectInput, 'subject', item.subjectType);
    const paths = item.formFields.flatMap((f) => (f.path ? [f.path] : []));
    const record = paths.length > 0 ? await this.readRecord(subject, paths, 'OnceOnlyPrefillRead', context) : null;
    await this.subjects.touchKnown(context, subject);
    const sourceDepartment = record
      ? (valueAt(record, `${subjectRoot(subject.type).field}.provenance.sourceDepartment`) ?? undefined)
      : undefined;
    return item.formFields.map((field) => {
      const value = field.path && record ? valueAt(record, field.path) : null;
      return {
        name: field.name,
        label: field.label,
        path: field.path ?? undefined,
        value: value ?? undefined,
        filled: value !== null,
        sourceDepartment: value !== null ? sourceDepartment : undefined,
      };
    });
  }

  private item(code: string): ServiceItemSpec {
    const item = this.seed.serviceItems.find((i) => i.code === code);
    if (!item)
      throw new InputError([
        { field: 'serviceItem', code: 'SERVICE_ITEM_UNKNOWN', message: `no service item ${code.slice(0, 64)}` },
      ]);
    return item;
  }

  /** The subject's record with these fields, read through the gateway as the caller. */
  private async readRecord(
    subject: Subject,
    paths: string[],
    operationName: string,
    context: HubContext,
  ): Promise<BaseRecord> {
    const root = subjectRoot(subject.type).field;
    const answer = await this.gateway.query<Record<string, BaseRecord>>(
      context.access!,
      baseLibraryQuery(subject, paths, operationName),
      { id: subject.id },
      context.requestId,
    );
    // A field the library could not serve (a subgraph down) is not evidence either way: say so.
    if (answer.errors.length > 0) {
      throw new HubError(
        'BASE_LIBRARY_UNAVAILABLE',
        `the base library did not answer for ${subject.type === 'PERSON' ? 'the citizen' : 'the legal entity'}: ${answer.errors[0].message}`,
      );
    }
    return answer.data?.[root] ?? null;
  }

  private onFile(subject: Subject, today: string): Promise<MaterialRow[]> {
    return this.materials.inForce(subject.id, today);
  }

  private evidenceFor(
    by: SatisfierSpec,
    record: BaseRecord,
    onFile: MaterialRow[],
    results: ReviewResultRow[],
  ): ReuseEvidence[] {
    switch (by.kind) {
      case 'ELICENCE':
      case 'MATERIAL':
        return onFile
          .filter((m) => m.kind === by.kind && m.materialType === by.materialType)
          .map((m) => ({
            kind: by.kind as MaterialSourceKind,
            materialId: m.id,
            licenceId: m.licenceId ?? undefined,
            title: m.title,
            department: m.issuerUscc,
            issuedOn: m.issuedOn,
            validUntil: m.validUntil ?? undefined,
            contentSha256: m.contentSha256 ?? undefined,
            caseNumber: m.caseNumber ?? undefined,
          }));
      case 'REVIEW_RESULT':
        return results
          .filter((r) => r.resultType === by.resultType)
          .map((r) => ({
            kind: MaterialSourceKind.REVIEW_RESULT,
            reviewResultId: r.id,
            resultType: r.resultType,
            department: r.reviewingDepartment,
            reviewedAt: r.reviewedAt.toISOString(),
            validUntil: r.validUntil,
            caseNumber: r.caseNumber,
          }));
      case 'BASE_LIBRARY': {
        if (!record || (by.condition && !CONDITION_HOLDS[by.condition](record))) return [];
        const root = by.paths[0].split('.')[0];
        return [
          {
            kind: MaterialSourceKind.BASE_LIBRARY,
            department: valueAt(record, `${root}.provenance.sourceDepartment`) ?? undefined,
            values: by.paths.map((path) => ({ path, value: valueAt(record, path) ?? undefined })),
          },
        ];
      }
    }
  }
}
