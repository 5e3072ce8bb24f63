// npm run contracts:generate   writes libs/contracts/src/generated/*.ts from schemas/events
// npm run contracts:check      fails (exit 1) when those files are not what generating now gives
//
// The event schemas (schemas/events/<type>.schema.json) and the topic list beside them
// (schemas/events/topics.json) are the one declaration of the hub's events: this script derives
// from them the topic-name constants, the event-type constants and the payload types that
// producers and consumers import from @hub/contracts, so a payload change in a schema fails the
// typecheck of every consumer that reads what changed.
//
// The converter knows exactly the JSON Schema subset the event schemas use and refuses any other
// keyword (a new keyword is taught here, not silently typed as `unknown`). Conditional refinements
// (`allOf` of `if`/`then`/`else`) only narrow what the base schema allows: the type is the base
// schema's, a sound superset, and the schema test still checks the refinements on real events.
import { readFileSync, readdirSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMAS_DIR = 'schemas/events';
export const OUTPUT_DIR = 'libs/contracts/src/generated';
const HEADER =
  '// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.\n';

type Schema = boolean | { [keyword: string]: unknown };

export class UnsupportedSchemaError extends Error {
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'UnsupportedSchemaError';
  }
}

/** Keywords that constrain values without changing their TypeScript type. */
const VALIDATION_ONLY = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'minProperties',
  'maxProperties',
  // Refinements: conditions that only narrow the base schema (see the header).
  'allOf',
  'if',
  'then',
  'else',
]);
/** Keywords that make the type. */
const TYPING = new Set([
  'type',
  'const',
  'enum',
  'anyOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const literal = (value: unknown): string =>
  typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : literal(name));
const union = (types: string[]): string => [...new Set(types)].join(' | ') || 'never';
const paren = (type: string): string => (/[|&]/.test(type) ? `(${type})` : type);

/** A JSDoc block (wrapped, a closing star-slash escaped) at the given indent, or nothing. */
function doc(text: unknown, indent: string): string {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const words = text.replace(/\*\//g, '*\\/').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > 110 - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length === 1
    ? `${indent}/** ${lines[0]} */\n`
    : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
}

/**
 * The TypeScript type of the values a schema accepts (for the subset above). `indent` is the
 * indentation of the line the type starts on; object members go one level deeper.
 */
export function schemaToType(schema: Schema, path = '#', indent = ''): string {
  if (schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    throw new UnsupportedSchemaError(path, 'a schema is an object or a boolean');
  for (const keyword of Object.keys(schema)) {
    if (!VALIDATION_ONLY.has(keyword) && !TYPING.has(keyword))
      throw new UnsupportedSchemaError(path, `keyword "${keyword}" is not supported by the contracts generator`);
  }
  if ('const' in schema) return literal(schema.const);
  if ('enum' in schema) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0)
      throw new UnsupportedSchemaError(path, 'enum must be a non-empty array');
    if (schema.enum.some((v) => v !== null && typeof v === 'object'))
      throw new UnsupportedSchemaError(path, 'enum of objects or arrays');
    return union(schema.enum.map(literal));
  }
  if ('anyOf' in schema) {
    if (!Array.isArray(schema.anyOf) || schema.anyOf.length === 0)
      throw new UnsupportedSchemaError(path, 'anyOf must be a non-empty array');
    const alternatives = union((schema.anyOf as Schema[]).map((s, i) => schemaToType(s, `${path}/anyOf/${i}`, indent)));
    const { anyOf: _anyOf, ...rest } = schema;
    // Beside other typing keywords the value satisfies both: the intersection.
    if (!Object.keys(rest).some((k) => TYPING.has(k))) return alternatives;
    return `${paren(schemaToType(rest, path, indent))} & (${alternatives})`;
  }
  const declared = schema.type;
  const types = declared === undefined ? inferredTypes(schema) : Array.isArray(declared) ? declared : [declared];
  if (types.length === 0) return 'unknown';
  return union(types.map((t) => typeOf(schema, String(t), path, indent)));
}

/** Without `type`: an object or an array when only their keywords are there, else any value. */
function inferredTypes(schema: { [keyword: string]: unknown }): string[] {
  const objectish = ['properties', 'required', 'additionalProperties', 'propertyNames'].some((k) => k in schema);
  if (objectish && 'items' in schema) throw new UnsupportedSchemaError('#', 'object and array keywords without a type');
  return objectish ? ['object'] : 'items' in schema ? ['array'] : [];
}

function typeOf(schema: { [keyword: string]: unknown }, type: string, path: string, indent: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (schema.items === undefined) return 'unknown[]';
      if (Array.isArray(schema.items)) throw new UnsupportedSchemaError(path, 'tuple items');
      return `${paren(schemaToType(schema.items as Schema, `${path}/items`, indent))}[]`;
    }
    case 'object':
      return objectType(schema, path, indent);
    default:
      throw new UnsupportedSchemaError(path, `type "${type}"`);
  }
}

