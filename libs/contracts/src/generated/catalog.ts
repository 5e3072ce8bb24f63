// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.

/**
 * Topic hub.catalog.policy.v1: key = the changed resource, grant, key, participant or result type; the year of a
 * working-day notice. Carries hub.catalog.resource-changed.v1, hub.catalog.grant-changed.v1,
 * hub.catalog.api-key-changed.v1, hub.catalog.participant-changed.v1, hub.catalog.recognition-rule-changed.v1,
 * hub.catalog.working-day-notice-entered.v1.
 */
export const CATALOG_POLICY_TOPIC = 'hub.catalog.policy.v1';

/**
 * Topic hub.catalog.sharing-application.v1: key = application id. Carries
 * hub.catalog.sharing-application-changed.v1.
 */
export const CATALOG_SHARING_APPLICATION_TOPIC = 'hub.catalog.sharing-application.v1';

/**
 * Topic hub.catalog.access-record.v1: key = the calling system (else the key id, else "anonymous");
 * "access-log-checkpoint" for checkpoints. Carries hub.catalog.access-recorded.v1,
 * hub.catalog.access-log-checkpoint.v1.
 */
export const CATALOG_ACCESS_RECORD_TOPIC = 'hub.catalog.access-record.v1';

/** The event types of hub.catalog.* (the CloudEvents `type`); each payload is the type of the same name below. */
export const CATALOG_EVENT = {
  accessLogCheckpoint: 'hub.catalog.access-log-checkpoint.v1',
  accessRecorded: 'hub.catalog.access-recorded.v1',
  apiKeyChanged: 'hub.catalog.api-key-changed.v1',
  grantChanged: 'hub.catalog.grant-changed.v1',
  participantChanged: 'hub.catalog.participant-changed.v1',
  recognitionRuleChanged: 'hub.catalog.recognition-rule-changed.v1',
  resourceChanged: 'hub.catalog.resource-changed.v1',
  sharingApplicationChanged: 'hub.catalog.sharing-application-changed.v1',
  workingDayNoticeEntered: 'hub.catalog.working-day-notice-entered.v1',
} as const;

/**
 * hub.catalog.access-log-checkpoint.v1: A signed checkpoint of the access log (访问记录): the chain head (seq and
 * hash) at a moment, written by a catalog instance every AUDIT_CHECKPOINT_MS when the head moved and at
 * shutdown. The same object is appended, one JSON line each, to the catalog's checkpoint file
 * (AUDIT_CHECKPOINT_FILE). The signature is Ed25519 (RFC 8032) over the canonical JSON (keys sorted, no
 * whitespace) of every field but `signature`; the public key is derived from the hub's audit key and shown by
 * verifyAccessLog (checkpointPublicKey) and in the catalog's start-up log. Topic hub.catalog.access-record.v1,
 * after every record up to headSeq; key = "access-log-checkpoint" (one partition, in order); CloudEvents 1.0 in
 * binary mode; the CloudEvent time is `time`. Published by AccessLogSeal
 * (apps/catalog/src/audit/access-log-seal.ts).
 */
export type CatalogAccessLogCheckpoint = {
  /** the checkpoint format */
  v: 1;
  /**
   * which access log it seals: the hash of the log's record 1 (a file or topic shared by two databases cannot
   * pass one log's checkpoint off as the other's)
   */
  root: string;
  /** the checkpoint's number: one sequence over every catalog instance of the hub */
  no: string;
  prev: string | null;
  /** the seq of the last record sealed */
  headSeq: string;
  /** that record's hash (its keyed MAC): through the chain it commits to every record before it */
  headHash: string;
  keyedFrom: string | null;
  /** when the checkpoint was taken (the head row locked) */
  time: string;
  /** the catalog process that wrote it: host:pid:random */
  instance: string;
  reason: 'interval' | 'shutdown';
  /** the first 16 hex of SHA-256 of the raw Ed25519 public key that verifies the signature */
  keyId: string;
  /** base64url (no padding) Ed25519 signature */
  signature: string;
};

/**
 * hub.catalog.access-recorded.v1: An access record (访问记录) was chained into the access log: one operation through
 * the gateway, allowed, refused or failed, or a write's intent recorded before it ran; the stored row, chained
 * with a keyed MAC (hashAlg), timestamps as ISO strings. Names the data subjects served (citizen IDs, USCCs).
 * Topic hub.catalog.access-record.v1, key = the calling system's code, else the key id, else "anonymous",
 * CloudEvents 1.0 in binary mode (ce_* headers); this is the message value (the event data); the CloudEvent time
 * is recordedAt. Published by AccessLog.append (apps/catalog/src/audit/audit.service.ts, toEvent).
 */
