#!/usr/bin/env node
// Checks that every API kafkajs implements can still talk to the running broker.
//
//   node infra/kafka/check-kafkajs-compat.mjs [port]      (default KAFKA_PORT or 9092)
//
// kafkajs picks min(its highest version, the broker's highest) and never looks at the broker's
// lowest supported version, so an API breaks when kafkajs's highest < broker's lowest — the way
// Kafka 4.0 (KIP-896) removed old protocol versions. Sends a raw ApiVersions v0 request (answered
// by every broker) and compares with kafkajs's request definitions. Exit code 1 if anything the
// hub may use is broken. Run it after bumping <kafka.version> in pom.xml or the kafkajs version.
import { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const kafkajsDir = dirname(require.resolve('kafkajs/package.json'));
const kafkajsVersion = require('kafkajs/package.json').version;
const apiKeys = require(join(kafkajsDir, 'src/protocol/requests/apiKeys.js'));
const { requests } = require(join(kafkajsDir, 'src/protocol/requests/index.js'));
const port = Number(process.argv[2] ?? process.env.KAFKA_PORT ?? 9092);

const reply = await new Promise((resolve, reject) => {
  const socket = net.connect(port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
  socket.on('error', reject);
  // size 10 | api key 18 (ApiVersions) | version 0 | correlation id 1 | client id null
  socket.write(Buffer.from([0, 0, 0, 10, 0, 18, 0, 0, 0, 0, 0, 1, 0xff, 0xff]));
  socket.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    if (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
      socket.end();
      resolve(buf);
    }
  });
});
let o = 8;
const errorCode = reply.readInt16BE(o);
o += 2;
const count = reply.readInt32BE(o);
o += 4;
const broker = new Map();
for (let i = 0; i < count; i++, o += 6)
  broker.set(reply.readInt16BE(o), [reply.readInt16BE(o + 2), reply.readInt16BE(o + 4)]);
if (errorCode !== 0) throw new Error(`ApiVersions error code ${errorCode}`);

let broken = 0;
console.log(`kafkajs ${kafkajsVersion} vs broker on 127.0.0.1:${port} (${count} APIs)`);
for (const [name, key] of Object.entries(apiKeys)) {
  const versions = (requests[name]?.versions ?? []).map(Number);
  if (versions.length === 0) continue; // not implemented by kafkajs
  const [kMin, kMax] = [Math.min(...versions), Math.max(...versions)];
  const b = broker.get(key);
  let verdict;
  if (!b) verdict = 'not offered by the broker (fine unless used)';
  else if (kMax < b[0]) {
    verdict = 'BROKEN: kafkajs max < broker min';
    broken++;
  } else
    verdict = `ok, uses v${Math.min(kMax, b[1])}${Math.min(kMax, b[1]) === b[0] ? '  <- at the broker minimum' : ''}`;
  console.log(`  ${name.padEnd(28)} kafkajs v${kMin}-${kMax}  broker ${b ? `v${b[0]}-${b[1]}` : '-'}  ${verdict}`);
}
console.log(broken ? `${broken} API(s) broken` : 'all kafkajs APIs usable');
process.exit(broken ? 1 : 0);
