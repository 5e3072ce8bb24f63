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
  | 'UNGOVERNED';

export interface RefusedItem {
  reason: RefusalReason;
  /** The item's id, or the field's coordinate when ungoverned. */
  item: string;
  itemName: string | null;
  resourceCode: string | null;
  resourceName: string | null;
  providerUscc: string | null;
  /** The fields of the operation that this refusal covers. */
  fields: string[];
}

export interface AccessDecision {
  allowed: boolean;
  refused: RefusedItem[];
  /** The published items the operation touches. */
  items: PolicyItem[];
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
 */
export class AccessPolicy {
  private readonly byField = new Map<string, PolicyItem>();
  private readonly grantsBySystem = new Map<string, PolicyGrant[]>();

  constructor(
    readonly items: readonly PolicyItem[],
    readonly grants: readonly PolicyGrant[],
    /** Types whose every field must be governed (the base libraries' types). */
    private readonly governedTypes: ReadonlySet<string>,
  ) {
    for (const item of items) for (const field of item.fields) this.byField.set(field, item);
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

  decide(subject: PolicySubject, coordinates: Iterable<string>, today: string): AccessDecision {
    const refusedByItem = new Map<string, RefusedItem>();
    const touched = new Map<string, PolicyItem>();
    const masks = new Map<string, FieldMasking>();
    for (const coordinate of coordinates) {
      const item = this.byField.get(coordinate);
      if (!item) {
        if (this.governedTypes.has(coordinate.slice(0, coordinate.indexOf('.')))) {
          refusedByItem.set(coordinate, { reason: 'UNGOVERNED', item: coordinate, itemName: null, resourceCode: null, resourceName: null, providerUscc: null, fields: [coordinate] });
        }
        continue;
      }
      touched.set(item.id, item);
      const provider = subject.departmentUscc !== null && subject.departmentUscc === item.providerUscc;
      const grant = provider ? undefined : this.grantFor(subject, item, today);
      let reason: RefusalReason | undefined;
      if (item.sharingType === SharingType.NOT_SHARED && !provider) reason = 'PROVIDER_ONLY';
      else if (item.sharingType === SharingType.CONDITIONAL && !provider && !grant) reason = 'GRANT_REQUIRED';
      if (reason) {
        const refused = refusedByItem.get(item.id);
        if (refused) refused.fields.push(coordinate);
        else {
          refusedByItem.set(item.id, {
            reason,
            item: item.id,
            itemName: item.name,
            resourceCode: item.resourceCode,
            resourceName: item.resourceName,
            providerUscc: item.providerUscc,
            fields: [coordinate],
          });
        }
        continue;
      }
      if (item.masking && !provider && !grant?.fullValues) masks.set(coordinate, { rule: item.masking, unless: item.maskUnless ?? null });
    }
    const items = [...touched.values()];
    return {
      allowed: refusedByItem.size === 0,
      refused: [...refusedByItem.values()],
      items,
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
}

/** How a caller may read an item today. */
export type ItemAccess = 'FULL' | 'MASKED' | 'NEEDS_GRANT' | 'PROVIDER_ONLY';

export function itemAccess(policy: AccessPolicy, subject: PolicySubject, item: PolicyItem, today: string): { access: ItemAccess; grant: PolicyGrant | undefined } {
  if (subject.departmentUscc !== null && subject.departmentUscc === item.providerUscc) return { access: 'FULL', grant: undefined };
  if (item.sharingType === SharingType.NOT_SHARED) return { access: 'PROVIDER_ONLY', grant: undefined };
  const grant = policy.grantFor(subject, item, today);
  if (item.sharingType === SharingType.CONDITIONAL && !grant) return { access: 'NEEDS_GRANT', grant: undefined };
  return { access: item.masking && !grant?.fullValues ? 'MASKED' : 'FULL', grant };
}

/** The catalog's topic of everything that changes what a caller may read; the gateway follows it. */
export const CATALOG_POLICY_TOPIC = 'hub.catalog.policy.v1';
