import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { MalformedEventError, createCloudEvent, fromTransportMessage, toTransportMessage } from './cloud-event.js';
import { partitionFor } from './partition.js';

describe('CloudEvents in binary mode', () => {
  it('carries the attributes as ce_* headers, the subject as key and the data as JSON value, and reads them back', () => {
    const event = createCloudEvent({
      topic: 'x',
      type: 'hub.test.happened.v1',
      source: '/hub/test',
      subject: '91440604MA4UXXXX0X',
      data: { a: 1, b: '二' },
    });
    const message = toTransportMessage('x', event);
    expect(message.key).toBe(event.subject);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: '/hub/test',
      ce_type: 'hub.test.happened.v1',
      ce_subject: event.subject,
      ce_time: event.time,
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value)).toEqual({ a: 1, b: '二' });
    expect(fromTransportMessage(message)).toEqual(event);
  });

  it('refuses a message without the required headers or with a non-JSON value', () => {
    const message = toTransportMessage(
      'x',
      createCloudEvent({ topic: 'x', type: 't', source: 's', subject: 'k', data: {} }),
    );
    const { ce_id: _id, ...withoutId } = message.headers;
    expect(() => fromTransportMessage({ ...message, headers: withoutId })).toThrow(MalformedEventError);
    expect(() => fromTransportMessage({ ...message, value: '{' })).toThrow(/not JSON/);
  });
});

describe('partitioning', () => {
  it('puts a key in the same partition as kafkajs (Java-compatible murmur2)', () => {
    const partitioner = kafkajs.Partitioners.DefaultPartitioner();
    for (const key of ['91440604MA4UXXXX0X', '11100000000013338W', 'a', '', '统一社会信用代码', 'x'.repeat(101)]) {
      for (const n of [1, 3, 6, 7]) {
        const partitionMetadata = Array.from({ length: n }, (_, partitionId) => ({
          partitionId,
          leader: 0,
          partitionErrorCode: 0,
          replicas: [0],
          isr: [0],
        }));
        expect(partitionFor(key, n), `${key}/${n}`).toBe(
          partitioner({ topic: 't', partitionMetadata, message: { key, value: null } }),
        );
      }
    }
  });
});
