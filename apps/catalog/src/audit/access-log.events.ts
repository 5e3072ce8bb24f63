import type { NewEvent } from '@hub/events';
import { CATALOG_ACCESS_RECORD_TOPIC, CATALOG_EVENT } from '@hub/contracts';
import { CATALOG_SOURCE } from '../catalog.events.js';
import type { AccessRecordRow } from './audit.entities.js';
import type { Checkpoint } from './checkpoint.js';

/** The Kafka key of checkpoint events: all in one partition, in order. */
export const CHECKPOINT_EVENT_SUBJECT = 'access-log-checkpoint';

/** An access record as published on CATALOG_ACCESS_RECORD_TOPIC: the stored row, timestamps as ISO strings. */
export type AccessRecordEventData = Omit<AccessRecordRow, 'recordedAt' | 'startedAt'> & {
  recordedAt: string;
  startedAt: string;
};

/** hub.catalog.access-recorded.v1: the record as chained, hash and all. */
export function accessRecordedEvent(row: AccessRecordRow): NewEvent<AccessRecordEventData> {
  return {
    topic: CATALOG_ACCESS_RECORD_TOPIC,
    type: CATALOG_EVENT.accessRecorded,
    source: CATALOG_SOURCE,
    // The Kafka key: one caller's records stay in one partition, in order.
    subject: row.systemCode ?? row.keyId ?? 'anonymous',
    time: row.recordedAt,
    data: { ...row, recordedAt: row.recordedAt.toISOString(), startedAt: row.startedAt.toISOString() },
  };
}

/** hub.catalog.access-log-checkpoint.v1: a signed checkpoint sealing the head of the chain. */
export function accessLogCheckpointEvent(checkpoint: Checkpoint): NewEvent<Checkpoint> {
  return {
    topic: CATALOG_ACCESS_RECORD_TOPIC,
    type: CATALOG_EVENT.accessLogCheckpoint,
    source: CATALOG_SOURCE,
    subject: CHECKPOINT_EVENT_SUBJECT,
    time: new Date(checkpoint.time),
    data: checkpoint,
  };
}
