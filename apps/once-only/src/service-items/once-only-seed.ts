import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUscc } from '@hub/identifiers';
import type { SubjectKind } from '@hub/subgraph';

/** How a required material can be satisfied without the applicant bringing it again. */
export type SatisfierSpec =
  /** A valid e-licence of this licence type on file for the subject. */
  | { kind: 'ELICENCE'; materialType: string }
  /** A valid material of this type on file (submitted with an earlier case). */
  | { kind: 'MATERIAL'; materialType: string }
  /** A recognised review result of this type, accepted by the item's department. */
  | { kind: 'REVIEW_RESULT'; resultType: string }
  /**
   * The subject's record in a base library, read under the asking system's rights: `paths` from
   * the subject's root (`person.name`, `legalEntity.registeredAddress.text`); `condition` what the
   * record must say (a living person, an active legal entity).
   */
  | { kind: 'BASE_LIBRARY'; paths: string[]; condition: 'PERSON_LIVING' | 'LEGAL_ENTITY_ACTIVE' | null };

export interface RequiredMaterialSpec {
  no: number;
  name: string;
  materialType: string;
  /** 容缺受理: the application may be accepted while this one is pending. */
  mayBeSuppliedLater: boolean;
  satisfiedBy: SatisfierSpec[];
}

export interface FormFieldSpec {
  name: string;
  label: string;
  /** Where the hub can fill it from (a path from the subject's root), or null when only the applicant can. */
  path: string | null;
}

/** A service item (政务服务事项) and its guide: the materials it requires, the form it fills. */
export interface ServiceItemSpec {
  code: string;
  name: string;
  /** The responsible department (USCC). */
  department: string;
  subjectType: SubjectKind;
  timeLimitWorkingDays: number;
  materials: RequiredMaterialSpec[];
  formFields: FormFieldSpec[];
}

export interface MaterialTypeSpec {
  code: string;
  kind: 'ELICENCE' | 'MATERIAL';
  name: string;
  /** Whose it can be; null: persons and legal entities. */
  subjectType: SubjectKind | null;
  /** For e-licences: the departments that issue it; null: any. */
  issuers: string[] | null;
  description?: string;
}

/** A review-result type and the catalog's recognition rule for it: which departments accept it. */
export interface RecognitionRuleSpec {
  code: string;
  name: string;
  subjectType: SubjectKind;
  maxValidityDays: number;
  acceptedBy: string[];
  description?: string;
}

export interface OnceOnlySeed {
  serviceItems: ServiceItemSpec[];
  materialTypes: MaterialTypeSpec[];
  recognitionRules: RecognitionRuleSpec[];
}

export const ONCE_ONLY_SEED = Symbol('ONCE_ONLY_SEED');

/** The root query field and its argument that read a subject's record in its base library. */
export function subjectRoot(type: SubjectKind): { field: string; argument: string } {
  return type === 'PERSON' ? { field: 'person', argument: 'idNumber' } : { field: 'legalEntity', argument: 'uscc' };
}

/**
 * Reads the shipped service items and material types (`schemas/once-only/`) and the catalog's
 * recognition rules (`schemas/catalog/recognition-rules.json`), and checks that they hold together:
 * an error names the file and the entry, and stops the app at boot.
 */
export function loadOnceOnlySeed(
  dir = process.env.ONCE_ONLY_SEED_DIR ?? 'schemas/once-only',
  catalogDir = process.env.CATALOG_SEED_DIR ?? 'schemas/catalog',
): OnceOnlySeed {
  const seed: OnceOnlySeed = {
    serviceItems: readArray<ServiceItemSpec>(join(dir, 'service-items.json')),
    materialTypes: readArray<MaterialTypeSpec>(join(dir, 'material-types.json')),
    recognitionRules: readArray<RecognitionRuleSpec>(join(catalogDir, 'recognition-rules.json')),
  };
  const problems = seedProblems(seed);
  if (problems.length > 0) throw new Error(`the once-only seed is inconsistent:\n  ${problems.join('\n  ')}`);
  return seed;
}

