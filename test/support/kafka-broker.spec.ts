// Exercises the private test broker end to end with kafkajs: idempotent producer, a send while the
// broker is down, restart with the same ports and data, consumer group resume. ≈ 20 s.
// Skipped when the jars are missing (run infra/kafka/fetch.sh).
import { existsSync, readFileSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnless } from './infrastructure.js';
import { KafkaBroker } from './kafka-broker.js';

const { Kafka, logLevel, KafkaJSError } = kafkajs;
type Producer = ReturnType<InstanceType<typeof Kafka>['producer']>;

const alive = (pid: number) => {
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

describe('KafkaBroker', skipUnless('kafkaJars'), () => {
  let broker: KafkaBroker;
  let kafka: InstanceType<typeof Kafka>;
  let producer: Producer;
  const topic = 'events';
  let seq = 0;
  const messages = (n: number) =>
    Array.from({ length: n }, () => {
      const i = seq++;
      return {
        key: `subject-${i % 7}`,
        value: JSON.stringify({ i }),
        headers: { seq: String(i), 'event-type': 'test' },
      };
    });

  beforeAll(async () => {
    broker = await KafkaBroker.start();
    // client-level retry bounds how long a send waits for a missing broker (the producer's alone does not)
    kafka = new Kafka({ clientId: 'spec', brokers: broker.brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 2 } });
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    await broker?.destroy();
  }, 60_000);

  it('survives stop/restart with the same producer, and a group resumes at its committed offsets', async () => {
    expect(broker.brokers).toEqual([`127.0.0.1:${broker.port}`]);
    await producer.send({ topic, acks: -1, messages: messages(20) });

    await broker.stop();
    expect(broker.pid).toBeUndefined();
    const started = Date.now();
    const down = await producer.send({ topic, acks: -1, messages: [{ key: 'x', value: 'lost' }] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(down).toBeInstanceOf(KafkaJSError);
    expect(Date.now() - started).toBeLessThan(15_000);

    const before = broker.brokers.slice();
    await broker.restart();
    expect(broker.brokers).toEqual(before);
    await producer.send({ topic, acks: -1, messages: messages(20) }); // same producer, no re-create

    const readAll = async (groupId: string, expected: number) => {
      const consumer = kafka.consumer({ groupId });
      const seen: number[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        // Generous: after a restart the broker loads its group coordinator first, which on a busy
        // 2-core machine (other suites running) has taken more than 30 s, and more than 75 s with
        // a load average past 10.
        const timer = setTimeout(() => reject(new Error(`read ${seen.length}/${expected}`)), 150_000);
        consumer
          .run({
            eachMessage: async ({ message }) => {
              expect(message.key?.toString()).toMatch(/^subject-\d$/);
              expect(message.headers?.['event-type']?.toString()).toBe('test');
              seen.push(Number(message.headers?.seq?.toString()));
              if (seen.length >= expected) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
      await consumer.disconnect(); // commits what was processed
      return seen.sort((a, b) => a - b);
    };

    expect(await readAll('g', 40)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await producer.send({ topic, acks: -1, messages: messages(5) });
    expect(await readAll('g', 5)).toEqual([40, 41, 42, 43, 44]);
  }, 360_000);

  it('destroy() stops the java and deletes the temp directory', async () => {
    const pid = broker.pid!;
    expect(alive(pid)).toBe(true);
    await producer.disconnect();
    await broker.destroy();
    expect(alive(pid)).toBe(false);
    expect(existsSync(broker.runDir)).toBe(false);
    await expect(broker.restart()).rejects.toThrow(/after destroy/);
  }, 60_000);
});
