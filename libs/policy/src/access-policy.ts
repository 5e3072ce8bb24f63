import type { ArgumentRule } from './argument-governance.js';
import { MaskingRule, SharingType, type MaskUnless } from './catalog-model.js';
import type { FieldMasking } from './masking.js';

/** A published data item as enforcement needs it. */
export interface PolicyItem {
  /** `<resource code>#<no>` */
  id: string;
  no: number;
  name: string;
  resourceCode: string;
  resourceName: string;
  providerUscc: string;
  sharingType: SharingType;
  fields: string[];
  /** Argument coordinates this item governs (`Query.searchPersons(filter.name)`): filtering or looking up by them reads the item. */
  arguments?: string[];
  sensitivity: string;
  masking: MaskingRule | null;
  /** When `masking` does not apply (a sibling says the subject is not a natural person); null: always. */
  maskUnless?: MaskUnless | null;
}

/** An approved grant as enforcement needs it (revoked grants are not in a snapshot). */
export interface PolicyGrant {
  id: string;
  consumerSystemCode: string;
  resourceCode: string;
  /** Item numbers within the resource. */
  items: number[];
  fullValues: boolean;
  /** YYYY-MM-DD, both inclusive, China Standard Time. */
  validFrom: string;
  validTo: string;
}

/** Who is asking, as far as the catalog's rules care. */
export interface PolicySubject {
  departmentUscc: string | null;
  systemCode: string | null;
}

export type RefusalReason =
  /** A conditional item and no active grant for the calling system. */
  | 'GRANT_REQUIRED'
  /** A not-shared item and the caller is not of the provider department. */
  | 'PROVIDER_ONLY'
  /** A field of a base library that no published item governs: refused until the catalog covers it. */
  | 'UNGOVERNED'
  /**
   * A filter or exact match on an item the caller does not read in full (masked, or not at all):
   * searching by a value reveals it as surely as reading it. Lifted by a full-value grant.
   */
  | 'FILTER_NEEDS_FULL_ACCESS';

export interface RefusedItem {
  reason: RefusalReason;
  /** The item's id, or the field's (argument's) coordinate when ungoverned. */
  item: string;
  itemName: string | null;
  resourceCode: string | null;
  resourceName: string | null;
  providerUscc: string | null;
  /** The fields (and argument coordinates) of the operation that this refusal covers. */
  fields: string[];
}

/** A lookup by identifier that the caller may make only within its lookup budget (it does not read the identifier in full). */
export interface BudgetedLookup {
  /** The argument, e.g. `Query.persons(idNumbers)`. */
  argument: string;
  item: PolicyItem;
  /** The subgraph answering it: only its report of served subjects tells a hit. */
  graph: string;
  /** The identifiers asked for, as given. */
  values: readonly unknown[];
}

export interface AccessDecision {
  allowed: boolean;
  refused: RefusedItem[];
  /** The published items the operation touches (by its fields and by its arguments). */
  items: PolicyItem[];
  /** The argument coordinates the operation passes that the catalog governs (or must govern), sorted. */
  arguments: string[];
  /** Lookups by identifier to budget: made by a caller who does not read the identifier in full. */
  lookups: BudgetedLookup[];
  /** True when a touched item is conditional: the operation must say why (purpose). */
  purposeRequired: boolean;
  /** The masking rule (with its condition) to apply to a coordinate's values for this caller, if any. */
  maskFor(coordinate: string): FieldMasking | undefined;
}

/**
 * The catalog's sharing rules over one snapshot of the catalog (immutable; the gateway swaps in a
 * new one when the catalog changes):
 * - unconditional items: any authenticated caller;
 * - conditional items: the provider department, or a system with a grant covering the item that
 *   is valid today;
 * - not-shared items: the provider department only;
 * - a field of a base-library type that no published item governs: nobody (fail closed).
 * Values of an item with a masking rule are masked unless the caller is of the provider
 * department or holds a valid full-value grant for the item.
 * Arguments are reads (docs/catalog.md, "Arguments are reads"): an argument governed by an item
 * needs the item to be readable; a filter or exact match on it needs it in full
 * (FILTER_NEEDS_FULL_ACCESS); a lookup by identifier without full access is allowed, and returned
 * for the gateway's lookup budget; an argument that must be governed and is not is refused.
 */
export class AccessPolicy {
  private readonly byField = new Map<string, PolicyItem>();
  private readonly byArgument = new Map<string, PolicyItem>();
  private readonly grantsBySystem = new Map<string, PolicyGrant[]>();

  constructor(
    readonly items: readonly PolicyItem[],
    readonly grants: readonly PolicyGrant[],
    /** Types whose every field must be governed (the base libraries' types). */
    private readonly governedTypes: ReadonlySet<string>,
    /** Arguments that must be governed (the data arguments of governed fields), with their rules. */
    private readonly governedArguments: ReadonlyMap<string, ArgumentRule> = new Map(),
  ) {
    for (const item of items) {
      for (const field of item.fields) this.byField.set(field, item);
      for (const argument of item.arguments ?? []) this.byArgument.set(argument, item);
    }
    for (const grant of grants) {
      const list = this.grantsBySystem.get(grant.consumerSystemCode) ?? [];
      list.push(grant);
      this.grantsBySystem.set(grant.consumerSystemCode, list);
    }
  }

  itemOf(coordinate: string): PolicyItem | undefined {
    return this.byField.get(coordinate);
  }

