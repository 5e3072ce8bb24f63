import { Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldsOfOperation, type ArgumentSites, type OperationOptions } from '@hub/policy';

/** What an operation touches, as the policy check and the access record need it. */
export interface TouchedFields {
  /** Every `Type.field` the operation selects (see fieldsOfOperation). */
  coordinates: ReadonlySet<string>;
  /** The same, sorted: the access record's `fields`. */
  sorted: readonly string[];
  /**
   * Where the operation passes arguments. Their values depend on the variables, so they are read
   * per request (argumentUses) — only where they are is remembered here.
   */
  argumentSites: ArgumentSites;
}

/** Variants (operation name × @skip/@include conditions) remembered per document; more are computed each time. */
const MAX_VARIANTS = 32;

interface DocumentEntry {
  /** The variables that @skip/@include conditions read. */
  conditionVariables: string[];
  variants: Map<string, TouchedFields>;
}

/**
 * fieldsOfOperation, remembered per parsed document: Apollo Server hands the plugins the same
 * DocumentNode for the same query text (its document store), so a query sent again costs a lookup
 * instead of a walk of its selections. What an operation touches depends on the document, the
 * operation name and the @skip/@include conditions only, so those make the key: for each variable
 * a condition reads, whether it is true, false, absent (its default applies) or anything else
 * (undecidable, the selection is kept) — exactly the distinctions fieldsOfOperation makes.
 */
export class OperationFieldsCache {
  private readonly documents = new WeakMap<DocumentNode, DocumentEntry>();

  constructor(private readonly schema: GraphQLSchema) {}

  fieldsOf(document: DocumentNode, options: OperationOptions): TouchedFields {
    let entry = this.documents.get(document);
    if (!entry)
      this.documents.set(document, (entry = { conditionVariables: conditionVariables(document), variants: new Map() }));
    const variables = options.variables ?? {};
    let key = options.operationName ?? '';
    for (const name of entry.conditionVariables) {
      const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
      key += value === true ? '\u0000t' : value === false ? '\u0000f' : value === undefined ? '\u0000u' : '\u0000o';
    }
    const known = entry.variants.get(key);
    if (known) return known;
    const { coordinates, argumentSites } = fieldsOfOperation(this.schema, document, options);
    const touched: TouchedFields = { coordinates, sorted: Object.freeze([...coordinates].sort()), argumentSites };
    if (entry.variants.size < MAX_VARIANTS) entry.variants.set(key, touched);
    return touched;
  }
}

function conditionVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'skip' && node.name.value !== 'include') return;
      for (const argument of node.arguments ?? [])
        if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}
