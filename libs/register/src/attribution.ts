import { Role, hasRole, type SignedAccess } from '@hub/auth';
import { HubError, type InputViolation } from '@hub/subgraph';

/** Who sent a write, as the gateway vouched for it; null for the hub's own loading (demo data, benchmarks), which runs in-process with no caller. */
export type WriteCaller = SignedAccess | null;

/** The source a write names for its record. */
export interface ClaimedSource {
  sourceDepartment: string;
  sourceSystem: string;
}

/**
 * A record's source department and system are the caller's own: a department system writes as
 * itself (its department in the catalog, its system code), never as another department — the
 * source decides where corrections go and who may answer them. An admin may write for any
 * department, but says why: the request's purpose, recorded in the access log with the admin's key.
 * Returns the violations (field names without the `input.` prefix); none when the source is the caller's.
 */
export function attributionViolations(source: ClaimedSource, caller: WriteCaller): InputViolation[] {
  if (caller === null) return [];
  const principal = caller.principal;
  if (principal && hasRole(principal, Role.ADMIN)) {
    return caller.purpose?.trim()
      ? []
      : [
          {
            field: 'purpose',
            code: 'ADMIN_REASON_REQUIRED',
            message:
              'an admin writing a register for a department says why: send the purpose of the request (x-hub-purpose or extensions.purpose)',
          },
        ];
  }
  const violations: InputViolation[] = [];
  const department = principal?.departmentUscc ?? null;
  const system = principal?.systemCode ?? null;
  if (!department || String(source.sourceDepartment).toUpperCase() !== department) {
    violations.push({
      field: 'sourceDepartment',
      code: 'SOURCE_NOT_CALLER',
      message: `must be the calling system's own department (${department ?? 'none'})`,
    });
  }
  if (!system || source.sourceSystem !== system) {
    violations.push({
      field: 'sourceSystem',
      code: 'SOURCE_NOT_CALLER',
      message: `must be the calling system's own code (${system ?? 'none'})`,
    });
  }
  return violations;
}

/** For a single write: refused with SOURCE_NOT_CALLER (or ADMIN_REASON_REQUIRED) naming the field, unless the source is the caller's. */
export function assertAttributed(source: ClaimedSource, caller: WriteCaller): void {
  const [first, ...rest] = attributionViolations(source, caller);
  if (!first) return;
  const field = first.field === 'purpose' ? 'purpose' : `input.${first.field}`;
  throw new HubError(
    first.code === 'ADMIN_REASON_REQUIRED' ? 'ADMIN_REASON_REQUIRED' : 'SOURCE_NOT_CALLER',
    rest.length ? `${field}: ${first.message}; and ${rest.length} more` : `${field}: ${first.message}`,
    {
      field,
      violations: [first, ...rest].map((v) => ({
        ...v,
        field: v.field === 'purpose' ? 'purpose' : `input.${v.field}`,
      })),
    },
  );
}
