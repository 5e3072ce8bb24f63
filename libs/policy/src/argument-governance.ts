// "Arguments are reads": filtering, searching or looking up by a value tells the caller something
// about that value (a search that finds 张三 in 禅城区 says where he lives; a lookup answered `null`
// says that a citizen ID does not exist), so every argument of a governed field that carries data is
// governed by a catalog item, like a field. The catalog item lists the arguments it governs
// (`"arguments": ["Query.searchPersons(filter.name)"]`); this file knows the rest, which is about the
// schema rather than the data: which arguments carry no data (paging, time, coordinate system),
// which ones select what an answer is about (kind selectors, which qualify the other arguments), and
// which ones name a data subject by its identifier (lookups, budgeted instead of refused).
//
// An argument coordinate is `Type.field(path)`: `path` runs through input objects (`filter.name`,
// `within.circle.longitude`); list wrappers are transparent. On a field with a selector, the other
// arguments are qualified by the selector's value: `Query.spatialSearch(kind: PERSON, within.divisionCode)`.

import { Supergraph, validateSupergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLInputType,
} from 'graphql';

/** `Type.field(path)` or `Type.field(selector: VALUE, path)`: the only spelling the catalog accepts. */
export const ARGUMENT_COORDINATE =
  /^([_A-Za-z]\w*)\.([_A-Za-z]\w*)\((?:([_A-Za-z]\w*): ([_A-Za-z]\w*), )?([_A-Za-z]\w*(?:\.[_A-Za-z]\w*)*)\)$/;

/**
 * Arguments that carry no data of a data subject, by name and the named type they must have
 * (anywhere, nested inputs too): page size and cursor (sealed, `libs/register/src/cursor.ts`), the
 * number of history entries, the day to assess, the coordinate system a point is given in.
 */
const CONTROL_BY_NAME: Readonly<Record<string, string>> = {
  first: 'Int',
  last: 'Int',
  after: 'String',
  asOf: 'String',
  coordinateSystem: 'CoordinateSystem',
};

/** Further arguments that carry no data of a subject, by coordinate, with the reason. */
const CONTROL_ARGUMENTS: Readonly<Record<string, string>> = {
  'Query.dataCorrections(role)': 'chooses a view (reported by, or routed to, the caller’s department)',
  'Query.dataCorrections(movedByNoticeYear)':
    'names a working-day notice (the hub’s public calendar), whose recounted deadlines are listed',
  'Query.dataCorrections(movedByNoticeVersion)': 'names a version of a working-day notice (the hub’s public calendar)',
  'Query.recognizedResults(forDepartment)':
    'the accepting department, whose recognition rules apply (the catalog’s public rules)',
};

/**
 * Kind selectors: an enum argument that says what the answer is about, so the same filter reads a
 * different item for each value (a spatial search of addresses reads public data, of persons their
 * homes). The field's other arguments are governed per value of the selector.
 */
export const ARGUMENT_SELECTORS: Readonly<Record<string, string>> = {
  'Query.spatialSearch': 'kind',
  'Query.creditProfile': 'subjectType',
};

/**
 * Lookups: arguments that name data subjects by their identifier (citizen ID, or citizen ID or
 * USCC), whose answer is the subject's record or nothing. A caller without full access to the
 * governing item may look up, within a budget of misses (the gateway's lookup budget); every other
 * governed argument is a filter or an exact match, which needs full access. The subgraph answering a
 * lookup reports the subjects it served (`hubSubjects`), which is how a hit is told from a miss.
 */
export const LOOKUP_ARGUMENTS: ReadonlySet<string> = new Set([
  'Query.person(idNumber)',
  'Query.persons(idNumbers)',
  'Query.creditProfile(subjectId)',
  'Query.reuseFor(subject)',
  'Query.prefillForm(subject)',
  'Query.recognizedResults(subject)',
  'Query.reviewResults(subject)',
  'Query.materials(subject)',
]);

/** What the policy needs to know of an argument that a catalog item must govern. */
export interface ArgumentRule {
  /** Names a data subject by its identifier: budgeted without full access instead of refused. */
  lookup: boolean;
  /** The subgraph (join__graph name, e.g. `population`) that answers the field: only its report of served subjects counts as a hit. */
  graph: string;
}

/** The arguments of a supergraph as the catalog sees them. */
export interface ArgumentSurface {
  /** Every argument a published item must govern (data arguments of governed fields), with its rule. */
  governed: ReadonlyMap<string, ArgumentRule>;
  /** Every argument coordinate the API has, governed or not (for telling a typo from a control argument). */
  known: ReadonlySet<string>;
  /** Arguments of governed fields that carry no data, with why. */
  control: ReadonlyMap<string, string>;
}