function objectType(schema: { [keyword: string]: unknown }, path: string, indent: string): string {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const additional = schema.additionalProperties as Schema | undefined;
  const names = schema.propertyNames as { [keyword: string]: unknown } | undefined;
  const inner = `${indent}  `;
  const members: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const description = typeof property === 'object' ? property.description : undefined;
    members.push(
      `${doc(description, inner)}${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaToType(property, `${path}/properties/${name}`, inner)};`,
    );
  }
  for (const name of required) {
    if (name in properties) continue;
    if (additional === false) throw new UnsupportedSchemaError(path, `"${name}" is required but no property allows it`);
    members.push(
      `${inner}${propertyKey(name)}: ${additional === undefined || additional === true ? 'unknown' : schemaToType(additional, `${path}/additionalProperties`, inner)};`,
    );
  }
  if (names !== undefined) {
    // Named keys, each optional (min/maxProperties count them): a mapped type over the names.
    if (Object.keys(properties).length > 0) throw new UnsupportedSchemaError(path, 'propertyNames beside properties');
    if (additional === false) return '{}';
    const value =
      additional === undefined || additional === true
        ? 'unknown'
        : schemaToType(additional, `${path}/additionalProperties`, inner);
    const keyType = schemaToType(names, `${path}/propertyNames`, inner);
    return keyType === 'string'
      ? `{\n${inner}[key: string]: ${value};\n${indent}}`
      : `{\n${inner}[K in ${keyType}]?: ${value};\n${indent}}`;
  }
  if (additional !== false) {
    const value =
      additional === undefined || additional === true
        ? 'unknown'
        : schemaToType(additional, `${path}/additionalProperties`, inner);
    members.push(`${inner}[key: string]: ${value};`);
  }
  return members.length === 0 ? '{}' : `{\n${members.join('\n')}\n${indent}}`;
}

interface TopicEntry {
  name: string;
  key: string;
  events: string[];
}

interface EventName {
  type: string;
  library: string;
  /** The name within the library: `status-changed` of hub.population.status-changed.v1. */
  name: string;
  version: number;
}

function parseType(type: string, path: string): EventName {
  const m = /^hub\.([a-z][a-z-]*)\.([a-z][a-z-]*)\.v([1-9][0-9]*)$/.exec(type);
  if (!m) throw new UnsupportedSchemaError(path, `"${type}" is not hub.<library>.<name>.v<n>`);
  return { type, library: m[1], name: m[2], version: Number(m[3]) };
}

const words = (kebab: string): string[] => kebab.split('-');
const pascal = (kebab: string): string =>
  words(kebab)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const camel = (kebab: string): string => pascal(kebab).replace(/^./, (c) => c.toLowerCase());
const upper = (kebab: string): string => words(kebab).join('_').toUpperCase();
const versioned = (name: string, version: number, sep: string): string =>
  version === 1 ? name : `${name}${sep}V${version}`;

/** hub.catalog.policy.v1 → CATALOG_POLICY_TOPIC; hub.legal-entity.legal-entity.v1 → LEGAL_ENTITY_TOPIC. */
export function topicConstant(topic: string): string {
  const { library, name, version } = parseType(topic, 'topics.json');
  return `${versioned(name === library ? upper(library) : `${upper(library)}_${upper(name)}`, version, '_')}_TOPIC`;
}
/** hub.population.status-changed.v1 → PopulationStatusChanged (the payload type). */
export function payloadTypeName(type: string): string {
  const { library, name, version } = parseType(type, type);
  return versioned(`${pascal(library)}${pascal(name)}`, version, '');
}
/** The library's event-type object (POPULATION_EVENT) and the key of a type in it (statusChanged). */
export const eventObjectName = (library: string): string => `${upper(library)}_EVENT`;
export const eventKey = (type: string): string => {
  const { name, version } = parseType(type, type);
  return versioned(camel(name), version, '');
};

