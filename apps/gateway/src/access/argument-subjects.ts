import { Kind, visit, type ArgumentNode, type DocumentNode, type ValueNode } from 'graphql';
import { parseCitizenId, parseUscc } from '@hub/identifiers';

const PERSON_KEYS = new Set(['idNumber', 'idNumbers', 'legalRepresentativeIdNumber']);
const ENTITY_KEYS = new Set(['uscc', 'usccs']);
const EITHER_KEYS = new Set(['subjectId', 'subject']);

/**
 * The data subjects an operation names in its arguments (citizen IDs, USCCs; inline or through
 * variables, inside input objects too), as `PERSON:<id>` / `LEGAL_ENTITY:<uscc>`. The subgraphs
 * report whose records they served; this adds the ones asked for, found or not, and those of writes.
 */
export function argumentSubjects(document: DocumentNode, variables: Record<string, unknown> | undefined): string[] {
  const found = new Set<string>();
  const take = (key: string, value: unknown, depth: number): void => {
    // Variables are JSON of any depth; identifiers sit a few levels down at most.
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) return value.forEach((v) => take(key, v, depth + 1));
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) take(k, v, depth + 1);
      return;
    }
    if (typeof value !== 'string') return;
    if (PERSON_KEYS.has(key) || EITHER_KEYS.has(key)) {
      const id = parseCitizenId(value);
      if (id.ok) return void found.add(`PERSON:${id.value.idNumber}`);
    }
    if (ENTITY_KEYS.has(key) || EITHER_KEYS.has(key)) {
      const uscc = parseUscc(value);
      if (uscc.ok) found.add(`LEGAL_ENTITY:${uscc.value.uscc}`);
    }
  };
  // A variable used under the same name many times (200 aliases of one lookup) is read once: the
  // work stays linear in the document plus the variables.
  const walked = new Set<string>();
  const takeNode = (key: string, node: ValueNode, depth: number): void => {
    switch (node.kind) {
      case Kind.VARIABLE: {
        const once = `${key}\u0000${node.name.value}`;
        if (walked.has(once)) return;
        walked.add(once);
        return take(key, variables?.[node.name.value], depth);
      }
      case Kind.STRING:
        return take(key, node.value, depth);
      case Kind.LIST:
        return node.values.forEach((v) => takeNode(key, v, depth + 1));
      case Kind.OBJECT:
        return node.fields.forEach((f) => takeNode(f.name.value, f.value, depth + 1));
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.BOOLEAN:
      case Kind.NULL:
      case Kind.ENUM:
        // No subject is written as one of these: citizen IDs and USCCs are strings.
        return;
      default: {
        const _exhaustive: never = node;
        return _exhaustive;
      }
    }
  };
  for (const node of argumentsOf(document)) takeNode(node.name.value, node.value, 0);
  return [...found];
}

const MAX_DEPTH = 32;

/** Every argument in a document, in document order; remembered per parsed document (Apollo Server reuses it for the same query text). */
const argumentsByDocument = new WeakMap<DocumentNode, readonly ArgumentNode[]>();

function argumentsOf(document: DocumentNode): readonly ArgumentNode[] {
  let found = argumentsByDocument.get(document);
  if (!found) {
    const list: ArgumentNode[] = [];
    visit(document, {
      Argument(node) {
        list.push(node);
      },
    });
    argumentsByDocument.set(document, (found = list));
  }
  return found;
}