/** Splits an argument coordinate; null when it is not spelled as ARGUMENT_COORDINATE says. */
export function parseArgumentCoordinate(
  coordinate: string,
): { field: string; selector: { name: string; value: string } | null; path: string } | null {
  const match = ARGUMENT_COORDINATE.exec(coordinate);
  if (!match) return null;
  return {
    field: `${match[1]}.${match[2]}`,
    selector: match[3] ? { name: match[3], value: match[4] } : null,
    path: match[5],
  };
}

/** `Type.field(path)`, or qualified by a selector's value. */
export function argumentCoordinate(
  field: string,
  path: string,
  selector?: { name: string; value: string } | null,
): string {
  return selector ? `${field}(${selector.name}: ${selector.value}, ${path})` : `${field}(${path})`;
}

/** Whether an argument at `path` (its last segment named `name`, of named type `typeName`) of `field` carries no data. */
function controlReason(field: string, path: string, typeName: string): string | undefined {
  const name = path.slice(path.lastIndexOf('.') + 1);
  if (CONTROL_BY_NAME[name] === typeName) return `${name}: ${typeName} carries no data`;
  const exact = CONTROL_ARGUMENTS[`${field}(${path})`];
  if (exact) return exact;
  if (ARGUMENT_SELECTORS[field] === path) return 'a kind selector: the field’s other arguments are governed per value';
  return undefined;
}

/**
 * The leaf paths of an argument (through input objects; a recursive input stops at its first
 * repetition, which is still a leaf an item may govern).
 */
function leafPaths(argument: GraphQLArgument): Array<{ path: string; typeName: string }> {
  const out: Array<{ path: string; typeName: string }> = [];
  const walk = (type: GraphQLInputType, path: string, seen: ReadonlySet<string>): void => {
    const named = getNamedType(type);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const field of Object.values(named.getFields()))
        walk(field.type, `${path}.${field.name}`, new Set([...seen, named.name]));
    } else {
      out.push({ path, typeName: named.name });
    }
  };
  walk(argument.type, argument.name, new Set());
  return out;
}

let cached: { sdl: string; surface: ArgumentSurface } | undefined;

/**
 * The argument surface of a supergraph: which arguments must be governed (the data arguments of the
 * Query fields of `governedGraphs` and of every field of their types), which are control arguments,
 * which exist at all. Mutations are writes, governed by the register-write rule, not here.
 * Remembers the last supergraph (the catalog checks the same one on every publication).
 */
export function argumentSurface(supergraphSdl: string, governedGraphs: readonly string[]): ArgumentSurface {
  if (cached?.sdl === supergraphSdl) return cached.surface;
  const supergraph = Supergraph.build(supergraphSdl);
  const schema = supergraph.schema;
  const [, joinSpec] = validateSupergraph(schema);
  const joinType = joinSpec.typeDirective(schema);
  const joinField = joinSpec.fieldDirective(schema);
  const graphName = new Map([...supergraph.subgraphNameToGraphEnumValue()].map(([name, value]) => [value, name]));
  const graphs = new Set(governedGraphs);

  // Root types are not governed types: Query fields are taken one by one (by the graph answering
  // them), mutations not at all.
  const roots = new Set([...schema.schemaDefinition.roots()].map((root) => root.type.name));
  const governedTypes = new Set<string>();
  for (const type of schema.types()) {
    if (roots.has(type.name)) continue;
    if (
      (type.kind === 'ObjectType' || type.kind === 'InterfaceType') &&
      type.appliedDirectivesOf(joinType).some((d) => graphs.has(String(d.arguments().graph)))
    ) {
      governedTypes.add(type.name);
    }
  }
  /** The governed graph (by subgraph name) answering a field, if any: its join__field, else its type's join__type. */
  const graphOf = (typeName: string, fieldName: string): string | undefined => {
    const type = schema.type(typeName);
    if (!type || (type.kind !== 'ObjectType' && type.kind !== 'InterfaceType')) return undefined;
    const byField =
      type
        .field(fieldName)
        ?.appliedDirectivesOf(joinField)
        .map((d) => String(d.arguments().graph)) ?? [];
    const byType = type.appliedDirectivesOf(joinType).map((d) => String(d.arguments().graph));
    const governed = (byField.length > 0 ? byField : byType).find((g) => graphs.has(g));
    return governed === undefined ? undefined : (graphName.get(governed) ?? governed.toLowerCase());
  };

  const governed = new Map<string, ArgumentRule>();
  const known = new Set<string>();
  const control = new Map<string, string>();
  const apiSchema = supergraph.apiSchema().toGraphQLJSSchema();
  const queryName = apiSchema.getQueryType()?.name;
  for (const type of Object.values(apiSchema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const coordinate = `${type.name}.${field.name}`;
      // Root Query fields answered by a governed graph, and every field of a governed type.
      const graph =
        type.name === queryName || governedTypes.has(type.name) ? graphOf(type.name, field.name) : undefined;
      const selectorName = ARGUMENT_SELECTORS[coordinate];
      const selectorArgument = selectorName ? field.args.find((a) => a.name === selectorName) : undefined;
      const selectorType = selectorArgument ? getNullableType(selectorArgument.type) : undefined;
      const selectorValues =
        selectorType && isEnumType(selectorType)
          ? (selectorType as GraphQLEnumType).getValues().map((v) => v.name)
          : [];
      for (const argument of field.args) {
        for (const { path, typeName } of leafPaths(argument)) {
          known.add(argumentCoordinate(coordinate, path));
          const why = controlReason(coordinate, path, typeName);
          if (graph === undefined) continue;
          if (why) {
            control.set(argumentCoordinate(coordinate, path), why);
            continue;
          }
          const rule: ArgumentRule = { lookup: LOOKUP_ARGUMENTS.has(argumentCoordinate(coordinate, path)), graph };
          if (selectorValues.length === 0) {
            governed.set(argumentCoordinate(coordinate, path), rule);
          } else {
            for (const value of selectorValues) {
              const qualified = argumentCoordinate(coordinate, path, { name: selectorName!, value });
              known.add(qualified);
              governed.set(qualified, rule);
            }
          }
        }
      }
    }
  }
  const surface: ArgumentSurface = { governed, known, control };
  cached = { sdl: supergraphSdl, surface };
  return surface;
}

