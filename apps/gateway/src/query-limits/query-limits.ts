import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

// Apollo Server stamps GRAPHQL_VALIDATION_FAILED over the code of every validation error; the
// gateway's error formatter puts `hubCode` back as the code.
export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** Size assumed for a list whose length no argument tells (e.g. `history` defaults to 20). */
const DEFAULT_LIST_SIZE = 20;
/** Arguments that bound the length of a list field. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

/**
 * Refuses operations nested deeper than `maxDepth` fields (fragments followed), before anything
 * is planned or sent to a subgraph.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context);
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The operation is nested ${depth} levels deep; the hub allows at most ${maxDepth}`, {
              nodes: [operation],
              extensions: { hubCode: QUERY_TOO_DEEP, depth, maxDepth },
            }),
          );
        }
      },
    };
  };
}

/**
 * Refuses operations whose estimated cost exceeds `maxCost`. Each field costs 1; a list field
 * multiplies the cost of its selection by its size — the length of a list argument such as
 * `usccs`, a `first`/`last` argument, or DEFAULT_LIST_SIZE. So `legalEntities(usccs: [1000 ids])
 * { name }` costs about 1,000 and a nested list of lists grows quickly.
 */
export function costLimit(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context);
    let cost = 0;
    return {
      Field: {
        enter(node) {
          // Only top-level fields of the operation start a cost computation; nested ones are included.
          const parentType = context.getParentType();
          const schema = context.getSchema();
          const isRoot = parentType === schema.getQueryType() || parentType === schema.getMutationType() || parentType === schema.getSubscriptionType();
          if (!isRoot) return;
          cost += fieldCost(node, context.getFieldDef()?.type, fragments, context, new Set());
        },
      },
      OperationDefinition: {
        enter() {
          cost = 0;
        },
        leave(operation) {
          if (cost > maxCost) {
            context.reportError(
              new GraphQLError(`The operation's estimated cost is ${cost}; the hub allows at most ${maxCost}. Ask for fewer items or fields per request`, {
                nodes: [operation],
                extensions: { hubCode: QUERY_TOO_COMPLEX, cost, maxCost },
              }),
            );
          }
        },
      },
    };
  };
}

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

function depthOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(s.selectionSet, fragments, seen));
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(s.selectionSet, fragments, seen));
    } else {
      const name = s.name.value;
      if (seen.has(name)) continue; // a fragment cycle is reported by the standard rules
      const fragment = fragments.get(name);
      max = Math.max(max, depthOf(fragment?.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

function fieldCost(
  node: FieldNode,
  type: GraphQLOutputType | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  context: ValidationContext,
  seen: Set<string>,
): number {
  if (node.name.value.startsWith('__')) return 0;
  const named = type ? getNamedType(type) : undefined;
  const childFields = named && 'getFields' in named ? named.getFields() : undefined;
  let children = 0;
  const visit = (set: SelectionSetNode | undefined, visited: Set<string>) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        const def = childFields?.[s.name.value];
        children += fieldCost(s, def?.type, fragments, context, visited);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        visit(s.selectionSet, visited);
      } else if (!visited.has(s.name.value)) {
        visit(fragments.get(s.name.value)?.selectionSet, new Set([...visited, s.name.value]));
      }
    }
  };
  visit(node.selectionSet, seen);
  return (1 + children) * (type && isList(type) ? listSize(node, context) : 1);
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function listSize(node: FieldNode, context: ValidationContext): number {
  let size: number | undefined;
  for (const arg of node.arguments ?? []) {
    const value = resolveValue(arg.value, context);
    if (Array.isArray(value)) size = Math.max(size ?? 0, value.length);
    else if (SIZE_ARGUMENTS.includes(arg.name.value) && typeof value === 'number') size = Math.max(size ?? 0, value);
  }
  return Math.max(size ?? DEFAULT_LIST_SIZE, 1);
}

/** Literal argument values; variables are not known during validation, so a list variable counts as DEFAULT_LIST_SIZE. */
function resolveValue(value: ValueNode, _context: ValidationContext): unknown {
  switch (value.kind) {
    case Kind.LIST:
      return value.values;
    case Kind.INT:
      return Number(value.value);
    default:
      return undefined;
  }
}
