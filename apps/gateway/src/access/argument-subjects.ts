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
  const take = (key: string, value: unknown): void => {
    if (Array.isArray(value)) return value.forEach((v) => take(key, v));
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) take(k, v);
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
  const valueOf = (node: ValueNode): unknown => {
    switch (node.kind) {
      case Kind.VARIABLE:
        return variables?.[node.name.value];
      case Kind.STRING:
        return node.value;
      case Kind.LIST:
        return node.values.map(valueOf);
      case Kind.OBJECT:
        return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value)]));
      default:
        return undefined;
    }
  };
  for (const node of argumentsOf(document)) take(node.name.value, valueOf(node.value));
  return [...found];
}

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
