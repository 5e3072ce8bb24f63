import { Role, hasRole, type Principal } from '@hub/auth';
import { IsUscc } from './validation.js';

/**
 * The department that supervises data sharing (数据主管部门, the data bureau), read from the
 * environment at boot (load it with `loadConfig(SupervisionConfig)`). One variable for every app:
 * the catalog's sharing applications and access log, and the once-only app's corrections.
 */
export class SupervisionConfig {
  /** Default: the data bureau of the shipped catalog. */
  @IsUscc()
  HUB_SUPERVISING_DEPARTMENT = '11440600MB2C731081';
}

/**
 * Whether the caller oversees every department's cases (督办: sharing applications, data
 * corrections): an admin, a hub-wide steward, or a steward of the supervising department. It
 * decides nothing for another department; answering stays with the department concerned.
 */
export function supervisesEveryDepartment(by: Principal, config: SupervisionConfig): boolean {
  if (hasRole(by, Role.ADMIN)) return true;
  return (
    hasRole(by, Role.STEWARD) && (by.departmentUscc === null || by.departmentUscc === config.HUB_SUPERVISING_DEPARTMENT)
  );
}

/** Whether the caller is a steward of the supervising department itself (not a hub-wide steward or an admin). */
export function isSupervisingSteward(by: Principal, config: SupervisionConfig): boolean {
  return (
    hasRole(by, Role.STEWARD) && by.departmentUscc !== null && by.departmentUscc === config.HUB_SUPERVISING_DEPARTMENT
  );
}