export type CatalogAccessRecorded = {
  /** the position in the chain (a bigint, as a decimal string) */
  seq: string;
  /** when the record was chained */
  recordedAt: string;
  /** the gateway's request id (x-request-id) */
  requestId: string;
  keyId: string | null;
  systemCode: string | null;
  departmentUscc: string | null;
  holderName: string | null;
  roles: ('SYSTEM' | 'STEWARD' | 'ADMIN')[];
  purpose: string | null;
  caseNumber: string | null;
  operationType: 'query' | 'mutation' | 'ingest';
  operationName: string | null;
  /** `Type.field` coordinates the operation touched */
  fields: string[];
  /** data subjects served: PERSON:<citizen ID> or LEGAL_ENTITY:<USCC>, normalised */
  subjects: string[];
  /**
   * INTENDED: a write recorded before it was sent to its library; the record of its outcome (same requestId)
   * follows unless it could not be recorded
   */
  outcome: 'ALLOWED' | 'REFUSED' | 'FAILED' | 'INTENDED';
  errorCode: string | null;
  /** for a refusal: the items refused and why (any JSON object) */
  refusal: {
    [key: string]: unknown;
  } | null;
  startedAt: string;
  durationMs: number;
  /** where the time went, in milliseconds */
  timings: {
    [key: string]: number;
  };
  /** the previous record's hash (64 zeros for the first record) */
  prevHash: string;
  /**
   * hashAlg hmac-sha256: hex HMAC-SHA256, under the hub's audit key, of prevHash and the canonical record (form
   * v2); sha256: hex SHA-256 of prevHash and the canonical record (form v1), records chained before the log was
   * keyed
   */
  hash: string;
  /** how hash was made; absent in events published before the log was keyed (then sha256) */
  hashAlg?: 'hmac-sha256' | 'sha256';
};

/**
 * hub.catalog.api-key-changed.v1: A hub API key was issued or revoked. Carries the key id only, never the key,
 * its secret or the secret's hash. Topic hub.catalog.policy.v1, key = key id, CloudEvents 1.0 in binary mode
 * (ce_* headers); this is the message value (the event data). Published by ParticipantsService.keyEvent
 * (apps/catalog/src/participants/participants.service.ts).
 */
export type CatalogApiKeyChanged = {
  /** the key id (12 base-32 characters): the public part of hubk_<id>_<secret> */
  keyId: string;
  change: 'issued' | 'revoked';
  roles: ('SYSTEM' | 'STEWARD' | 'ADMIN')[];
  departmentUscc: string | null;
  systemCode: string | null;
  /** when the key stops working (the end of its last CST day) */
  expiresAt: string;
};

/**
 * hub.catalog.grant-changed.v1: A sharing grant was made (an application approved, in full or in part) or
 * revoked. Topic hub.catalog.policy.v1, key = grant id, CloudEvents 1.0 in binary mode (ce_* headers); this is
 * the message value (the event data). Published by SharingService.grantEvent
 * (apps/catalog/src/sharing/sharing.service.ts).
 */
export type CatalogGrantChanged = {
  /** the grant id */
  id: string;
  change: 'granted' | 'revoked';
  /** the sharing application the grant answers */
  applicationId: string;
  /** catalog resource code (政务信息资源代码): 8-digit classification, "/", 6-digit sequence */
  resourceCode: string;
  /** the system that may read the items */
  consumerSystemCode: string;
  /** item numbers of the resource granted, ascending */
  items: number[];
  /** whether unmasked values of sensitive items are granted */
  fullValues: boolean;
  /** first day of the grant (CST) */
  validFrom: string;
  /** last day of the grant (CST) */
  validTo: string;
  /** why the grant was revoked (trimmed, at least 4 UTF-16 code units); null while granted */
  revokeReason: string | null;
};

/**
 * hub.catalog.participant-changed.v1: A department or a department system was registered, a system's request
 * rate was set (change "system-rate-limit-set", with requestsPerMinute — null: the default again —, reason and
 * by), or the shipped departments and systems were loaded into an empty catalog (change "seeded", id "catalog";
 * no event per shipped department or system). Topic hub.catalog.policy.v1, key = id, CloudEvents 1.0 in binary
 * mode (ce_* headers); this is the message value (the event data). Published by
 * ParticipantsService.participantEvent (apps/catalog/src/participants/participants.service.ts).
 */
export type CatalogParticipantChanged = {
  /** the department's USCC, the system's code, or "catalog" (seeded) */
  id: string;
  change: 'department-registered' | 'system-registered' | 'seeded' | 'system-rate-limit-set';
  /** system-rate-limit-set: the system's requests per minute at the gateway; null: the hub's default */
  requestsPerMinute?: number | null;
  /** system-rate-limit-set: why */
  reason?: string;
  /** system-rate-limit-set: the admin's key id */
  by?: string;
};

/**
 * hub.catalog.recognition-rule-changed.v1: A department started or stopped accepting a review-result type
 * instead of checking again (审查结果互认). Topic hub.catalog.policy.v1, key = result type, CloudEvents 1.0 in binary
 * mode (ce_* headers); this is the message value (the event data). Published by
 * RecognitionRulesService.setRecognition (apps/catalog/src/recognition/recognition-rules.service.ts).
 */