/** The problems `checkArgumentGovernance` reports (listed with the others in GOVERNANCE_PROBLEM_CODES). */
export type ArgumentProblemCode =
  'ARGUMENT_UNGOVERNED' | 'ARGUMENT_GOVERNED_TWICE' | 'ITEM_ARGUMENT_UNKNOWN' | 'ITEM_ARGUMENT_NOT_GOVERNED';

type ArgumentReport = (
  code: ArgumentProblemCode,
  message: string,
  where: { coordinate?: string; resource?: string; item?: number },
) => void;

/**
 * No value-carrying argument escapes: every argument a published item must govern is governed by
 * exactly one (ARGUMENT_UNGOVERNED, ARGUMENT_GOVERNED_TWICE), and every argument an item names is
 * one of those (ITEM_ARGUMENT_UNKNOWN when the graph has no such argument or it is misspelt,
 * ITEM_ARGUMENT_NOT_GOVERNED when it is a control argument, a selector-qualified field's argument
 * named without its selector, or an argument of a field nobody governs). Drafts are checked but do
 * not count as coverage; retired resources are skipped.
 */
export function checkArgumentGovernance(
  surface: ArgumentSurface,
  resources: ReadonlyArray<{
    code: string;
    status: string;
    items?: ReadonlyArray<{ no: number; arguments?: readonly string[] }>;
  }>,
  report: ArgumentReport,
): void {
  const governedBy = new Map<string, string[]>();
  for (const resource of resources) {
    if (resource.status === 'RETIRED') continue;
    for (const item of resource.items ?? []) {
      const id = `${resource.code}#${item.no}`;
      for (const coordinate of item.arguments ?? []) {
        const where = { resource: resource.code, item: item.no, coordinate };
        const parsed = parseArgumentCoordinate(coordinate);
        if (!parsed || !surface.known.has(coordinate)) {
          report(
            'ITEM_ARGUMENT_UNKNOWN',
            parsed
              ? `${id} names the argument ${coordinate}, which the supergraph does not have`
              : `${id} names the argument "${coordinate}": write Type.field(path), e.g. Query.searchPersons(filter.name), or Type.field(selector: VALUE, path)`,
            where,
          );
          continue;
        }
        if (!surface.governed.has(coordinate)) {
          const selector = ARGUMENT_SELECTORS[parsed.field];
          const why = surface.control.get(coordinate)
            ? `a control argument (${surface.control.get(coordinate)})`
            : selector && !parsed.selector
              ? `an argument of a field with the kind selector ${selector}: name it per value, e.g. ${parsed.field}(${selector}: VALUE, ${parsed.path})`
              : 'an argument of a field no catalog item governs';
          report('ITEM_ARGUMENT_NOT_GOVERNED', `${id} names ${coordinate}, ${why}`, where);
          continue;
        }
        if (resource.status !== 'PUBLISHED') continue;
        const ids = governedBy.get(coordinate) ?? [];
        ids.push(id);
        governedBy.set(coordinate, ids);
      }
    }
  }
  for (const coordinate of [...surface.governed.keys()].sort()) {
    const ids = governedBy.get(coordinate) ?? [];
    if (ids.length === 0) {
      report(
        'ARGUMENT_UNGOVERNED',
        `${coordinate} carries data (a filter, a match or an identifier) and no published catalog item governs it; add it to the "arguments" of the item whose values it is compared with`,
        { coordinate },
      );
    } else if (ids.length > 1) {
      report(
        'ARGUMENT_GOVERNED_TWICE',
        `${coordinate} is governed by ${ids.length} published items (${ids.join(', ')}); exactly one must govern it`,
        { coordinate },
      );
    }
  }
}
