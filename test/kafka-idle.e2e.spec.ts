import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaTransport, type ReceivedMessage } from '@hub/events';
import { skipUnless } from './support/infrastructure.js';

/**
 * kafkajs 2.2.4 spins a 1 ms timer on every idle broker connection (libs/events/src/kafkajs-idle-timer.ts).
 * Counted, not timed: how often an idle connection checks its request queue, and that requests
 * queued behind the one in flight (the idempotent producer sends one at a time) still all go out.
 */
describe('Kafka transport on an idle connection', skipUnless('kafka'), () => {
  const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as {
    prototype: { checkPendingRequests(): void };
  };
  const original = RequestQueue.prototype.checkPendingRequests;
  let checks = 0;
  const topic = `idle-${randomBytes(4).toString('hex')}`;
  let transport: KafkaTransport;

  beforeAll(async () => {
    RequestQueue.prototype.checkPendingRequests = function (this: unknown) {
      checks++;
      return original.call(this);
    };
    transport = new KafkaTransport({
      brokers: process.env.KAFKA_BROKERS!.split(','),
      clientId: 'kafka-idle-test',
      topicPrefix: `test-${randomBytes(4).toString('hex')}.`,
    });
    await transport.ensureTopics([{ topic, partitions: 1 }]);
  });
  afterAll(async () => {
    RequestQueue.prototype.checkPendingRequests = original;
    await transport?.close();
  });

  it('does not check its request queue while nothing is pending (kafkajs alone: ~700 times a second)', async () => {
    await transport.publish([{ topic, key: 'k', value: 'warm-up', headers: {} }]);
    const before = checks;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // A response or two may still arrive in that second (metadata, heartbeats): a handful at most.
    expect(checks - before).toBeLessThan(20);
  });

  it('still sends every request queued behind the one in flight, and a consumer reads them all', async () => {
    const sends = Array.from({ length: 25 }, (_, i) =>
      transport.publish([{ topic, key: `k${i % 3}`, value: `m${i}`, headers: {} }]),
    );
    await Promise.all(sends);
    const received: ReceivedMessage[] = [];
    const subscription = await transport.subscribe(`idle-${randomBytes(4).toString('hex')}`, [topic], async (m) => {
      received.push(m);
    });
    try {
      const deadline = Date.now() + 30_000;
      while (received.length < 26 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received.map((m) => m.value).sort()).toEqual(
        ['warm-up', ...Array.from({ length: 25 }, (_, i) => `m${i}`)].sort(),
      );
    } finally {
      await subscription.close();
    }
  }, 60_000);
});
