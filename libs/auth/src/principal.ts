/** What a key lets its holder do; a key may carry several. */
export enum Role {
  /** A department system (部门系统): reads shared data under the catalog's rules, applies for grants. */
  SYSTEM = 'SYSTEM',
  /** A data steward: manages the catalog and decides sharing applications — of one department, or hub-wide. */
  STEWARD = 'STEWARD',
  /** Registers departments and systems, issues and revokes keys. */
  ADMIN = 'ADMIN',
}

/** Who is calling: resolved by the gateway from an API key, passed to subgraphs signed. */
export interface Principal {
  keyId: string;
  roles: Role[];
  /** The department of the system or of the steward; null for a hub-wide steward or an admin. */
  departmentUscc: string | null;
  /** The department system, for SYSTEM keys. */
  systemCode: string | null;
  /** The holder's name, for logs and the audit trail. */
  name: string;
}

/** Why an operation reads data: required for conditional items, recorded in the audit trail. */
export interface AccessPurpose {
  /** ≤ 200 characters */
  purpose: string | null;
  /** The case or service-item number the access serves (办件编号), if any. */
  caseNumber: string | null;
}

export function hasRole(principal: Principal | null | undefined, role: Role): boolean {
  return !!principal && principal.roles.includes(role);
}

/** True when the principal is a steward for this department (a hub-wide steward is one for every department). */
export function isStewardOf(principal: Principal | null | undefined, departmentUscc: string): boolean {
  return (
    hasRole(principal, Role.STEWARD) &&
    (principal!.departmentUscc === null || principal!.departmentUscc === departmentUscc)
  );
}
