import type { Subject } from '../subjects/subject.js';
import { subjectRoot } from '../service-items/once-only-seed.js';

/** What a base-library read needs besides the paths asked for: the record's status and its source. */
const ALWAYS = ['status', 'provenance.sourceDepartment'];

/**
 * The GraphQL operation that reads a subject's record with these fields (paths from the subject's
 * root: `person.householdAddress.text`), e.g.
 * `query ReuseRead($id: String!) { person(idNumber: $id) { status householdAddress { text } … } }`.
 * Paths come from the shipped service items (checked at boot), never from a caller.
 */
export function baseLibraryQuery(subject: Subject, paths: readonly string[], operationName: string): string {
  const root = subjectRoot(subject.type);
  const tree = new Map<string, unknown>();
  for (const path of [...paths.map((p) => p.split('.').slice(1)), ...ALWAYS.map((p) => p.split('.'))]) {
    let node = tree;
    for (const part of path) {
      if (!node.has(part)) node.set(part, new Map<string, unknown>());
      node = node.get(part) as Map<string, unknown>;
    }
  }
  const selection = (node: Map<string, unknown>): string =>
    [...node]
      .map(([name, children]) =>
        (children as Map<string, unknown>).size > 0
          ? `${name} { ${selection(children as Map<string, unknown>)} }`
          : name,
      )
      .join(' ');
  return `query ${operationName}($id: String!) { ${root.field}(${root.argument}: $id) { ${selection(tree)} } }`;
}

/** The value at a path (`person.householdAddress.text`) of the record read, as text; null when absent. */
export function valueAt(record: Record<string, unknown> | null, path: string): string | null {
  let value: unknown = record;
  for (const part of path.split('.').slice(1)) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