export type CatalogRecognitionRuleChanged = {
  /** the review-result type */
  resultType: string;
  /** the department now accepts the type, or no longer does */
  change: 'accepted' | 'withdrawn';
  /** the department (USCC) whose decision this is */
  department: string;
  /** true: it now accepts results of this type; false: it checks again itself */
  accepts: boolean;
  /** every department accepting the type after the change, sorted */
  acceptedBy: string[];
  /** the rule's version after the change (1 is the shipped rule) */
  version: number;
  reason: string;
  /** the key id of the steward or admin */
  changedBy: string;
  changedAt: string;
};

/**
 * hub.catalog.resource-changed.v1: A catalog resource was created, changed, published or retired, or the shipped
 * catalog was loaded into an empty one (change "seeded", code "catalog", after one "created" per shipped
 * resource). A signal to re-read the resource (or the policy): it carries neither the resource nor what changed.
 * Topic hub.catalog.policy.v1, key = resource code ("catalog" for "seeded"), CloudEvents 1.0 in binary mode
 * (ce_* headers); this is the message value (the event data). Published by CatalogService.resourceEvent
 * (apps/catalog/src/catalog/catalog.service.ts).
 */
export type CatalogResourceChanged = {
  code: string & (string | 'catalog');
  /**
   * created: a new draft (or a shipped resource, as shipped); updated: properties or items changed; published:
   * DRAFT → PUBLISHED; retired: PUBLISHED → RETIRED; seeded: the shipped catalog was loaded
   */
  change: 'created' | 'updated' | 'published' | 'retired' | 'seeded';
  /** the resource version after the change */
  version: number;
  /** the resource status after the change */
  status: 'DRAFT' | 'PUBLISHED' | 'RETIRED';
};

/**
 * hub.catalog.sharing-application-changed.v1: A sharing application (共享申请) was submitted, approved (in full or
 * in part), rejected or withdrawn, or its deadline was counted again (a working-day notice entered, a new
 * calendar). Topic hub.catalog.sharing-application.v1, key = application id, CloudEvents 1.0 in binary mode
 * (ce_* headers); this is the message value (the event data). Published by SharingService.applicationEvent
 * (apps/catalog/src/sharing/sharing.service.ts).
 */
export type CatalogSharingApplicationChanged = {
  /** the application id */
  id: string;
  change: 'submitted' | 'approved' | 'partially-approved' | 'rejected' | 'withdrawn' | 'deadline-changed';
  /** the status after the change */
  status: 'SUBMITTED' | 'APPROVED' | 'PARTIALLY_APPROVED' | 'REJECTED' | 'WITHDRAWN';
  /** catalog resource code (政务信息资源代码): 8-digit classification, "/", 6-digit sequence */
  resourceCode: string;
  /** the provider department (decides the application) */
  providerUscc: string;
  /** the applying system */
  consumerSystemCode: string;
  /** the applying system's department */
  consumerDepartmentUscc: string;
  /** item numbers asked for, ascending */
  items: number[];
  /** item numbers approved, ascending (a subset of items); null unless approved */
  approvedItems: number[] | null;
  /** the last day an answer is on time: 10 working days after submission (CST) */
  deadline: string;
  /**
   * true while a day counted falls in a year whose State Council notice is not entered (its statutory holidays
   * only): the deadline may still move
   */
  deadlineProvisional: boolean;
  /** deadline-changed only: the deadline before */
  previousDeadline?: string;
  decidedBy: string | null;
  /** trimmed; required (at least 4 UTF-16 code units) for a rejection or a partial approval */
  decisionReason: string | null;
  grantId: string | null;
};

/**
 * hub.catalog.working-day-notice-entered.v1: An admin entered a year's holiday arrangement from the State
 * Council's notice (国务院办公厅关于XXXX年部分节假日安排的通知), or a corrected version of it; the latest version of a year is in
 * force from now on, in every app that counts working days (the once-only app follows this event). Topic
 * hub.catalog.policy.v1, key = the year, CloudEvents 1.0 in binary mode (ce_* headers); this is the message
 * value (the event data). Published by WorkingDayNoticeService.enter
 * (apps/catalog/src/calendar/working-day-notice.service.ts).
 */
export type CatalogWorkingDayNoticeEntered = {
  year: number;
  /** 1 when the year is first entered, one more with each correction */
  version: number;
  /** every Monday–Friday day off, in order: days of the year, or of the December before (New Year bridging) */
  holidays: string[];
  /** every weekend day worked (调休上班), in order */
  workdays: string[];
  /** the notice: its title and number */
  source: string;
  /** the day the notice was issued, if entered */
  publishedOn: string | null;
  /** what this version changes; required from version 2 on */
  reason: string | null;
  /** the admin confirmed days off less days worked other than the statutory total (13 since 2025) */
  unusualTotal: boolean;
  /**
   * how many sharing applications' deadlines this version moved or made official (each with its own
   * sharing-application-changed event, change deadline-changed)
   */
  deadlinesChanged: number;
  /** the key id of the admin */
  enteredBy: string;
  enteredAt: string;
};