/** Every generated file (name under OUTPUT_DIR → content), from the schemas and topics.json in `dir`. */
export function generateContracts(dir = SCHEMAS_DIR): Map<string, string> {
  const schemas = new Map<string, { [keyword: string]: unknown }>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { [keyword: string]: unknown };
    if (`${schema.title}.schema.json` !== file)
      throw new UnsupportedSchemaError(file, `the title "${String(schema.title)}" is not the file's event type`);
    schemas.set(String(schema.title), schema);
  }
  const { topics } = JSON.parse(readFileSync(join(dir, 'topics.json'), 'utf8')) as { topics: TopicEntry[] };
  const topicOf = new Map<string, string>();
  for (const topic of topics) {
    const { library } = parseType(topic.name, 'topics.json');
    for (const type of topic.events) {
      if (!schemas.has(type))
        throw new UnsupportedSchemaError(
          'topics.json',
          `${topic.name} carries ${type}, which has no ${type}.schema.json`,
        );
      if (topicOf.has(type))
        throw new UnsupportedSchemaError(
          'topics.json',
          `${type} is on two topics (${topicOf.get(type)} and ${topic.name})`,
        );
      if (parseType(type, 'topics.json').library !== library)
        throw new UnsupportedSchemaError('topics.json', `${topic.name} carries ${type}, an event of another library`);
      topicOf.set(type, topic.name);
    }
  }
  for (const [type, schema] of schemas) {
    const topic = topicOf.get(type);
    if (!topic) throw new UnsupportedSchemaError(`${type}.schema.json`, 'the event is on no topic of topics.json');
    // A schema's description that names its topic must name this one (the prose stays true).
    const named = /\bTopic (hub\.[a-z.-]+\.v\d+)/.exec(String(schema.description ?? ''))?.[1];
    if (named && named !== topic)
      throw new UnsupportedSchemaError(
        `${type}.schema.json`,
        `its description names topic ${named}, topics.json puts it on ${topic}`,
      );
  }

  const libraries = [...new Set([...schemas.keys()].map((t) => parseType(t, t).library))].sort();
  const files = new Map<string, string>();
  for (const library of libraries) {
    const types = [...schemas.keys()].filter((t) => parseType(t, t).library === library);
    const own = topics.filter((t) => parseType(t.name, 'topics.json').library === library);
    let out = HEADER;
    for (const topic of own) {
      out += `\n${doc(`Topic ${topic.name}: key = ${topic.key}. Carries ${topic.events.join(', ')}.`, '')}`;
      out += `export const ${topicConstant(topic.name)} = ${literal(topic.name)};\n`;
    }
    out += `\n/** The event types of hub.${library}.* (the CloudEvents \`type\`); each payload is the type of the same name below. */\n`;
    out += `export const ${eventObjectName(library)} = {\n${types.map((t) => `  ${eventKey(t)}: ${literal(t)},`).join('\n')}\n} as const;\n`;
    for (const type of types) {
      const schema = schemas.get(type)!;
      out += `\n${doc(`${type}: ${String(schema.description ?? '')}`, '')}export type ${payloadTypeName(type)} = ${schemaToType(schema, `${type}.schema.json#`)};\n`;
    }
    files.set(`${library}.ts`, out);
  }

  let index = HEADER;
  for (const library of libraries) index += `export * from './${library}.js';\n`;
  // The maps below name the constants and types of every library file.
  const imported = libraries.map((library) => {
    const names = [
      ...topics.filter((t) => parseType(t.name, 'topics.json').library === library).map((t) => topicConstant(t.name)),
      eventObjectName(library),
      ...[...schemas.keys()]
        .filter((t) => parseType(t, t).library === library)
        .map((t) => `type ${payloadTypeName(t)}`),
    ];
    return `import { ${names.join(', ')} } from './${library}.js';\n`;
  });
  index += `\n${imported.join('')}`;
  index += `\n/** Each event type's payload (the CloudEvents data), by type. */\nexport interface EventPayloads {\n${[
    ...schemas.keys(),
  ]
    .map((t) => `  ${literal(t)}: ${payloadTypeName(t)};`)
    .join('\n')}\n}\n`;
  index += `\n/** The event types each topic carries, by topic. */\nexport interface TopicEventTypes {\n${topics
    .map(
      (t) =>
        `  [${topicConstant(t.name)}]: ${t.events.map((e) => `typeof ${eventObjectName(parseType(e, e).library)}.${eventKey(e)}`).join(' | ')};`,
    )
    .join('\n')}\n}\n`;
  files.set('index.ts', index);
  return files;
}

/** The files under `out` that differ from (or are missing in, or are extra to) what generating gives. */
export function staleFiles(files: Map<string, string>, out = OUTPUT_DIR): string[] {
  const present = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.ts')) : [];
  const stale = [...files]
    .filter(([name, content]) => !existsSync(join(out, name)) || readFileSync(join(out, name), 'utf8') !== content)
    .map(([name]) => name);
  return [...stale, ...present.filter((f) => !files.has(f))].sort();
}

export function writeContracts(files: Map<string, string>, out = OUTPUT_DIR): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
}

function main(): number {
  const files = generateContracts();
  if (!process.argv.includes('--check')) {
    writeContracts(files);
    console.log(`Wrote ${files.size} files to ${OUTPUT_DIR}`);
    return 0;
  }
  const stale = staleFiles(files);
  if (stale.length === 0) {
    console.log(`${OUTPUT_DIR} is up to date with ${SCHEMAS_DIR}.`);
    return 0;
  }
  console.error(
    `${OUTPUT_DIR} is stale (${stale.join(', ')}: not what ${SCHEMAS_DIR} gives). Run \`npm run contracts:generate\` and commit the result.`,
  );
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
