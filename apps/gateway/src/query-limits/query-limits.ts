import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  valueFromASTUntyped,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

// Aliases and directives are counted by graphql-armor's rules (memoised per fragment: linear), and
// tokens by graphql-js itself (Apollo's parseOptions.maxTokens, what graphql-armor's max-tokens
// does). Depth and cost stay the hub's own: graphql-armor 2's cost-limit weighs fields by a fixed
// factor per level, sees only literal `first`/`last` (not list arguments, page sizes or variables)
// and lets `__schema` cost nothing; its max-depth is memoised too, but the depth comes free with
// the cost's walk here (and armor's counts fragment spreads as levels unless told otherwise). Their
// sources (max-depth 2.4.2, cost-limit 2.4.3) were read before deciding.
//
// Apollo Server stamps GRAPHQL_VALIDATION_FAILED over the code of every validation error; the
// gateway's error formatter puts `hubCode` back as the code.
export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
export const TOO_MANY_ALIASES = 'TOO_MANY_ALIASES';
export const TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES';

/** Size assumed for a list whose length no argument tells (e.g. `history` defaults to 20). */
export const DEFAULT_LIST_SIZE = 20;
/** Arguments that bound the length of a list field. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);
/**
 * What introspection costs. `__schema` answers the whole schema (tens of kilobytes for the hub's),
 * whatever is selected under it, so it costs as much as a large page of records: the default
 * MAX_QUERY_COST lets GraphiQL introspect, and refuses an operation that asks for the schema many
 * times under aliases. `__type` answers one type.
 */
export const INTROSPECTION_COST: Readonly<Record<string, number>> = { __schema: 40_000, __type: 100 };

/** Depth and estimated cost of an operation (see measureOperation). */
export interface OperationMeasure {
  depth: number;
  cost: number;
}

/**
 * A selection's measure, its cost split in what it costs once (`fixed`) and what it costs per item
 * of the page it is in (`perItem`: its list fields that take no size of their own, like a
 * connection's `nodes`), so that a named fragment is measured once whatever the page it is spread
 * in: cost = fixed + perItem × page size.
 */
interface Measure {
  depth: number;
  fixed: number;
  perItem: number;
}