/** What is wrong with a seed, one line per problem (empty: nothing). */
export function seedProblems(seed: OnceOnlySeed): string[] {
  const problems: string[] = [];
  const uscc = (value: string, where: string) => {
    const parsed = parseUscc(value);
    if (!parsed.ok) problems.push(`${where}: ${value} is not a USCC (${parsed.error.message})`);
  };
  const types = new Map<string, MaterialTypeSpec>();
  for (const type of seed.materialTypes) {
    if (!/^[0-9A-Z_]{1,40}$/.test(type.code)) problems.push(`material type ${type.code}: a code is 1–40 of 0-9 A-Z _`);
    if (types.has(type.code)) problems.push(`material type ${type.code}: listed twice`);
    types.set(type.code, type);
    if (type.kind !== 'ELICENCE' && type.kind !== 'MATERIAL')
      problems.push(`material type ${type.code}: kind is ELICENCE or MATERIAL`);
    if (type.kind === 'ELICENCE' && !/^[0-9A-Z]{1,40}$/.test(type.code))
      problems.push(
        `material type ${type.code}: a licence type code is 0-9 A-Z only (it goes into the licence identifier)`,
      );
    for (const issuer of type.issuers ?? []) uscc(issuer, `material type ${type.code}`);
  }
  const rules = new Map<string, RecognitionRuleSpec>();
  for (const rule of seed.recognitionRules) {
    if (rules.has(rule.code)) problems.push(`recognition rule ${rule.code}: listed twice`);
    rules.set(rule.code, rule);
    if (!(rule.maxValidityDays >= 1 && rule.maxValidityDays <= 3660))
      problems.push(`recognition rule ${rule.code}: maxValidityDays is 1–3660`);
    for (const department of rule.acceptedBy) uscc(department, `recognition rule ${rule.code}`);
  }
  const codes = new Set<string>();
  for (const item of seed.serviceItems) {
    const where = `service item ${item.code}`;
    if (codes.has(item.code)) problems.push(`${where}: listed twice`);
    codes.add(item.code);
    uscc(item.department, where);
    if (item.subjectType !== 'PERSON' && item.subjectType !== 'LEGAL_ENTITY')
      problems.push(`${where}: subjectType is PERSON or LEGAL_ENTITY`);
    const root = subjectRoot(item.subjectType).field;
    const nos = new Set<number>();
    for (const material of item.materials) {
      if (nos.has(material.no)) problems.push(`${where}: material ${material.no} listed twice`);
      nos.add(material.no);
      for (const by of material.satisfiedBy) {
        if (by.kind === 'ELICENCE' || by.kind === 'MATERIAL') {
          const type = types.get(by.materialType);
          if (!type || type.kind !== by.kind)
            problems.push(
              `${where}: material ${material.no} names ${by.kind} type ${by.materialType}, which material-types.json does not list as one`,
            );
          else if (type.subjectType && type.subjectType !== item.subjectType)
            problems.push(`${where}: material ${material.no}: ${by.materialType} is not held by a ${item.subjectType}`);
        } else if (by.kind === 'REVIEW_RESULT') {
          const rule = rules.get(by.resultType);
          if (!rule)
            problems.push(
              `${where}: material ${material.no} names result type ${by.resultType}, which recognition-rules.json does not list`,
            );
          else if (rule.subjectType !== item.subjectType)
            problems.push(
              `${where}: material ${material.no}: result type ${by.resultType} is about a ${rule.subjectType}`,
            );
        } else if (by.kind === 'BASE_LIBRARY') {
          if (by.paths.length === 0)
            problems.push(`${where}: material ${material.no}: a base-library source names its paths`);
          for (const path of by.paths)
            if (!validPath(path, root))
              problems.push(`${where}: material ${material.no}: path ${path} does not start at ${root}`);
        } else {
          problems.push(`${where}: material ${material.no}: unknown source kind ${(by as { kind: string }).kind}`);
        }
      }
    }
    for (const field of item.formFields) {
      if (field.path !== null && !validPath(field.path, root))
        problems.push(`${where}: form field ${field.name}: path ${field.path} does not start at ${root}`);
    }
  }
  return problems;
}

function validPath(path: string, root: string): boolean {
  const parts = path.split('.');
  return parts.length >= 2 && parts[0] === root && parts.every((p) => /^[a-zA-Z][a-zA-Z0-9]*$/.test(p));
}

function readArray<T>(path: string): T[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array`);
  return parsed as T[];
}
