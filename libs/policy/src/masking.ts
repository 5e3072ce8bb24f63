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
import { parseCitizenId, parseUscc } from '@hub/identifiers';
import { MaskingRule, type MaskUnless } from './catalog-model.js';
import { surnameLength } from './compound-surnames.js';
import {
  conditionApplies,
  prepareOperation,
  runtimeTypesOf,
  type OperationOptions,
  type PreparedOperation,
} from './operation-fields.js';

/** Returned by `maskScalar` for a value the rule does not fit, so callers can tell it from a masked value. */
const UNFIT: unique symbol = Symbol('unfit');

const DATE = /^(\d{4})-\d{2}-\d{2}(?:$|[T ])/;
const REDACTED = '******';
/** COORDINATE snaps to a grid of 1/100 degree (docs/catalog.md §4). */
const GRID_CELLS_PER_DEGREE = 100;

function keepEnds(codePoints: string[], head: number, tail: number): string {
  const hidden = codePoints.length - head - tail;
  if (hidden <= 0) return codePoints.join('');
  return codePoints.slice(0, head).join('') + '*'.repeat(hidden) + codePoints.slice(codePoints.length - tail).join('');
}

function maskCitizenId(value: string): string {
  const codePoints = Array.from(value);
  return codePoints.length < 11 ? '*'.repeat(codePoints.length) : keepEnds(codePoints, 6, 4);
}

/** A subject's id by what it is: a valid citizen ID (also when it is a valid USCC too) is masked, a USCC kept, anything else hidden. */
function maskSubjectId(value: string): string {
  if (parseCitizenId(value).ok) return maskCitizenId(value);
  if (parseUscc(value).ok) return value;
  return REDACTED;
}

const ID_WINDOWS = [18, 15] as const;

/** Masks every valid citizen ID (18 characters, or a 15-digit legacy one) inside a record id, keeping the rest: p-440604198503121234 → p-440604********1234. */
function maskRecordId(value: string): string {
  const codePoints = Array.from(value);
  const hidden = new Array<boolean>(codePoints.length).fill(false);
  for (const width of ID_WINDOWS) {
    for (let start = 0; start + width <= codePoints.length; start++) {
      // Cheap shape test first: digits, and for 18 characters a final digit or X.
      const window = codePoints.slice(start, start + width).join('');
      if (!(width === 18 ? /^\d{17}[\dXx]$/ : /^\d{15}$/).test(window) || !parseCitizenId(window).ok) continue;
      for (let i = start + 6; i < start + width - 4; i++) hidden[i] = true;
    }
  }
  return codePoints.map((c, i) => (hidden[i] ? '*' : c)).join('');
}

