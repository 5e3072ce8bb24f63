import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { MaskingRule } from './catalog-model.js';
import { conditionApplies, prepareOperation, runtimeTypesOf, type OperationOptions, type PreparedOperation } from './operation-fields.js';

/** Returned by `maskScalar` for a value the rule does not fit, so callers can tell it from a masked value. */
const UNFIT: unique symbol = Symbol('unfit');

const DATE = /^(\d{4})-\d{2}-\d{2}(?:$|[T ])/;

function keepEnds(codePoints: string[], head: number, tail: number): string {
  const hidden = codePoints.length - head - tail;
  if (hidden <= 0) return codePoints.join('');
  return codePoints.slice(0, head).join('') + '*'.repeat(hidden) + codePoints.slice(codePoints.length - tail).join('');
}

function maskScalar(rule: MaskingRule, value: unknown): unknown {
  if (rule === MaskingRule.COORDINATE) {
    return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : UNFIT;
  }
  if (typeof value !== 'string') return UNFIT;
  switch (rule) {
    case MaskingRule.CITIZEN_ID: {
      const codePoints = Array.from(value);
      return codePoints.length < 11 ? '*'.repeat(codePoints.length) : keepEnds(codePoints, 6, 4);
    }
    case MaskingRule.PHONE: {
      const codePoints = Array.from(value);
      return codePoints.length < 8 ? keepEnds(codePoints, 0, 2) : keepEnds(codePoints, 3, 4);
    }
    case MaskingRule.NAME: {
      const codePoints = Array.from(value);
      if (codePoints.length <= 1) return '*'.repeat(codePoints.length);
      return codePoints[0] + '*'.repeat(codePoints.length - 1);
    }
    case MaskingRule.ADDRESS: {
      const codePoints = Array.from(value);
      return (codePoints.length <= 6 ? '' : codePoints.slice(0, 6).join('')) + '****';
    }
    case MaskingRule.DATE_YEAR: {
      // Text that is not a date could be anything; hiding all of it is the only safe form.
      const match = DATE.exec(value);
      return match === null ? '****-**-**' : `${match[1]}-**-**`;
    }
    case MaskingRule.REDACT:
      return '******';
    default:
      // A rule this code does not know (a newer catalog) must not let the value through.
      return '******';
  }
}

/** The masked form of one value under a rule; null/undefined stay as they are; a value whose JS type does not fit the rule is returned unchanged (the catalog check keeps rules on fields of the right type). Lists are masked element by element. */
export function maskValue(rule: MaskingRule, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((element: unknown) => maskValue(rule, element));
  const masked = maskScalar(rule, value);
  return masked === UNFIT ? value : masked;
}

// The masker compiles the operation into a plan holding only the paths that lead to a masked
// field, then walks the data along that plan: subtrees without rules are never visited.

interface PlanEntry {
  rule: MaskingRule | undefined;
  child: Plan | undefined;
}

/** Response key → what to do with the value under it. */
type FieldPlans = ReadonlyMap<string, PlanEntry>;

interface Plan {
  abstract: boolean;
  /** The response keys under which the operation selects `__typename`, aliased or not. */
  typenameKeys: readonly string[];
  byType: ReadonlyMap<string, FieldPlans>;
  /** For a value whose object type is unknown: a rule wherever any possible type has one. */
  any: FieldPlans;
}

/** The fragments being expanded above a selection, to stop on a cycle a validator would reject. */
interface FragmentPath {
  name: string;
  parent: FragmentPath | undefined;
}

interface Collected {
  node: FieldNode;
  /** The type the field is written on in the document. */
  scope: GraphQLCompositeType;
  path: FragmentPath | undefined;
}

interface Source {
  selectionSet: SelectionSetNode;
  path: FragmentPath | undefined;
}

function onPath(path: FragmentPath | undefined, name: string): boolean {
  for (let step = path; step !== undefined; step = step.parent) if (step.name === name) return true;
  return false;
}

function mergeFieldPlans(all: readonly FieldPlans[]): FieldPlans {
  if (all.length === 1) return all[0];
  const merged = new Map<string, PlanEntry>();
  for (const plans of all) {
    for (const [key, entry] of plans) {
      const existing = merged.get(key);
      merged.set(key, existing === undefined ? entry : { rule: existing.rule ?? entry.rule, child: mergePlans(existing.child, entry.child) });
    }
  }
  return merged;
}

function mergePlans(a: Plan | undefined, b: Plan | undefined): Plan | undefined {
  if (a === undefined || a === b) return b;
  if (b === undefined) return a;
  const byType = new Map(a.byType);
  for (const [type, plans] of b.byType) {
    const existing = byType.get(type);
    byType.set(type, existing === undefined ? plans : mergeFieldPlans([existing, plans]));
  }
  return {
    abstract: a.abstract || b.abstract || byType.size > 1,
    typenameKeys: [...new Set([...a.typenameKeys, ...b.typenameKeys])],
    byType,
    any: mergeFieldPlans([a.any, b.any]),
  };
}

