// "No ungoverned field": every field of a base-library type in the supergraph is covered by exactly
// one published data item (信息项) of the catalog. The gateway enforces sharing type and masking per
// field, so a field no item governs would be a field nobody decided about — and a field two items
// govern would have two contradictory answers. Besides that rule, the checks below reject the seed
// catalog mistakes that would make enforcement wrong or an entry unusable: invalid codes and USCCs,
// masking rules that cannot apply to a field's type, conditional resources without conditions —
// and personal data shared without a mask: every item says what its values are (a data class), and
// a personal class in a shared resource needs a masking rule that fits it.
//
// The supergraph is read with @apollo/federation-internals (the library composition itself uses),
// so `@join__type` is found by the join spec's real name and the API schema (what clients can
// select: no federation machinery, no @inaccessible elements) decides what must be governed.

import {
  Supergraph,
  baseType,
  isInterfaceType,
  isObjectType,
  validateSupergraph,
  type FieldDefinition,
  type InterfaceType,
  type NamedType,
  type ObjectType,
} from '@apollo/federation-internals';
import { parseDivisionCode, parseUscc } from '@hub/identifiers';
import {
  DataClass,
  DataItemType,
  MASKING_RULES_OF_CLASS,
  MaskingRule,
  OpenAttribute,
  ResourceFormat,
  ResourceStatus,
  Sensitivity,
  SharingMethod,
  SharingType,
  UpdateCycle,
  dataItemId,
  isPersonalDataClass,
  type CatalogResourceSpec,
  type DataItemSpec,
  type DepartmentSpec,
} from './catalog-model.js';
import { argumentSurface, checkArgumentGovernance, type ArgumentRule } from './argument-governance.js';
import { parseResourceCode } from './resource-code.js';

/** The subgraphs (join__Graph values) that are base libraries. */
export const BASE_LIBRARY_GRAPHS: readonly string[] = ['LEGAL_ENTITY', 'POPULATION', 'CREDIT', 'GEOSPATIAL'];

/**
 * The subgraphs whose every field the catalog governs: the base libraries, and the once-only app,
 * which serves data about the same citizens and companies (their licences, materials, review
 * results, what is reused for them). The catalog's own graph is not here: it is the policy itself,
 * and guards its data by role.
 */
export const GOVERNED_GRAPHS: readonly string[] = [...BASE_LIBRARY_GRAPHS, 'ONCE_ONLY'];