function maskScalar(rule: MaskingRule, value: unknown): unknown {
  if (rule === MaskingRule.COORDINATE) {
    return typeof value === 'number' && Number.isFinite(value)
      ? Math.round(value * GRID_CELLS_PER_DEGREE) / GRID_CELLS_PER_DEGREE
      : UNFIT;
  }
  if (typeof value !== 'string') return UNFIT;
  switch (rule) {
    case MaskingRule.CITIZEN_ID:
      return maskCitizenId(value);
    case MaskingRule.PHONE: {
      const codePoints = Array.from(value);
      return codePoints.length < 8 ? keepEnds(codePoints, 0, 2) : keepEnds(codePoints, 3, 4);
    }
    case MaskingRule.NAME: {
      const codePoints = Array.from(value);
      if (codePoints.length <= 1) return '*'.repeat(codePoints.length);
      const kept = surnameLength(codePoints);
      return codePoints.slice(0, kept).join('') + '*'.repeat(codePoints.length - kept);
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
    case MaskingRule.SUBJECT_ID:
      return maskSubjectId(value);
    case MaskingRule.RECORD_ID:
      return maskRecordId(value);
    case MaskingRule.REDACT:
      return REDACTED;
    default:
      // A rule this code does not know (a newer catalog) must not let the value through.
      return REDACTED;
  }
}

/** The masked form of one value under a rule; null/undefined stay as they are; a value whose JS type does not fit the rule is returned unchanged (the catalog check keeps rules on fields of the right type). Lists are masked element by element. */
export function maskValue(rule: MaskingRule, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((element: unknown) => maskValue(rule, element));
  const masked = maskScalar(rule, value);
  return masked === UNFIT ? value : masked;
}

/**
 * Masks, in place, every value inside an object-valued field (a point under COORDINATE) or a JSON
 * value (a change record under REDACT). REDACT hides every value of a JSON document, whatever its
 * type; the other rules rewrite the values they fit and leave the rest (keys, `__typename`).
 */
function maskDeep(rule: MaskingRule, holder: Record<string | number, unknown>, key: string | number): number {
  const value = holder[key];
  if (value === null || value === undefined) return 0;
  if (typeof value === 'object') {
    let masked = 0;
    if (Array.isArray(value))
      for (let index = 0; index < value.length; index++)
        masked += maskDeep(rule, value as unknown as Record<number, unknown>, index);
    else for (const inner of Object.keys(value)) masked += maskDeep(rule, value as Record<string, unknown>, inner);
    return masked;
  }
  const result = rule === MaskingRule.REDACT ? REDACTED : maskScalar(rule, value);
  if (result === UNFIT || result === value) return 0;
  holder[key] = result;
  return 1;
}

/** A rule, with the condition under which it does not apply. */
export interface FieldMasking {
  rule: MaskingRule;
  unless?: MaskUnless | null;
}

/** The masking of a field coordinate for this caller: a rule alone, a rule with its condition, or none. */
export type MaskingFor = (coordinate: string) => MaskingRule | FieldMasking | undefined;

// The masker compiles the operation into a plan holding only the paths that lead to a masked
// field, then walks the data along that plan: subtrees without rules are never visited.

interface PlanEntry {
  masking: FieldMasking | undefined;
  /** The field's type is an object type (its values are walked by `child`, or masked deep by `masking`). */
  composite: boolean;
  child: Plan | undefined;
}

interface FieldPlans {
  /** Response key → what to do with the value under it. */
  entries: ReadonlyMap<string, PlanEntry>;
  /** Field name → the response keys the operation selects it under: where a rule's condition reads its sibling. */
  keysByField: ReadonlyMap<string, readonly string[]>;
}

const NO_PLANS: FieldPlans = { entries: new Map(), keysByField: new Map() };

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

function mergeMasking(a: FieldMasking | undefined, b: FieldMasking | undefined): FieldMasking | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  // Two types' rules under one key of an unknown type: the one without a condition is the stricter.
  return a.unless ? b : a;
}