class PlanBuilder {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly prepared: PreparedOperation,
    private readonly ruleFor: (coordinate: string) => MaskingRule | undefined,
  ) {}

  build(type: GraphQLCompositeType, sources: readonly Source[]): Plan | undefined {
    const byType = new Map<string, FieldPlans>();
    const typenameKeys = new Set<string>();
    let masksSomething = false;
    for (const runtime of runtimeTypesOf(this.schema, type)) {
      const grouped = new Map<string, Collected[]>();
      const visited = new Set<string>();
      for (const source of sources) this.collect(runtime, type, source.selectionSet, source.path, visited, grouped);
      const plans = new Map<string, PlanEntry>();
      for (const [key, items] of grouped) {
        const name = items[0].node.name.value;
        if (name === '__typename') {
          typenameKeys.add(key);
          continue;
        }
        // Meta-fields (__schema, __type) are not among the type's fields: introspection is not masked.
        const definition = runtime.getFields()[name];
        if (definition === undefined) continue;
        const rule = this.ruleOf(runtime, name, items);
        const fieldType = getNamedType(definition.type);
        let child: Plan | undefined;
        if (isCompositeType(fieldType)) {
          const inner: Source[] = [];
          for (const item of items) if (item.node.selectionSet !== undefined) inner.push({ selectionSet: item.node.selectionSet, path: item.path });
          if (inner.length > 0) child = this.build(fieldType, inner);
        }
        if (rule !== undefined || child !== undefined) plans.set(key, { rule, child });
      }
      if (plans.size > 0) masksSomething = true;
      byType.set(runtime.name, plans);
    }
    if (!masksSomething) return undefined;
    const abstract = isAbstractType(type);
    return {
      abstract,
      typenameKeys: [...typenameKeys],
      byType,
      any: abstract ? mergeFieldPlans([...byType.values()]) : (byType.get(type.name) ?? new Map()),
    };
  }

  /** The rule of the field on its object type, else (conservatively) of the interface it was selected through. */
  private ruleOf(runtime: GraphQLObjectType, name: string, items: readonly Collected[]): MaskingRule | undefined {
    const own = this.ruleFor(`${runtime.name}.${name}`);
    if (own !== undefined) return own;
    for (const item of items) {
      if (item.scope === runtime) continue;
      const rule = this.ruleFor(`${item.scope.name}.${name}`);
      if (rule !== undefined) return rule;
    }
    return undefined;
  }

  /** graphql-js's CollectFields for one object type, remembering where each field was written. */
  private collect(
    runtime: GraphQLObjectType,
    scope: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    path: FragmentPath | undefined,
    visited: Set<string>,
    out: Map<string, Collected[]>,
  ): void {
    for (const selection of selectionSet.selections) {
      if (!this.prepared.isIncluded(selection)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const key = selection.alias?.value ?? selection.name.value;
          const item: Collected = { node: selection, scope, path };
          const items = out.get(key);
          if (items === undefined) out.set(key, [item]);
          else items.push(item);
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition === undefined ? scope : this.schema.getType(selection.typeCondition.name.value);
          if (condition === undefined || !isCompositeType(condition) || !conditionApplies(this.schema, condition, runtime)) continue;
          this.collect(runtime, condition, selection.selectionSet, path, visited, out);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visited.has(name) || onPath(path, name)) continue;
          visited.add(name);
          const fragment = this.prepared.fragments.get(name);
          if (fragment === undefined) continue;
          const condition = this.schema.getType(fragment.typeCondition.name.value);
          if (condition === undefined || !isCompositeType(condition) || !conditionApplies(this.schema, condition, runtime)) continue;
          this.collect(runtime, condition, fragment.selectionSet, { name, parent: path }, visited, out);
          break;
        }
      }
    }
  }
}

function fieldPlansFor(plan: Plan, object: Record<string, unknown>): FieldPlans {
  if (!plan.abstract) return plan.any;
  for (const key of plan.typenameKeys) {
    const typename = object[key];
    if (typeof typename !== 'string') continue;
    const plans = plan.byType.get(typename);
    if (plans !== undefined) return plans;
  }
  return plan.any;
}

function maskObject(plan: Plan, object: Record<string, unknown>): number {
  let masked = 0;
  for (const [key, entry] of fieldPlansFor(plan, object)) {
    if (Object.hasOwn(object, key)) masked += maskSlot(entry, object, key);
  }
  return masked;
}

/** Masks `holder[key]` in place along `entry`; `holder` is an object, or a list with a numeric key. */
function maskSlot(entry: PlanEntry, holder: Record<string, unknown> | unknown[], key: string | number): number {
  const value = (holder as Record<string | number, unknown>)[key];
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) {
    let masked = 0;
    for (let index = 0; index < value.length; index++) masked += maskSlot(entry, value, index);
    return masked;
  }
  if (typeof value === 'object') return entry.child === undefined ? 0 : maskObject(entry.child, value as Record<string, unknown>);
  if (entry.rule === undefined) return 0;
  const result = maskScalar(entry.rule, value);
  if (result === UNFIT) return 0;
  (holder as Record<string | number, unknown>)[key] = result;
  return 1;
}

/** Masks, in place, every value in `data` (an execution result's `data`) whose field's coordinate has a rule. Walks the operation's selection set in parallel with the data: aliases, fragments, lists, nulls, nested objects; for abstract types uses `__typename` when present, otherwise applies a rule if any possible type's coordinate has one. Returns how many values were masked. */
export function maskResponseData(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: OperationOptions,
  data: Record<string, unknown> | null | undefined,
  ruleFor: (coordinate: string) => MaskingRule | undefined,
): number {
  if (data === null || data === undefined || typeof data !== 'object') return 0;
  const prepared = prepareOperation(schema, document, options);
  const plan = new PlanBuilder(schema, prepared, ruleFor).build(prepared.rootType, [{ selectionSet: prepared.operation.selectionSet, path: undefined }]);
  return plan === undefined ? 0 : maskObject(plan, data);
}
