/**
 * Kafka's default partitioner (murmur2 of the key, positive, modulo the partition count), so the
 * in-process log places a key in the same partition number as a real broker would.
 */
export function partitionFor(key: string, partitions: number): number {
  return toPositive(murmur2(Buffer.from(key))) % partitions;
}

function toPositive(x: number): number {
  return x & 0x7fffffff;
}

function murmur2(data: Buffer): number {
  const seed = 0x9747b28c;
  const m = 0x5bd1e995;
  const r = 24;
  const length = data.length;
  let h = seed ^ length;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k =
      (data[i4] & 0xff) + ((data[i4 + 1] & 0xff) << 8) + ((data[i4 + 2] & 0xff) << 16) + ((data[i4 + 3] & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const index = length4 * 4;
  const tail = length % 4;
  if (tail >= 3) h ^= (data[index + 2] & 0xff) << 16;
  if (tail >= 2) h ^= (data[index + 1] & 0xff) << 8;
  if (tail >= 1) {
    h ^= data[index] & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