  /** The grant that lets this caller read the item today, preferring one with full values. */
  grantFor(subject: PolicySubject, item: PolicyItem, today: string): PolicyGrant | undefined {
    if (!subject.systemCode) return undefined;
    let found: PolicyGrant | undefined;
    for (const grant of this.grantsBySystem.get(subject.systemCode) ?? []) {
      if (grant.resourceCode !== item.resourceCode || !grant.items.includes(item.no)) continue;
      if (grant.validFrom > today || grant.validTo < today) continue;
      if (grant.fullValues) return grant;
      found ??= grant;
    }
    return found;
  }

  decide(
    subject: PolicySubject,
    coordinates: Iterable<string>,
    today: string,
    argumentUses: ReadonlyMap<string, readonly unknown[]> = new Map(),
  ): AccessDecision {
    const refusedBy = new Map<string, RefusedItem>();
    const touched = new Map<string, PolicyItem>();
    const masks = new Map<string, FieldMasking>();
    const refuse = (reason: RefusalReason, item: PolicyItem | null, coordinate: string): void => {
      const key = `${reason}|${item?.id ?? coordinate}`;
      const refused = refusedBy.get(key);
      if (refused) refused.fields.push(coordinate);
      else {
        refusedBy.set(key, {
          reason,
          item: item?.id ?? coordinate,
          itemName: item?.name ?? null,
          resourceCode: item?.resourceCode ?? null,
          resourceName: item?.resourceName ?? null,
          providerUscc: item?.providerUscc ?? null,
          fields: [coordinate],
        });
      }
    };
    for (const coordinate of coordinates) {
      const item = this.byField.get(coordinate);
      if (!item) {
        if (this.governedTypes.has(coordinate.slice(0, coordinate.indexOf('.'))))
          refuse('UNGOVERNED', null, coordinate);
        continue;
      }
      touched.set(item.id, item);
      const { access } = itemAccess(this, subject, item, today);
      if (access === 'PROVIDER_ONLY' || access === 'NEEDS_GRANT') {
        refuse(access === 'PROVIDER_ONLY' ? 'PROVIDER_ONLY' : 'GRANT_REQUIRED', item, coordinate);
        continue;
      }
      if (access === 'MASKED' && item.masking)
        masks.set(coordinate, { rule: item.masking, unless: item.maskUnless ?? null });
    }

    const argumentsTouched: string[] = [];
    const lookups: BudgetedLookup[] = [];
    for (const [coordinate, values] of argumentUses) {
      const item = this.byArgument.get(coordinate);
      const rule = this.governedArguments.get(coordinate);
      if (!item) {
        // A control argument, or one of a field nobody governs; an argument that must be governed
        // and is not is refused, like an ungoverned field (fail closed).
        if (rule) {
          argumentsTouched.push(coordinate);
          refuse('UNGOVERNED', null, coordinate);
        }
        continue;
      }
      argumentsTouched.push(coordinate);
      touched.set(item.id, item);
      const { access } = itemAccess(this, subject, item, today);
      if (access === 'FULL') continue;
      if (access === 'PROVIDER_ONLY') refuse('PROVIDER_ONLY', item, coordinate);
      else if (rule?.lookup && access === 'MASKED')
        lookups.push({ argument: coordinate, item, graph: rule.graph, values });
      else if (rule?.lookup) refuse('GRANT_REQUIRED', item, coordinate);
      else refuse('FILTER_NEEDS_FULL_ACCESS', item, coordinate);
    }

    const items = [...touched.values()];
    return {
      allowed: refusedBy.size === 0,
      refused: [...refusedBy.values()],
      items,
      arguments: argumentsTouched.sort(),
      lookups,
      purposeRequired: items.some((i) => i.sharingType === SharingType.CONDITIONAL),
      maskFor: (coordinate) => masks.get(coordinate),
    };
  }
}

/** A key as the gateway needs it to authenticate callers. */
export interface PolicyKey {
  id: string;
  secretHash: string;
  roles: string[];
  departmentUscc: string | null;
  systemCode: string | null;
  holderName: string;
  /** ISO instant */
  expiresAt: string;
  revokedAt: string | null;
}

/** What the catalog hands the gateway: everything enforcement needs, as of `generatedAt`. */
export interface PolicySnapshot {
  generatedAt: string;
  items: PolicyItem[];
  grants: PolicyGrant[];
  keys: PolicyKey[];
  /** The systems whose rate the catalog sets (requests per minute); any other system has the gateway's default. */
  rateLimits?: SystemRateLimit[];
}

/** A system's own request rate (setSystemRateLimit in the catalog). */
export interface SystemRateLimit {
  systemCode: string;
  requestsPerMinute: number;
}

/** How a caller may read an item today. */
export type ItemAccess = 'FULL' | 'MASKED' | 'NEEDS_GRANT' | 'PROVIDER_ONLY';

export function itemAccess(
  policy: AccessPolicy,
  subject: PolicySubject,
  item: PolicyItem,
  today: string,
): { access: ItemAccess; grant: PolicyGrant | undefined } {
  if (subject.departmentUscc !== null && subject.departmentUscc === item.providerUscc)
    return { access: 'FULL', grant: undefined };
  if (item.sharingType === SharingType.NOT_SHARED) return { access: 'PROVIDER_ONLY', grant: undefined };
  const grant = policy.grantFor(subject, item, today);
  if (item.sharingType === SharingType.CONDITIONAL && !grant) return { access: 'NEEDS_GRANT', grant: undefined };
  return { access: item.masking && !grant?.fullValues ? 'MASKED' : 'FULL', grant };
}
