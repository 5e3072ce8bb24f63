import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The event JSON Schemas of schemas/events, compiled once, by event type. */
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validators = new Map(
  readdirSync('schemas/events')
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => {
      const schema = JSON.parse(readFileSync(join('schemas/events', f), 'utf8')) as { title: string };
      return [schema.title, ajv.compile(schema)] as const;
    }),
);

/** Validates an event's data against the schema of its type; returns the errors (empty when valid). */
export function schemaErrors(type: string, data: unknown): string[] {
  const validate = validators.get(type);
  if (!validate) return [`no schema for event type ${type} in schemas/events`];
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
