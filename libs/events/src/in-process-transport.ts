import type { TransportMessage } from './cloud-event.js';
import type { EventTransport, MessageHandler, ReceivedMessage, Subscription, TopicSpec } from './event-transport.js';
import { partitionFor } from './partition.js';

const MAX_RETAINED_PER_PARTITION = 100_000;
const DEFAULT_PARTITIONS = 3;

interface Partition {
  /** Offset of messages[0]: older messages were dropped by retention, like a Kafka log segment. */
  base: number;
  messages: ReceivedMessage[];
  wake: Set<() => void>;
}

/**
 * The process-wide log behind every InProcessTransport: in the all-in-one hub each app has its own
 * transport object, but they all publish to and consume from the same topics, as with one Kafka.
 */
export class InProcessLog {
  private readonly topics = new Map<string, Partition[]>();

  ensure(spec: TopicSpec): Partition[] {
    let partitions = this.topics.get(spec.topic);
    if (!partitions) {
      partitions = Array.from({ length: spec.partitions }, () => ({
        base: 0,
        messages: [],
        wake: new Set<() => void>(),
      }));
      this.topics.set(spec.topic, partitions);
    }
    return partitions;
  }

  append(message: TransportMessage): void {
    const partitions = this.ensure({ topic: message.topic, partitions: DEFAULT_PARTITIONS });
    const index = partitionFor(message.key, partitions.length);
    const p = partitions[index];
    const offset = p.base + p.messages.length;
    p.messages.push({ ...message, headers: { ...message.headers }, partition: index, offset: String(offset) });
    if (p.messages.length > MAX_RETAINED_PER_PARTITION) {
      p.messages.shift();
      p.base++;
    }
    for (const wake of p.wake) wake();
  }

  partitions(topic: string): Partition[] {
    return this.ensure({ topic, partitions: DEFAULT_PARTITIONS });
  }
}

const processLog = new InProcessLog();

/**
 * Consumer groups keep their committed offsets in memory for the life of the process. A handler
 * that rejects gets the same message again after a backoff, so delivery is at-least-once and a
 * partition never skips ahead of a failed message.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private static readonly committed = new WeakMap<InProcessLog, Map<string, number[]>>();
  private readonly subscriptions = new Set<{ close(): Promise<void> }>();

  constructor(
    private readonly topicPrefix = '',
    private readonly log: InProcessLog = processLog,
    private readonly onError: (error: unknown, message: ReceivedMessage) => void = () => {},
  ) {}

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    for (const t of topics) this.log.ensure({ topic: this.topicPrefix + t.topic, partitions: t.partitions });
  }

  async publish(messages: TransportMessage[]): Promise<void> {
    for (const m of messages) this.log.append({ ...m, topic: this.topicPrefix + m.topic });
  }

  async ping(): Promise<void> {}

  async subscribe(groupId: string, topics: string[], handler: MessageHandler): Promise<Subscription> {
    let open = true;
    const loops: Promise<void>[] = [];
    const wakers: Array<{ p: Partition; wake: () => void }> = [];
    for (const logical of topics) {
      const topic = this.topicPrefix + logical;
      const partitions = this.log.partitions(topic);
      const offsets = this.offsetsFor(`${groupId}\u0000${topic}`, partitions.length);
      partitions.forEach((p, index) => {
        let wakeUp: (() => void) | undefined;
        const wake = () => wakeUp?.();
        p.wake.add(wake);
        wakers.push({ p, wake });
        loops.push(
          (async () => {
            let backoff = 50;
            while (open) {
              const next = Math.max(offsets[index], p.base);
              const message = p.messages[next - p.base];
              if (!message) {
                await new Promise<void>((resolve) => {
                  wakeUp = resolve;
                });
                wakeUp = undefined;
                continue;
              }
              try {
                await handler({ ...message, topic: logical });
                offsets[index] = next + 1;
                backoff = 50;
              } catch (error) {
                this.onError(error, message);
                await new Promise<void>((resolve) => {
                  wakeUp = resolve;
                  setTimeout(resolve, backoff).unref();
                });
                wakeUp = undefined;
                backoff = Math.min(backoff * 2, 5_000);
              }
            }
          })(),
        );
      });
    }
    const subscription = {
      close: async () => {
        open = false;
        for (const { p, wake } of wakers) {
          p.wake.delete(wake);
          wake();
        }
        await Promise.all(loops);
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  private offsetsFor(key: string, partitions: number): number[] {
    let groups = InProcessTransport.committed.get(this.log);
    if (!groups) InProcessTransport.committed.set(this.log, (groups = new Map()));
    let offsets = groups.get(key);
    if (!offsets) groups.set(key, (offsets = new Array<number>(partitions).fill(0)));
    return offsets;
  }
}
