import { randomUUID } from 'node:crypto';

/**
 * A CloudEvents 1.0 event. In Kafka it travels in binary mode: the attributes become `ce_*` headers,
 * the data is the JSON message value and the Kafka key is the subject (the entity's identifier),
 * so one subject's events stay in one partition, in order.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
}

export interface NewEvent<T = unknown> {
  /** The logical topic, e.g. `hub.legal-entity.legal-entity.v1`. */
  topic: string;
  type: string;
  source: string;
  subject: string;
  data: T;
  id?: string;
  time?: Date;
}

export function createCloudEvent<T>(event: NewEvent<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: (event.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  };
}

/** A message as any transport carries it: bytes plus string headers, keyed by subject. */
export interface TransportMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function toTransportMessage(topic: string, event: CloudEvent): TransportMessage {
  return {
    topic,
    key: event.subject,
    value: JSON.stringify(event.data),
    headers: {
      ce_specversion: event.specversion,
      ce_id: event.id,
      ce_source: event.source,
      ce_type: event.type,
      ce_subject: event.subject,
      ce_time: event.time,
      'content-type': event.datacontenttype,
    },
  };
}

export class MalformedEventError extends Error {
  constructor(reason: string) {
    super(`Malformed event: ${reason}`);
    this.name = 'MalformedEventError';
  }
}

export function fromTransportMessage<T = unknown>(message: Pick<TransportMessage, 'value' | 'headers'>): CloudEvent<T> {
  const h = message.headers;
  for (const name of ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time'] as const) {
    if (!h[name]) throw new MalformedEventError(`header ${name} is missing`);
  }
  if (h.ce_specversion !== '1.0') throw new MalformedEventError(`unsupported specversion ${h.ce_specversion}`);
  let data: T;
  try {
    data = JSON.parse(message.value) as T;
  } catch {
    throw new MalformedEventError('value is not JSON');
  }
  return {
    specversion: '1.0',
    id: h.ce_id,
    source: h.ce_source,
    type: h.ce_type,
    subject: h.ce_subject ?? '',
    time: h.ce_time,
    datacontenttype: 'application/json',
    data,
  };
}
