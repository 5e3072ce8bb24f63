// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.

/**
 * Topic hub.once-only.material.v1: key = subject id. Carries hub.once-only.material-filed.v1,
 * hub.once-only.material-status-changed.v1.
 */
export const ONCE_ONLY_MATERIAL_TOPIC = 'hub.once-only.material.v1';

/**
 * Topic hub.once-only.review-result.v1: key = subject id. Carries hub.once-only.review-result-recorded.v1,
 * hub.once-only.review-result-invalidated.v1.
 */
export const ONCE_ONLY_REVIEW_RESULT_TOPIC = 'hub.once-only.review-result.v1';

/** Topic hub.once-only.data-correction.v1: key = subject id. Carries hub.once-only.data-correction-changed.v1. */
export const ONCE_ONLY_DATA_CORRECTION_TOPIC = 'hub.once-only.data-correction.v1';

/** The event types of hub.once-only.* (the CloudEvents `type`); each payload is the type of the same name below. */
export const ONCE_ONLY_EVENT = {
  dataCorrectionChanged: 'hub.once-only.data-correction-changed.v1',
  materialFiled: 'hub.once-only.material-filed.v1',
  materialStatusChanged: 'hub.once-only.material-status-changed.v1',
  reviewResultInvalidated: 'hub.once-only.review-result-invalidated.v1',
  reviewResultRecorded: 'hub.once-only.review-result-recorded.v1',
} as const;

/**
 * hub.once-only.data-correction-changed.v1: A data correction (校核纠错) was reported and routed to the record's
 * source department, accepted by it (受理), corrected by the source's own change event, or rejected by the source;
 * or its deadline was counted again (a working-day notice entered in the catalog, a new calendar:
 * previousDeadline is set, the status is unchanged). Topic hub.once-only.data-correction.v1, key = subject id
 * (citizen ID or USCC), CloudEvents 1.0 in binary mode (ce_* headers); this is the message value (the event
 * data). The reported and proposed values and the report's reason are left out (they may be personal data): ask
 * dataCorrection(id) under your own rights. Published by CorrectionService and correctionEventsConsumer
 * (apps/once-only/src/correction/).
 */
export type OnceOnlyDataCorrectionChanged = {
  /** the correction id */
  id: string;
  subjectType: 'PERSON' | 'LEGAL_ENTITY';
  /** citizen ID (GB 11643) for a PERSON, USCC (GB 32100) for a LEGAL_ENTITY */
  subjectId: string;
  /** the graph field reported, e.g. Person.name */
  field: string;
  /**
   * the status after the change: ROUTED when reported, ACCEPTED when the source department accepted the report
   * (受理) and will correct its record, CORRECTED when the library's change event carried the field, REJECTED when
   * the source holds its record right
   */
  status: 'ROUTED' | 'ACCEPTED' | 'CORRECTED' | 'REJECTED';
  /** USCC of the record's source department, which answers */
  sourceDepartment: string;
  /** USCC of the reporting department */
  reporterDepartment: string;
  /** the last day an answer is on time (working days after the report day, CST) */
  deadline: string;
  /**
   * true while a day counted falls in a year whose State Council notice the hub does not hold (its statutory
   * holidays only): the deadline may still move
   */
  deadlineProvisional: boolean;
  /** only when the deadline was counted again: the deadline before */
  previousDeadline?: string;
  /**
   * CORRECTED: the new value as the library's change event carried it (a JSON object of the changed keys for a
   * field held as several); null otherwise, or when the value was removed
   */
  correctedValue: string | null;
  /**
   * REJECTED: why (trimmed, at least 4 characters); ACCEPTED: the source's note (trimmed) or null; null
   * otherwise
   */
  resolutionReason: string | null;
  correctionEvent: string | null;
  /** when the change happened (reported or resolved) */
  at: string;
};

/**
 * hub.once-only.material-filed.v1: An e-licence or a material was filed in a subject's archive (一档), VALID.
 * Topic hub.once-only.material.v1, key = the subject id, CloudEvents 1.0 in binary mode (ce_* headers); this is
 * the message value (the event data). When it supersedes another, a material-status-changed event for that one
 * (to SUPERSEDED) follows in the same transaction. Published by ArchiveService.file
 * (apps/once-only/src/archive/archive.service.ts).
 */
export type OnceOnlyMaterialFiled = {
  materialId: string;
  subjectType: 'PERSON' | 'LEGAL_ENTITY';
  /** the subject's citizen ID (PERSON) or USCC (LEGAL_ENTITY), normalised upper case */
  subjectId: string;
  /** ELICENCE: an e-licence (电子证照); MATERIAL: a material submitted with a case */
  kind: 'ELICENCE' | 'MATERIAL';
  /** the licence or material type code (schemas/once-only/material-types.json) */
  materialType: string;
  /** e-licences: the identifier (电子证照标识, GB/T 36904, check character verified); null for a material */
  licenceId: string | null;
  title: string;
  /** the department that issued the licence (the issuer in its identifier) or received the material */
  issuerUscc: string;
  issuedOn: string;
  /** last day of validity (inclusive, China time); null: no end */
  validUntil: string | null;
  status: 'VALID';
  /** the SHA-256 the upload of the content must match, when declared at filing */
  contentSha256: string | null;
  /** the case (办件编号) it came with */
  caseNumber: string | null;
  serviceItemCode: string | null;
  supersedes: string | null;
  filedByDepartment: string;
  /** the filing system's code */
  filedBySystem: string | null;
  filedAt: string;
};