function mergeFieldPlans(all: readonly FieldPlans[]): FieldPlans {
  if (all.length === 1) return all[0];
  const entries = new Map<string, PlanEntry>();
  const keysByField = new Map<string, string[]>();
  for (const plans of all) {
    for (const [key, entry] of plans.entries) {
      const existing = entries.get(key);
      entries.set(
        key,
        existing === undefined
          ? entry
          : {
              masking: mergeMasking(existing.masking, entry.masking),
              composite: existing.composite || entry.composite,
              child: mergePlans(existing.child, entry.child),
            },
      );
    }
    for (const [field, keys] of plans.keysByField)
      keysByField.set(field, [...new Set([...(keysByField.get(field) ?? []), ...keys])]);
  }
  return { entries, keysByField };
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

function normalise(masking: MaskingRule | FieldMasking | undefined): FieldMasking | undefined {
  return typeof masking === 'string' ? { rule: masking } : masking;
}

class PlanBuilder {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly prepared: PreparedOperation,
    private readonly maskingFor: MaskingFor,
  ) {}

  build(type: GraphQLCompositeType, sources: readonly Source[]): Plan | undefined {
    const byType = new Map<string, FieldPlans>();
    const typenameKeys = new Set<string>();
    let masksSomething = false;
    for (const runtime of runtimeTypesOf(this.schema, type)) {
      const grouped = new Map<string, Collected[]>();
      const visited = new Set<string>();
      for (const source of sources) this.collect(runtime, type, source.selectionSet, source.path, visited, grouped);
      const entries = new Map<string, PlanEntry>();
      const keysByField = new Map<string, string[]>();
      for (const [key, items] of grouped) {
        const name = items[0].node.name.value;
        if (name === '__typename') {
          typenameKeys.add(key);
          continue;
        }
        const keys = keysByField.get(name);
        if (keys === undefined) keysByField.set(name, [key]);
        else keys.push(key);
        // Meta-fields (__schema, __type) are not among the type's fields: introspection is not masked.
        const definition = runtime.getFields()[name];
        if (definition === undefined) continue;
        const masking = this.maskingOf(runtime, name, items);
        const fieldType = getNamedType(definition.type);
        const composite = isCompositeType(fieldType);
        let child: Plan | undefined;
        if (composite) {
          const inner: Source[] = [];
          for (const item of items)
            if (item.node.selectionSet !== undefined)
              inner.push({ selectionSet: item.node.selectionSet, path: item.path });
          if (inner.length > 0) child = this.build(fieldType, inner);
        }
        if (masking !== undefined || child !== undefined) entries.set(key, { masking, composite, child });
      }
      if (entries.size > 0) masksSomething = true;
      byType.set(runtime.name, { entries, keysByField });
    }
    if (!masksSomething) return undefined;
    const abstract = isAbstractType(type);
    return {
      abstract,
      typenameKeys: [...typenameKeys],
      byType,
      any: abstract ? mergeFieldPlans([...byType.values()]) : (byType.get(type.name) ?? NO_PLANS),
    };
  }

  /** The masking of the field on its object type, else (conservatively) of the interface it was selected through. */
  private maskingOf(runtime: GraphQLObjectType, name: string, items: readonly Collected[]): FieldMasking | undefined {
    const own = normalise(this.maskingFor(`${runtime.name}.${name}`));
    if (own !== undefined) return own;
    for (const item of items) {
      if (item.scope === runtime) continue;
      const masking = normalise(this.maskingFor(`${item.scope.name}.${name}`));
      if (masking !== undefined) return masking;
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
          const condition =
            selection.typeCondition === undefined ? scope : this.schema.getType(selection.typeCondition.name.value);
          if (
            condition === undefined ||
            !isCompositeType(condition) ||
            !conditionApplies(this.schema, condition, runtime)
          )
            continue;
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
          if (
            condition === undefined ||
            !isCompositeType(condition) ||
            !conditionApplies(this.schema, condition, runtime)
          )
            continue;
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

/** Whether the rule applies to a value of `object`: always, unless a sibling the operation selected holds one of the values that exempt it. */
function applies(masking: FieldMasking, plans: FieldPlans, object: Record<string, unknown>): boolean {
  const unless = masking.unless;
  if (!unless) return true;
  for (const key of plans.keysByField.get(unless.field) ?? []) {
    const sibling = object[key];
    if (typeof sibling === 'string' && unless.values.includes(sibling)) return false;
  }
  return true;
}

function maskObject(plan: Plan, object: Record<string, unknown>): number {
  let masked = 0;
  const plans = fieldPlansFor(plan, object);
  for (const [key, entry] of plans.entries) {
    if (!Object.hasOwn(object, key)) continue;
    const rule = entry.masking !== undefined && applies(entry.masking, plans, object) ? entry.masking.rule : undefined;
    masked += maskSlot(entry, rule, object, key);
  }
  return masked;
}

/** Masks `holder[key]` in place along `entry` with `rule` (when it applies); `holder` is an object, or a list with a numeric key. */
function maskSlot(
  entry: PlanEntry,
  rule: MaskingRule | undefined,
  holder: Record<string, unknown> | unknown[],
  key: string | number,
): number {
  const slots = holder as Record<string | number, unknown>;
  const value = slots[key];
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) {
    let masked = 0;
    for (let index = 0; index < value.length; index++) masked += maskSlot(entry, rule, value, index);
    return masked;
  }
  if (typeof value === 'object') {
    // An object type's value is walked along the plan, and masked as a whole where its field has
    // a rule (a point); a JSON scalar's value is masked as a whole.
    let masked =
      entry.composite && entry.child !== undefined ? maskObject(entry.child, value as Record<string, unknown>) : 0;
    if (rule !== undefined) masked += maskDeep(rule, slots, key);
    return masked;
  }
  if (rule === undefined) return 0;
  const result = maskScalar(rule, value);
  // Unfit, or kept as it is (a USCC under SUBJECT_ID): not counted as masked.
  if (result === UNFIT || result === value) return 0;
  slots[key] = result;
  return 1;
}

/**
 * Masks, in place, every value in `data` (an execution result's `data`) whose field's coordinate
 * has a rule for this caller. Walks the operation's selection set in parallel with the data:
 * aliases, fragments, lists, nulls, nested objects; for abstract types uses `__typename` when
 * present, otherwise applies a rule if any possible type's coordinate has one. A rule with a
 * condition (`unless`) reads the sibling field from the same object, under any key the operation
 * selected it; not selected, it masks. Returns how many values were masked.
 */
export function maskResponseData(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: OperationOptions,
  data: Record<string, unknown> | null | undefined,
  maskingFor: MaskingFor,
): number {
  if (data === null || data === undefined || typeof data !== 'object') return 0;
  const prepared = prepareOperation(schema, document, options);
  const plan = new PlanBuilder(schema, prepared, maskingFor).build(prepared.rootType, [
    { selectionSet: prepared.operation.selectionSet, path: undefined },
  ]);
  return plan === undefined ? 0 : maskObject(plan, data);
}