/**
 * Depth and estimated cost of one operation, in time linear in the document: each named fragment
 * is measured once and its result reused at every spread (an operation of nested fragments that
 * each spread the next twice is 2^n fields when expanded, but n fragments to measure here).
 *
 * Depth counts fields (not fragments); introspection fields and `__typename` add no depth. Cost:
 * each field costs 1 plus its selection; a list field multiplies that by its size — the length of
 * a list argument (e.g. `usccs`), a `first`/`last`/`limit` argument (given, or its default in the
 * schema), the page size of the connection it is in (`searchLegalEntities(first: 100) { nodes }`),
 * or DEFAULT_LIST_SIZE when nothing tells. `__typename` costs 1, `__schema` and `__type`
 * INTROSPECTION_COST (their selections counted once per field, lists inside them as 1). Every
 * selection costs at least 1, so the cost bounds how many fields the operation has once its
 * fragments are expanded — what every later walk (policy, masking, query planning) is linear in.
 *
 * `variables`: the request's values. Without them (validation: the document alone), a list or size
 * passed as a variable counts as 1 — the least it can be — so that validation refuses only what is
 * too costly whatever the variables; with them, as its real length or value.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Readonly<Record<string, unknown>> | null,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? [])
    if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);
  const known = variables !== undefined;
  const given = variables ?? {};

  const variableValue = (name: string): unknown => {
    if (Object.hasOwn(given, name)) return given[name];
    const fallback = defaults.get(name);
    return fallback ? valueFromASTUntyped(fallback) : undefined;
  };
  /** The length of a list, or the number, an argument passes; null when it passes neither. */
  const sizeOf = (argument: string, value: ValueNode): number | null => {
    if (value.kind === Kind.LIST) return value.values.length;
    if (value.kind === Kind.INT) return SIZE_ARGUMENTS.has(argument) ? Number(value.value) : null;
    if (value.kind === Kind.VARIABLE) {
      if (!known && !defaults.has(value.name.value)) return 1;
      const real = variableValue(value.name.value);
      if (Array.isArray(real)) return real.length;
      if (typeof real === 'number' && SIZE_ARGUMENTS.has(argument)) return real;
      // A single value given for a list argument is coerced into a list of one.
      return null;
    }
    return null;
  };
  /** The size a field's arguments give (the largest), else the default of its size argument in the schema; null when none. */
  const sizeArgument = (node: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number | null => {
    let size: number | null = null;
    const given = new Set<string>();
    for (const argument of node.arguments ?? []) {
      given.add(argument.name.value);
      const s = sizeOf(argument.name.value, argument.value);
      if (s !== null && !Number.isNaN(s)) size = Math.max(size ?? 0, s);
    }
    for (const argument of definition?.args ?? []) {
      if (given.has(argument.name) || !SIZE_ARGUMENTS.has(argument.name) || typeof argument.defaultValue !== 'number')
        continue;
      size = Math.max(size ?? 0, argument.defaultValue);
    }
    return size === null ? null : Math.max(size, 1);
  };

  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const fragmentMeasure = (name: string, introspection: boolean): Measure => {
    // Inside introspection lists count as 1, which a fragment spread there (GraphiQL's TypeRef)
    // must follow: the two are remembered apart.
    const key = introspection ? `\u0000${name}` : name;
    const remembered = memo.get(key);
    if (remembered) return remembered;
    const fragment = fragments.get(name);
    // An unknown fragment or a cycle is reported by the standard rules; it adds nothing here.
    if (!fragment || inProgress.has(key)) return { depth: 0, fixed: 1, perItem: 0 };
    inProgress.add(key);
    const type = schema.getType(fragment.typeCondition.name.value);
    const measured = selectionMeasure(
      fragment.selectionSet,
      type && isCompositeType(type) ? type : undefined,
      introspection,
    );
    inProgress.delete(key);
    memo.set(key, measured);
    return measured;
  };

  const selectionMeasure = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    introspection: boolean,
  ): Measure => {
    const total: Measure = { depth: 0, fixed: 0, perItem: 0 };
    for (const s of set.selections) {
      let m: Measure;
      if (s.kind === Kind.FIELD) m = fieldMeasure(s, parent, introspection);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        m = selectionMeasure(s.selectionSet, type && isCompositeType(type) ? type : undefined, introspection);
      } else m = fragmentMeasure(s.name.value, introspection);
      total.depth = Math.max(total.depth, m.depth);
      total.fixed += m.fixed;
      total.perItem += m.perItem;
    }
    return total;
  };

  const fieldMeasure = (node: FieldNode, parent: GraphQLCompositeType | undefined, introspection: boolean): Measure => {
    const name = node.name.value;
    if (name === '__typename') return { depth: 0, fixed: 1, perItem: 0 };
    const definition = fieldDefinition(schema, parent, name);
    const named = definition ? getNamedType(definition.type) : undefined;
    const childType = named && isCompositeType(named) ? named : undefined;
    const fixed = INTROSPECTION_COST[name];
    if (fixed !== undefined) {
      const inner = node.selectionSet ? selectionMeasure(node.selectionSet, childType, true) : undefined;
      return { depth: 0, fixed: fixed + (inner ? inner.fixed + inner.perItem : 0), perItem: 0 };
    }
    if (introspection) {
      // Within introspection every list counts as 1: its answer is bounded by the schema.
      const inner = node.selectionSet ? selectionMeasure(node.selectionSet, childType, true) : undefined;
      return { depth: 0, fixed: 1 + (inner ? inner.fixed + inner.perItem : 0), perItem: 0 };
    }
    const list = definition !== undefined && isList(definition.type);
    const size = sizeArgument(node, definition);
    const inner = node.selectionSet ? selectionMeasure(node.selectionSet, childType, false) : undefined;
    // A page (a field that is no list but takes a size, e.g. a connection) sizes the lists directly under it.
    const page = !list && size !== null ? size : DEFAULT_LIST_SIZE;
    const own = 1 + (inner ? inner.fixed + inner.perItem * page : 0);
    const depth = 1 + (inner?.depth ?? 0);
    if (!list) return { depth, fixed: own, perItem: 0 };
    // A list of no size of its own takes the page size of the connection it is in.
    return size !== null ? { depth, fixed: own * size, perItem: 0 } : { depth, fixed: 0, perItem: own };
  };

  const root = selectionMeasure(operation.selectionSet, rootType(schema, operation), false);
  return { depth: root.depth, cost: root.fixed + root.perItem * DEFAULT_LIST_SIZE };
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType | undefined {
  const type =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return type ?? undefined;
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema' && parent === schema.getQueryType())
    return { type: schema.getType('__Schema') } as GraphQLField<unknown, unknown>;
  if (name === '__type' && parent === schema.getQueryType())
    return { type: schema.getType('__Type') } as GraphQLField<unknown, unknown>;
  return parent && 'getFields' in parent ? parent.getFields()[name] : undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Refuses an operation nested deeper than `maxDepth` fields (fragments followed), before anything is planned or sent to a subgraph. */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const { depth } = measureOperation(context.getSchema(), context.getDocument(), operation);
      if (depth > maxDepth) context.reportError(tooDeep(depth, maxDepth, operation));
    },
  });
}