/** The stable codes `checkGovernance` reports; tools and tests match on them, never on messages. */
export const GOVERNANCE_PROBLEM_CODES = [
  /** The SDL is not a supergraph (does not parse, or lacks the join spec). */
  'SUPERGRAPH_INVALID',
  /** A base-library field that no published item governs. */
  'FIELD_UNGOVERNED',
  /** A base-library field that two or more published items (or one item twice) govern. */
  'FIELD_GOVERNED_TWICE',
  /** An item names a coordinate that is not an output field of the supergraph. */
  'ITEM_FIELD_UNKNOWN',
  /** An item names a field that exists but is not governed: a root field, or one the API does not serve. */
  'ITEM_FIELD_NOT_BASE_LIBRARY',
  /** A data-carrying argument of a governed field (filter, match, identifier) that no published item governs (argument-governance.ts). */
  'ARGUMENT_UNGOVERNED',
  /** An argument that two or more published items (or one item twice) govern. */
  'ARGUMENT_GOVERNED_TWICE',
  /** An item names an argument the supergraph does not have, or spells it other than `Type.field(path)`. */
  'ITEM_ARGUMENT_UNKNOWN',
  /** An item names an argument that exists but is not governed: a control argument, or one of an ungoverned field. */
  'ITEM_ARGUMENT_NOT_GOVERNED',
  /** A masking rule on a field whose type it cannot apply to. */
  'MASKING_TYPE_MISMATCH',
  /** A personal item of maskable scalar fields without a masking rule. */
  'MASKING_MISSING',
  /** A sensitive personal item in a resource shared unconditionally or open to the public. */
  'SENSITIVE_ITEM_EXPOSED',
  /** An item without a data class. */
  'DATA_CLASS_MISSING',
  /** A data class outside the vocabulary (DataClass). */
  'DATA_CLASS_INVALID',
  /** A personal data class with sensitivity PUBLIC or INTERNAL. */
  'DATA_CLASS_SENSITIVITY_MISMATCH',
  /**
   * A personal data class in a shared (unconditional or conditional) resource without a masking
   * rule for callers without full values — unless no rule can mask its fields (enums, booleans,
   * numbers) and the item says why it is shared as it is (its description).
   */
  'PERSONAL_ITEM_UNMASKED',
  /** A masking rule that does not fit the item's data class (CITIZEN_ID on ids that may be USCCs, NAME on an address …). */
  'MASKING_CLASS_MISMATCH',
  /** A `maskUnless` without a rule, on a sibling the item's types lack, or with values its enum does not have. */
  'MASK_UNLESS_INVALID',
  'RESOURCE_CODE_INVALID',
  'RESOURCE_CODE_DUPLICATE',
  /** A published resource without data items. */
  'RESOURCE_ITEMS_MISSING',
  'RELATED_CODE_UNKNOWN',
  /** A published resource without a valid publication date, or a date that is not YYYY-MM-DD. */
  'PUBLISHED_ON_INVALID',
  'ITEM_NUMBER_DUPLICATE',
  'ITEM_NUMBER_INVALID',
  'SHARING_CONDITIONS_MISSING',
  'PROVIDER_UNKNOWN',
  /** A value outside the catalog vocabulary (sharing type, sensitivity, masking rule …). */
  'ENUM_VALUE_INVALID',
  /** A required name or summary is empty. */
  'METADATA_MISSING',
  'DEPARTMENT_USCC_INVALID',
  'DEPARTMENT_USCC_DUPLICATE',
  'DEPARTMENT_DIVISION_INVALID',
  'SYSTEM_CODE_DUPLICATE',
  'SYSTEM_CODE_INVALID',
] as const;

export type GovernanceProblemCode = (typeof GOVERNANCE_PROBLEM_CODES)[number];

export interface GovernanceProblem {
  code: string;
  message: string;
  /** `Type.field`, for a problem about one field. */
  coordinate?: string;
  /** Resource code, for a problem about a resource or one of its items. */
  resource?: string;
  /** Item number within `resource`. */
  item?: number;
}

export interface GovernanceCatalog {
  departments: DepartmentSpec[];
  resources: CatalogResourceSpec[];
}

/** The coordinates (`Type.field`) every one of which a published item must govern, sorted. Throws on an SDL that is not a supergraph. */
export function baseLibraryFields(supergraphSdl: string): string[] {
  return [...readSupergraph(supergraphSdl).governed].sort();
}

/**
 * The mutations the base libraries serve (`Mutation.<field>`): writes to their registers, which only
 * a register's provider department may make.
 */
export function baseLibraryMutations(supergraphSdl: string): string[] {
  const schema = Supergraph.build(supergraphSdl).schema;
  const [, joinSpec] = validateSupergraph(schema);
  const joinField = joinSpec.fieldDirective(schema);
  const mutation = schema.schemaDefinition.root('mutation')?.type;
  if (!mutation) return [];
  const baseGraphs = new Set(BASE_LIBRARY_GRAPHS);
  return mutation
    .fields()
    .filter((field) =>
      field.appliedDirectivesOf(joinField).some((applied) => baseGraphs.has(String(applied.arguments().graph))),
    )
    .map((field) => field.coordinate)
    .sort();
}

/**
 * The arguments a published item must govern (the data arguments of governed fields: filters,
 * matches, identifiers), with what the gateway needs to know of each. Throws on an SDL that is not
 * a supergraph.
 */
export function governedArguments(supergraphSdl: string): ReadonlyMap<string, ArgumentRule> {
  return argumentSurface(supergraphSdl, GOVERNED_GRAPHS).governed;
}

