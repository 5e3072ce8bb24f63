import { Role, hasRole, type Principal } from '@hub/auth';
import { IsUscc } from '@hub/subgraph';

/**
 * The department that supervises data sharing (数据主管部门, the data bureau), read from the
 * environment at boot — the same variable the access log's readers use (audit/access-log-readers.ts):
 * its stewards read every department's sharing applications, to supervise (督办), and decide only
 * their own department's.
 */
export class SharingSupervisionConfig {
  @IsUscc()
  HUB_SUPERVISING_DEPARTMENT = '11440600MB2C731081';
}

/** Whether the caller reads every department's applications: an admin, a hub-wide steward, or a steward of the supervising department. */
export function readsEveryDepartment(by: Principal, config: SharingSupervisionConfig): boolean {
  if (hasRole(by, Role.ADMIN)) return true;
  return hasRole(by, Role.STEWARD) && (by.departmentUscc === null || by.departmentUscc === config.HUB_SUPERVISING_DEPARTMENT);
}