/**
 * Refuses an operation whose estimated cost exceeds `maxCost` whatever its variables (they count as
 * short as they can be here): the obvious cases, before anything is planned. The cost with the
 * request's real variables is checked again once the operation is resolved (operationLimits).
 */
export function costLimit(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const { cost } = measureOperation(context.getSchema(), context.getDocument(), operation);
      if (cost > maxCost) context.reportError(tooComplex(cost, maxCost, operation, false));
    },
  });
}

/** Refuses an operation with more than `max` aliases, counted through fragments (graphql-armor, each fragment counted once). */
export function aliasLimit(max: number) {
  return maxAliasesRule({
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        (context as ValidationContext | null)?.reportError(
          new GraphQLError(
            `The operation has more aliases than the ${max} the hub allows (${error.message.replace(/^Syntax Error: /, '')})`,
            {
              extensions: { hubCode: TOO_MANY_ALIASES, maxAliases: max },
            },
          ),
        ),
    ],
  });
}

/** Refuses an operation with more than `max` directives, counted through fragments (graphql-armor). */
export function directiveLimit(max: number) {
  return maxDirectivesRule({
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        (context as ValidationContext | null)?.reportError(
          new GraphQLError(
            `The operation has more directives than the ${max} the hub allows (${error.message.replace(/^Syntax Error: /, '')})`,
            {
              extensions: { hubCode: TOO_MANY_DIRECTIVES, maxDirectives: max },
            },
          ),
        ),
    ],
  });
}

export function tooDeep(depth: number, maxDepth: number, operation?: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(`The operation is nested ${depth} levels deep; the hub allows at most ${maxDepth}`, {
    nodes: operation ? [operation] : undefined,
    extensions: { hubCode: QUERY_TOO_DEEP, depth, maxDepth },
  });
}

export function tooComplex(
  cost: number,
  maxCost: number,
  operation: OperationDefinitionNode | undefined,
  withVariables: boolean,
): GraphQLError {
  const shown = Number.isSafeInteger(cost) ? cost : Number.MAX_SAFE_INTEGER;
  return new GraphQLError(
    `The operation's estimated cost is ${Number.isSafeInteger(cost) ? cost : 'over ' + shown}${withVariables ? ' with the variables given' : ''}; the hub allows at most ${maxCost}. Ask for fewer items or fields per request`,
    { nodes: operation ? [operation] : undefined, extensions: { hubCode: QUERY_TOO_COMPLEX, cost: shown, maxCost } },
  );
}