export function checkGovernance(supergraphSdl: string, catalog: GovernanceCatalog): GovernanceProblem[] {
  const problems: GovernanceProblem[] = [];
  const report = (
    code: GovernanceProblemCode,
    message: string,
    where: Omit<GovernanceProblem, 'code' | 'message'> = {},
  ): void => {
    problems.push({ code, message, ...where });
  };

  const usccs = checkDepartments(catalog.departments, report);
  const codes = new Set(catalog.resources.map((resource) => resource.code));
  const seenCodes = new Set<string>();
  for (const resource of catalog.resources) {
    checkResource(resource, { usccs, codes, seenCodes }, report);
  }

  let supergraph: SupergraphFields;
  try {
    supergraph = readSupergraph(supergraphSdl);
  } catch (error) {
    report(
      'SUPERGRAPH_INVALID',
      `the supergraph cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
    return problems;
  }

  // Retired resources are history: the fields they named may be long gone, so they are not held to
  // today's schema. Drafts are checked, so that publishing one cannot surprise.
  const governedBy = new Map<string, string[]>();
  for (const resource of catalog.resources) {
    if (resource.status === ResourceStatus.RETIRED) continue;
    for (const item of resource.items ?? []) {
      checkItemFields(resource, item, supergraph, report);
      if (resource.status !== ResourceStatus.PUBLISHED) continue;
      for (const coordinate of item.fields ?? []) {
        if (!supergraph.governed.has(coordinate)) continue;
        const ids = governedBy.get(coordinate) ?? [];
        ids.push(dataItemId(resource.code, item.no));
        governedBy.set(coordinate, ids);
      }
    }
  }

  for (const coordinate of [...supergraph.governed].sort()) {
    const ids = governedBy.get(coordinate) ?? [];
    if (ids.length === 0) {
      report(
        'FIELD_UNGOVERNED',
        `${coordinate} is a governed field (of a base library or the once-only app) that no published catalog item governs`,
        { coordinate },
      );
    } else if (ids.length > 1) {
      report(
        'FIELD_GOVERNED_TWICE',
        `${coordinate} is governed by ${ids.length} published items (${ids.join(', ')}); exactly one must govern it`,
        {
          coordinate,
        },
      );
    }
  }
  checkArgumentGovernance(argumentSurface(supergraphSdl, GOVERNED_GRAPHS), catalog.resources, report);
  return problems;
}

type Report = (
  code: GovernanceProblemCode,
  message: string,
  where?: Omit<GovernanceProblem, 'code' | 'message'>,
) => void;

// ---------------------------------------------------------------------------------------------
// Departments

const SYSTEM_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SYSTEM_CODE_MAX_LENGTH = 64;

/** Checks the departments; returns the USCCs that may be named as providers. */
function checkDepartments(departments: DepartmentSpec[], report: Report): Set<string> {
  const usccs = new Set<string>();
  const systemOwners = new Map<string, string>();
  for (const department of departments) {
    const label = department.name || department.uscc;
    if (!department.name?.trim()) report('METADATA_MISSING', `department ${department.uscc} has no name`);
    const parsed = parseUscc(department.uscc ?? '');
    if (!parsed.ok) {
      report('DEPARTMENT_USCC_INVALID', `${label}: USCC "${department.uscc}" is invalid: ${parsed.error.message}`);
    } else if (parsed.value.uscc !== department.uscc) {
      // Providers are matched by exact string; a lower-case or padded USCC would never match one.
      report('DEPARTMENT_USCC_INVALID', `${label}: USCC "${department.uscc}" must be written as ${parsed.value.uscc}`);
    } else if (usccs.has(department.uscc)) {
      report('DEPARTMENT_USCC_DUPLICATE', `${label}: USCC ${department.uscc} is used by another department`);
    } else {
      usccs.add(department.uscc);
    }
    const division = parseDivisionCode(department.divisionCode ?? '');
    if (!division.ok) {
      report(
        'DEPARTMENT_DIVISION_INVALID',
        `${label}: division "${department.divisionCode}" is invalid: ${division.error.message}`,
      );
    }
    for (const system of department.systems ?? []) {
      if (!SYSTEM_CODE.test(system.code) || system.code.length > SYSTEM_CODE_MAX_LENGTH) {
        report(
          'SYSTEM_CODE_INVALID',
          `${label}: system code "${system.code}" must be lower-case letters, digits and single dashes (at most ${SYSTEM_CODE_MAX_LENGTH} characters)`,
        );
      }
      const owner = systemOwners.get(system.code);
      if (owner !== undefined) {
        report(
          'SYSTEM_CODE_DUPLICATE',
          `${label}: system code "${system.code}" is already used by ${owner}; system codes are unique across the hub`,
        );
      } else {
        systemOwners.set(system.code, label);
      }
      if (!system.name?.trim()) report('METADATA_MISSING', `${label}: system ${system.code} has no name`);
    }
  }
  return usccs;
}

// ---------------------------------------------------------------------------------------------
// Resources and items (everything that does not need the supergraph)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkResource(
  resource: CatalogResourceSpec,
  context: { usccs: Set<string>; codes: Set<string>; seenCodes: Set<string> },
  report: Report,
): void {
  const where = { resource: resource.code };
  const parsed = parseResourceCode(resource.code ?? '');
  if (!parsed.ok) report('RESOURCE_CODE_INVALID', `resource "${resource.name}": ${parsed.message}`, where);
  if (context.seenCodes.has(resource.code)) {
    report('RESOURCE_CODE_DUPLICATE', `resource code ${resource.code} is used by more than one resource`, where);
  }
  context.seenCodes.add(resource.code);

  if (!resource.name?.trim()) report('METADATA_MISSING', `resource ${resource.code} has no name`, where);
  if (!resource.summary?.trim()) report('METADATA_MISSING', `resource ${resource.code} has no summary (摘要)`, where);
  checkEnum(resource.format, ResourceFormat, 'format', where, report);
  checkEnum(resource.sharingType, SharingType, 'sharingType', where, report);
  checkEnum(resource.sharingMethod, SharingMethod, 'sharingMethod', where, report);
  checkEnum(resource.openAttribute, OpenAttribute, 'openAttribute', where, report);
  checkEnum(resource.updateCycle, UpdateCycle, 'updateCycle', where, report);
  checkEnum(resource.status, ResourceStatus, 'status', where, report);

  if (
    (resource.sharingType === SharingType.CONDITIONAL || resource.sharingType === SharingType.NOT_SHARED) &&
    !resource.sharingConditions?.trim()
  ) {
    const what =
      resource.sharingType === SharingType.CONDITIONAL ? 'what an applicant must show' : 'why it is not shared';
    report(
      'SHARING_CONDITIONS_MISSING',
      `resource ${resource.code} is ${resource.sharingType} and must state its sharing conditions (${what})`,
      where,
    );
  }
  if (!context.usccs.has(resource.provider)) {
    report(
      'PROVIDER_UNKNOWN',
      `resource ${resource.code}: provider ${resource.provider} is not a valid department of the catalog`,
      where,
    );
  }
  if (
    resource.publishedOn != null ? !isCalendarDate(resource.publishedOn) : resource.status === ResourceStatus.PUBLISHED
  ) {
    report(
      'PUBLISHED_ON_INVALID',
      `resource ${resource.code}: publishedOn "${resource.publishedOn}" must be a date YYYY-MM-DD (required once published)`,
      where,
    );
  }
  for (const related of resource.relatedCodes ?? []) {
    if (!context.codes.has(related))
      report(
        'RELATED_CODE_UNKNOWN',
        `resource ${resource.code} relates to ${related}, which the catalog does not have`,
        where,
      );
  }
  const items = resource.items ?? [];
  if (resource.status === ResourceStatus.PUBLISHED && items.length === 0) {
    report('RESOURCE_ITEMS_MISSING', `resource ${resource.code} is published without data items`, where);
  }

  const numbers = new Set<number>();
  for (const item of items) {
    const at = { resource: resource.code, item: item.no };
    if (!Number.isInteger(item.no) || item.no < 1) {
      report(
        'ITEM_NUMBER_INVALID',
        `resource ${resource.code}: item "${item.name}" has number ${item.no}; items are numbered 1, 2, …`,
        at,
      );
    } else if (numbers.has(item.no)) {
      report('ITEM_NUMBER_DUPLICATE', `resource ${resource.code}: item number ${item.no} is used more than once`, at);
    }
    numbers.add(item.no);
    if (!item.name?.trim()) report('METADATA_MISSING', `${dataItemId(resource.code, item.no)} has no name`, at);
    checkEnum(item.dataType, DataItemType, 'dataType', at, report);
    checkEnum(item.sensitivity, Sensitivity, 'sensitivity', at, report);
    if (item.masking !== null) checkEnum(item.masking, MaskingRule, 'masking', at, report);
    checkDataClass(resource, item, report);
    // PIPL art. 28–29: sensitive personal information needs a specific purpose and separate
    // consent, which neither unconditional sharing nor publication can carry.
    if (
      item.sensitivity === Sensitivity.SENSITIVE_PERSONAL &&
      (resource.sharingType === SharingType.UNCONDITIONAL || resource.openAttribute === OpenAttribute.OPEN)
    ) {
      report(
        'SENSITIVE_ITEM_EXPOSED',
        `${dataItemId(resource.code, item.no)} (${item.name}) is sensitive personal information in a resource that is ${resource.sharingType} / ${resource.openAttribute}`,
        at,
      );
    }
  }
}

/** The item's class: present, known, consistent with its sensitivity, and fitting its masking rule. */
function checkDataClass(resource: CatalogResourceSpec, item: DataItemSpec, report: Report): void {
  const at = { resource: resource.code, item: item.no };
  const id = dataItemId(resource.code, item.no);
  const dataClass = item.dataClass as unknown;
  if (dataClass === undefined || dataClass === null || dataClass === '') {
    report(
      'DATA_CLASS_MISSING',
      `${id} (${item.name}) has no data class: say what its values are (personal classes need a masking rule)`,
      at,
    );
    return;
  }
  if (typeof dataClass !== 'string' || !Object.values(DataClass).includes(dataClass as DataClass)) {
    report(
      'DATA_CLASS_INVALID',
      `${id} (${item.name}): data class ${JSON.stringify(dataClass)} is not one of ${Object.values(DataClass).join(', ')}`,
      at,
    );
    return;
  }
  if (
    isPersonalDataClass(dataClass) &&
    (item.sensitivity === Sensitivity.PUBLIC || item.sensitivity === Sensitivity.INTERNAL)
  ) {
    report(
      'DATA_CLASS_SENSITIVITY_MISMATCH',
      `${id} (${item.name}) is of the personal class ${dataClass} but its sensitivity is ${item.sensitivity}`,
      at,
    );
  }
  const fitting = MASKING_RULES_OF_CLASS[dataClass as DataClass];
  // An unknown rule is ENUM_VALUE_INVALID already.
  if (
    item.masking !== null &&
    Object.values(MaskingRule).includes(item.masking) &&
    fitting !== undefined &&
    !fitting.includes(item.masking)
  ) {
    report(
      'MASKING_CLASS_MISMATCH',
      fitting.length === 0
        ? `${id} (${item.name}) is ${dataClass}: its values are masked where they come from, so it takes no rule (not ${item.masking})`
        : `${id} (${item.name}) is ${dataClass}, which ${item.masking} does not fit; use ${fitting.join(' or ')}`,
      at,
    );
  }
}

function checkEnum(
  value: unknown,
  vocabulary: Record<string, string>,
  property: string,
  where: Omit<GovernanceProblem, 'code' | 'message'>,
  report: Report,
): void {
  if (typeof value === 'string' && Object.values(vocabulary).includes(value)) return;
  report(
    'ENUM_VALUE_INVALID',
    `${property} is ${JSON.stringify(value)}; expected one of ${Object.values(vocabulary).join(', ')}`,
    where,
  );
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

// ---------------------------------------------------------------------------------------------
// Items against the supergraph

/**
 * The scalar types each masking rule can rewrite. ID is a string on the wire (Person.idNumber);
 * REDACT hides a JSON value whole (every value inside it).
 */
const MASKABLE: Readonly<Record<MaskingRule, readonly string[]>> = {
  [MaskingRule.CITIZEN_ID]: ['String', 'ID'],
  [MaskingRule.PHONE]: ['String', 'ID'],
  [MaskingRule.NAME]: ['String', 'ID'],
  [MaskingRule.ADDRESS]: ['String', 'ID'],
  [MaskingRule.DATE_YEAR]: ['String', 'ID'],
  [MaskingRule.REDACT]: ['String', 'ID', 'JSON', 'JSONObject'],
  [MaskingRule.COORDINATE]: ['Float'],
  [MaskingRule.SUBJECT_ID]: ['String', 'ID'],
  [MaskingRule.RECORD_ID]: ['String', 'ID'],
};
const MASKABLE_SCALARS = new Set(Object.values(MASKABLE).flat());

/**
 * The rules that may stand on an object-valued field, masking every value inside it: COORDINATE on
 * a point (an object of Float fields). String rules would rewrite `__typename` and ids inside too.
 */
const OBJECT_RULES: ReadonlySet<MaskingRule> = new Set([MaskingRule.COORDINATE]);

/** Whether `rule` can mask the field's values: a scalar of a type it rewrites, or an object all of whose fields it fits. */
function ruleFits(rule: MaskingRule, field: FieldInfo, supergraph: SupergraphFields): boolean {
  if (MASKABLE[rule] === undefined) return false;
  if (field.scalar) return MASKABLE[rule].includes(field.typeName);
  return OBJECT_RULES.has(rule) && leavesFit(rule, field.typeName, supergraph, new Set());
}

function leavesFit(rule: MaskingRule, typeName: string, supergraph: SupergraphFields, seen: Set<string>): boolean {
  const fields = supergraph.objectFields.get(typeName);
  if (fields === undefined || fields.length === 0 || seen.has(typeName)) return false;
  seen.add(typeName);
  return fields.every((field) =>
    field.scalar ? MASKABLE[rule].includes(field.typeName) : leavesFit(rule, field.typeName, supergraph, seen),
  );
}

function checkItemFields(
  resource: CatalogResourceSpec,
  item: DataItemSpec,
  supergraph: SupergraphFields,
  report: Report,
): void {
  const id = dataItemId(resource.code, item.no);
  const known: FieldInfo[] = [];
  for (const coordinate of item.fields ?? []) {
    const where = { resource: resource.code, item: item.no, coordinate };
    const field = supergraph.fields.get(coordinate);
    if (field === undefined) {
      report('ITEM_FIELD_UNKNOWN', `${id} names ${coordinate}, which is not a field of the supergraph`, where);
      continue;
    }
    known.push(field);
    if (!supergraph.governed.has(coordinate)) {
      const why = field.root
        ? 'a root field: root fields are not governed, the fields of the type they return are'
        : field.inApi
          ? `a field of ${field.parent}, which no base library defines`
          : 'not served by the API (@inaccessible)';
      report('ITEM_FIELD_NOT_BASE_LIBRARY', `${id} names ${coordinate}, ${why}`, where);
    }
    const rule = item.masking;
    if (rule !== null && MASKABLE[rule] !== undefined && !ruleFits(rule, field, supergraph)) {
      const fits = MASKABLE[rule].join(' or ');
      report(
        'MASKING_TYPE_MISMATCH',
        field.scalar
          ? `${id} masks ${coordinate} (${field.typeText}) with ${rule}, which applies to ${fits} fields`
          : OBJECT_RULES.has(rule)
            ? `${id} masks ${coordinate} (${field.typeText}) with ${rule}: on an object-valued field a rule masks every value inside it, and not every field of ${field.typeName} is ${fits}`
            : `${id} masks ${coordinate} (${field.typeText}) with ${rule}: masking applies to ${fits} values; an object-valued field is protected by its sharing type, so its masking must be null (only ${[...OBJECT_RULES].join(', ')} masks a whole object)`,
        where,
      );
    }
    if (item.maskUnless) checkMaskUnless(resource.code, item, field, coordinate, supergraph, report);
  }
  // The class-based check says more (which fields reach whom in full); the sensitivity-based one
  // remains for what it alone covers (a not-shared resource, an item of no personal class).
  if (checkPersonalItemMasked(resource, item, known, supergraph, report)) return;
  const personal = item.sensitivity === Sensitivity.PERSONAL || item.sensitivity === Sensitivity.SENSITIVE_PERSONAL;
  if (
    personal &&
    item.masking === null &&
    known.length > 0 &&
    known.every((field) => field.scalar && MASKABLE_SCALARS.has(field.typeName))
  ) {
    report(
      'MASKING_MISSING',
      `${id} (${item.name}) is ${item.sensitivity} and its fields can be masked, but it has no masking rule`,
      {
        resource: resource.code,
        item: item.no,
      },
    );
  }
}

/**
 * "Personal data is known as personal data": an item of a personal class that a department other
 * than the provider can read (unconditional, or conditional under a grant) needs a masking rule for
 * callers without full values. Values no rule can rewrite (an enum, a boolean, a number) are
 * protected by the sharing type alone; the item must then say why it is shared (its description).
 */
function checkPersonalItemMasked(
  resource: CatalogResourceSpec,
  item: DataItemSpec,
  known: FieldInfo[],
  supergraph: SupergraphFields,
  report: Report,
): boolean {
  if (!isPersonalDataClass(item.dataClass) || item.masking !== null || known.length === 0) return false;
  if (resource.sharingType !== SharingType.UNCONDITIONAL && resource.sharingType !== SharingType.CONDITIONAL)
    return false;
  const id = dataItemId(resource.code, item.no);
  const at = { resource: resource.code, item: item.no };
  const maskable = known.filter((field) =>
    Object.values(MaskingRule).some((rule) => ruleFits(rule, field, supergraph)),
  );
  if (maskable.length > 0) {
    report(
      'PERSONAL_ITEM_UNMASKED',
      `${id} (${item.name}) is personal (${item.dataClass}) in a ${resource.sharingType} resource and has no masking rule: ${maskable.map((f) => `${f.parent}.${f.name}`).join(', ')} would reach callers without full values in full`,
      at,
    );
    return true;
  }
  if (!item.description?.trim()) {
    report(
      'PERSONAL_ITEM_UNMASKED',
      `${id} (${item.name}) is personal (${item.dataClass}) in a ${resource.sharingType} resource; no rule can mask its values (enums, booleans, numbers), so its description must say why they are shared as they are`,
      at,
    );
    return true;
  }
  return false;
}

/** `maskUnless` names an enum (or string) sibling of every field of the item, and values it can take, under a rule. */
function checkMaskUnless(
  resourceCode: string,
  item: DataItemSpec,
  field: FieldInfo,
  coordinate: string,
  supergraph: SupergraphFields,
  report: Report,
): void {
  const id = dataItemId(resourceCode, item.no);
  const where = { resource: resourceCode, item: item.no, coordinate };
  const unless = item.maskUnless!;
  if (item.masking === null) {
    report(
      'MASK_UNLESS_INVALID',
      `${id} says when its masking rule does not apply (maskUnless) but has no rule`,
      where,
    );
    return;
  }
  const sibling = supergraph.fields.get(`${field.parent}.${unless.field}`);
  if (
    sibling === undefined ||
    !sibling.scalar ||
    !(sibling.enumValues !== undefined || sibling.typeName === 'String')
  ) {
    report(
      'MASK_UNLESS_INVALID',
      `${id}: maskUnless reads ${field.parent}.${unless.field}, which is not an enum or String field beside ${coordinate}`,
      where,
    );
    return;
  }
  const values = Array.isArray(unless.values) ? unless.values : [];
  const unknown = sibling.enumValues === undefined ? [] : values.filter((v) => !sibling.enumValues!.includes(v));
  if (values.length === 0 || unknown.length > 0) {
    report(
      'MASK_UNLESS_INVALID',
      `${id}: maskUnless ${field.parent}.${unless.field} needs values it can take (${sibling.enumValues?.join(', ') ?? 'strings'})${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`,
      where,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The supergraph

interface FieldInfo {
  parent: string;
  name: string;
  /** The named type under any list and non-null wrappers. */
  typeName: string;
  typeText: string;
  /** Scalar or enum: a value, not an object to select into. */
  scalar: boolean;
  root: boolean;
  inApi: boolean;
  /** The values of an enum-typed field. */
  enumValues?: string[];
}

interface SupergraphFields {
  /** Every output field (object and interface types) of the supergraph, by coordinate. */
  fields: Map<string, FieldInfo>;
  /** The coordinates of governed fields (GOVERNED_GRAPHS: the base libraries, the once-only app), which exactly one published item must govern. */
  governed: Set<string>;
  /** The API fields of each object and interface type, to see what a rule on an object-valued field reaches. */
  objectFields: Map<string, FieldInfo[]>;
}

const ROOT_TYPE_NAMES = new Set(['Query', 'Mutation', 'Subscription']);

function readSupergraph(sdl: string): SupergraphFields {
  const supergraph = Supergraph.build(sdl);
  const schema = supergraph.schema;
  const [, joinSpec] = validateSupergraph(schema);
  const joinType = joinSpec.typeDirective(schema);
  const api = supergraph.apiSchema();
  const roots = new Set([...schema.schemaDefinition.roots()].map((root) => root.type.name));
  const baseGraphs = new Set(GOVERNED_GRAPHS);

  const fields = new Map<string, FieldInfo>();
  const governed = new Set<string>();
  const objectFields = new Map<string, FieldInfo[]>();
  for (const type of schema.types()) {
    if (!isOutputType(type) || isMachinery(type)) continue;
    const root = roots.has(type.name) || ROOT_TYPE_NAMES.has(type.name);
    const base =
      !root && type.appliedDirectivesOf(joinType).some((applied) => baseGraphs.has(String(applied.arguments().graph)));
    const apiType = api.type(type.name);
    const inApiFields: FieldInfo[] = [];
    for (const field of type.fields()) {
      const inApi = apiType !== undefined && isOutputType(apiType) && apiType.field(field.name) !== undefined;
      const info = describeField(type.name, field, root, inApi);
      fields.set(field.coordinate, info);
      if (inApi) inApiFields.push(info);
      if (base && inApi) governed.add(field.coordinate);
    }
    objectFields.set(type.name, inApiFields);
  }
  return { fields, governed, objectFields };
}

function isOutputType(type: NamedType): type is ObjectType | InterfaceType {
  return isObjectType(type) || isInterfaceType(type);
}

// join__*, link__* and the federation entities (_Service, _Entity, _Any) belong to the routing,
// not to any library's data.
function isMachinery(type: NamedType): boolean {
  return type.isBuiltIn || type.name.startsWith('_') || /^(join|link)__/.test(type.name);
}

function describeField(
  parent: string,
  field: FieldDefinition<ObjectType | InterfaceType>,
  root: boolean,
  inApi: boolean,
): FieldInfo {
  const type = field.type!;
  const named = baseType(type);
  return {
    parent,
    name: field.name,
    typeName: named.name,
    typeText: type.toString(),
    scalar: named.kind === 'ScalarType' || named.kind === 'EnumType',
    root,
    inApi,
    ...(named.kind === 'EnumType' ? { enumValues: named.values.map((value) => value.name) } : {}),
  };
}