/**
 * hub.once-only.material-status-changed.v1: A material or e-licence left VALID: revoked (撤销) or cancelled (注销)
 * by its department with a reason, superseded by a newer filing, or expired (its last day of validity passed;
 * changedByDepartment null). Topic hub.once-only.material.v1, key = the subject id, CloudEvents 1.0 in binary
 * mode; this is the message value. Published by ArchiveService (apps/once-only/src/archive/archive.service.ts).
 */
export type OnceOnlyMaterialStatusChanged = {
  materialId: string;
  subjectType: 'PERSON' | 'LEGAL_ENTITY';
  /** the subject's citizen ID (PERSON) or USCC (LEGAL_ENTITY), normalised upper case */
  subjectId: string;
  /** ELICENCE: an e-licence (电子证照); MATERIAL: a material submitted with a case */
  kind: 'ELICENCE' | 'MATERIAL';
  /** the licence or material type code (schemas/once-only/material-types.json) */
  materialType: string;
  /** e-licences: the identifier (电子证照标识, GB/T 36904, check character verified); null for a material */
  licenceId: string | null;
  /** the status before: only a VALID material changes */
  from: 'VALID';
  to: 'REVOKED' | 'CANCELLED' | 'EXPIRED' | 'SUPERSEDED';
  /**
   * trimmed; given by the department for REVOKED and CANCELLED, 'validity ended on …' for EXPIRED, 'superseded
   * by …' for SUPERSEDED
   */
  reason: string | null;
  supersededBy: string | null;
  changedAt: string;
  changedByDepartment: string | null;
};

/**
 * hub.once-only.review-result-invalidated.v1: A review result stopped being valid because what it rested on
 * changed: the person died, the legal entity was deregistered or revoked, a black-list entry, or evidence it
 * relied on was revoked, cancelled or expired. Written in the same transaction as the invalidation, by the
 * consumers of apps/once-only/src/recognition/ (invalidation.ts). Topic hub.once-only.review-result.v1, key =
 * the subject, CloudEvents 1.0 in binary mode; this is the message value.
 */
export type OnceOnlyReviewResultInvalidated = {
  /** the review result's id */
  id: string;
  subjectType: 'PERSON' | 'LEGAL_ENTITY';
  /** citizen ID (GB 11643) or USCC (GB 32100) */
  subjectId: string;
  /** a result type of schemas/catalog/recognition-rules.json */
  resultType: string;
  /** the service item the check was made for */
  serviceItemCode: string;
  /** the case (办件编号) it was made in */
  caseNumber: string;
  outcome: 'PASSED' | 'FAILED';
  /** the department that checked */
  reviewingDepartment: string;
  /** the last day the result may be relied on (inclusive, China time) */
  validUntil: string;
  invalidatedAt: string;
  invalidationCode: 'SUBJECT_DECEASED' | 'LEGAL_ENTITY_CLOSED' | 'BLACK_LISTED' | 'IDENTITY_CHANGED' | 'EVIDENCE_REVOKED' | 'EVIDENCE_CANCELLED' | 'EVIDENCE_EXPIRED';
  /** why, for a person to read: what happened, when, and the record it comes from */
  invalidationReason: string;
  /**
   * the CloudEvents id of the event that caused it (a base library's, or
   * hub.once-only.material-status-changed.v1)
   */
  causeEventId: string;
};

/**
 * hub.once-only.review-result-recorded.v1: A department recorded a review result (审查结果) for a subject;
 * departments that the recognition rules name may accept it within its validity instead of checking again (互认).
 * Topic hub.once-only.review-result.v1, key = the subject (citizen ID or USCC), CloudEvents 1.0 in binary mode;
 * this is the message value. Published by RecognitionService.record
 * (apps/once-only/src/recognition/recognition.service.ts).
 */
export type OnceOnlyReviewResultRecorded = {
  /** the review result's id */
  id: string;
  subjectType: 'PERSON' | 'LEGAL_ENTITY';
  /** citizen ID (GB 11643) or USCC (GB 32100) */
  subjectId: string;
  /** a result type of schemas/catalog/recognition-rules.json */
  resultType: string;
  /** the service item the check was made for */
  serviceItemCode: string;
  /** the case (办件编号) it was made in */
  caseNumber: string;
  outcome: 'PASSED' | 'FAILED';
  /** the department that checked */
  reviewingDepartment: string;
  /** the last day the result may be relied on (inclusive, China time) */
  validUntil: string;
  reviewingSystem: string | null;
  reviewedAt: string;
  /** the materials and e-licences of the subject's archive the check relied on */
  evidence: ({
    materialId: string;
    /** SHA-256 (hex) of the content it was checked against */
    sha256: string | null;
  })[];
  /** the key id of the recording system */
  recordedBy: string;
  recordedAt: string;
};
