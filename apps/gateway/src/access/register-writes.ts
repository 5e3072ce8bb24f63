import { Role, hasRole, type Principal } from '@hub/auth';
import type { AccessPolicy } from '@hub/policy';

/**
 * The field that identifies each base-library register's records. The catalog item that governs it
 * names the register's provider department: the only department whose systems may write the
 * register (its source of truth), by mutation or by bulk extract.
 */
const ANCHOR = {
  legalEntity: 'LegalEntity.uscc',
  person: 'Person.idNumber',
  creditRecord: 'CreditRecord.recordId',
  standardAddress: 'StandardAddress.addressId',
} as const;

/** POST /ingest/<register>: the register each path segment writes. */
export const INGEST_ANCHORS: Readonly<Record<string, string>> = {
  'legal-entities': ANCHOR.legalEntity,
  persons: ANCHOR.person,
  'credit-records': ANCHOR.creditRecord,
  addresses: ANCHOR.standardAddress,
};

/**
 * Every mutation of a base library, with the register it writes. A base-library mutation missing
 * here is refused to everyone but an admin (fail closed); a test checks the list against the
 * supergraph. The catalog's own mutations check their callers' roles in the catalog.
 */
export const REGISTER_WRITES: Readonly<Record<string, string>> = {
  'Mutation.registerLegalEntity': ANCHOR.legalEntity,
  'Mutation.changeLegalEntity': ANCHOR.legalEntity,
  'Mutation.changeLegalEntityStatus': ANCHOR.legalEntity,
  'Mutation.registerPerson': ANCHOR.person,
  'Mutation.changePerson': ANCHOR.person,
  'Mutation.changePersonStatus': ANCHOR.person,
  'Mutation.recordCredit': ANCHOR.creditRecord,
  'Mutation.changeCreditRecordStatus': ANCHOR.creditRecord,
  'Mutation.registerStandardAddress': ANCHOR.standardAddress,
  'Mutation.changeStandardAddress': ANCHOR.standardAddress,
};

export interface WriteRefusal {
  code: 'WRITE_FORBIDDEN';
  message: string;
  /** The mutations refused, with the department that may run them. */
  refused: Array<{ field: string; providerUscc: string | null }>;
}

/**
 * Why this caller may not write what these coordinates write, or null when it may: an admin, or a
 * system of each written register's provider department. `writes` maps a written coordinate to its
 * register's anchor; `unlisted` are written coordinates of a base library that are not mapped.
 */
export function writeRefusal(
  principal: Principal,
  policy: AccessPolicy,
  writes: ReadonlyMap<string, string | undefined>,
): WriteRefusal | null {
  if (writes.size === 0 || hasRole(principal, Role.ADMIN)) return null;
  const refused: WriteRefusal['refused'] = [];
  for (const [field, anchor] of writes) {
    const provider = anchor === undefined ? undefined : policy.itemOf(anchor)?.providerUscc;
    const mayWrite = hasRole(principal, Role.SYSTEM) && provider !== undefined && principal.departmentUscc === provider;
    if (!mayWrite) refused.push({ field, providerUscc: provider ?? null });
  }
  if (refused.length === 0) return null;
  const described = refused.map(
    (r) => `${r.field}${r.providerUscc ? ` (only systems of ${r.providerUscc})` : ' (nobody but an admin)'}`,
  );
  return {
    code: 'WRITE_FORBIDDEN',
    message: `a register is written only by its provider department's systems; ${principal.name} may not run ${described.join(', ')}`,
    refused,
  };
}

/** Registers each department provides, per policy snapshot (a snapshot is immutable; a new one gets a new cache). */
const provided = new WeakMap<AccessPolicy, Map<string, string[]>>();

/**
 * The registers (`persons`, `legal-entities` …) whose provider department, as the catalog says, a
 * system principal belongs to: signed to the libraries with each request, so that a library lets
 * only those systems write its register even if a request reached it some other way.
 */
export function providedRegisters(principal: Principal, policy: AccessPolicy): string[] {
  if (!hasRole(principal, Role.SYSTEM) || !principal.departmentUscc) return [];
  let byDepartment = provided.get(policy);
  if (!byDepartment) provided.set(policy, (byDepartment = new Map()));
  let registers = byDepartment.get(principal.departmentUscc);
  if (!registers) {
    registers = Object.entries(INGEST_ANCHORS)
      .filter(([, anchor]) => policy.itemOf(anchor)?.providerUscc === principal.departmentUscc)
      .map(([register]) => register);
    byDepartment.set(principal.departmentUscc, registers);
  }
  return registers;
}
