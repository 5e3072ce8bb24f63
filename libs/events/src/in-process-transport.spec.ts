import { describe, expect, it } from 'vitest';
import { InProcessLog, InProcessTransport } from './in-process-transport.js';
import type { ReceivedMessage } from './event-transport.js';

const message = (key: string, value: string) => ({ topic: 't', key, value, headers: { ce_id: value } });

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('in-process event transport', () => {
  it('delivers every message of a key in order, to each consumer group', async () => {
    const transport = new InProcessTransport('', new InProcessLog());
    await transport.ensureTopics([{ topic: 't', partitions: 3 }]);
    const a: string[] = [];
    const b: string[] = [];
    await transport.subscribe('group-a', ['t'], async (m) => void a.push(m.value));
    await transport.publish(['1', '2', '3'].map((v) => message('k1', v)));
    await transport.subscribe('group-b', ['t'], async (m) => void b.push(m.value));
    await transport.publish([message('k1', '4')]);
    await until(() => a.length === 4 && b.length === 4);
    expect(a).toEqual(['1', '2', '3', '4']);
    expect(b).toEqual(['1', '2', '3', '4']);
    await transport.close();
  });

  it('redelivers a message whose handler failed, without skipping ahead (at-least-once)', async () => {
    const transport = new InProcessTransport('', new InProcessLog());
    const seen: string[] = [];
    let failures = 0;
    await transport.subscribe('g', ['t'], async (m) => {
      if (m.value === '2' && failures < 2) {
        failures++;
        throw new Error('not now');
      }
      seen.push(m.value);
    });
    await transport.publish(['1', '2', '3'].map((v) => message('same-key', v)));
    await until(() => seen.length === 3);
    expect(seen).toEqual(['1', '2', '3']);
    expect(failures).toBe(2);
    await transport.close();
  });

  it('resumes a group from its committed position after it resubscribes', async () => {
    const log = new InProcessLog();
    const first = new InProcessTransport('', log);
    const seen: string[] = [];
    const subscription = await first.subscribe('g', ['t'], async (m) => void seen.push(m.value));
    await first.publish([message('k', '1'), message('k', '2')]);
    await until(() => seen.length === 2);
    await subscription.close();
    await first.publish([message('k', '3')]);
    const again = new InProcessTransport('', log);
    await again.subscribe('g', ['t'], async (m) => void seen.push(m.value));
    await until(() => seen.length === 3);
    expect(seen).toEqual(['1', '2', '3']);
    await again.close();
  });

  it('keeps topics of different prefixes apart', async () => {
    const log = new InProcessLog();
    const one = new InProcessTransport('one.', log);
    const two = new InProcessTransport('two.', log);
    const got: ReceivedMessage[] = [];
    await two.subscribe('g', ['t'], async (m) => void got.push(m));
    await one.publish([message('k', 'for one')]);
    await two.publish([message('k', 'for two')]);
    await until(() => got.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(got.map((m) => [m.topic, m.value])).toEqual([['t', 'for two']]);
    await one.close();
    await two.close();
  });
});
