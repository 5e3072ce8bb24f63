import { Injectable } from '@nestjs/common';
import { Role, generateApiKey, hasRole, isStewardOf, type IssuedKey, type Principal } from '@hub/auth';
import { UnitOfWork } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import type { DepartmentSpec } from '@hub/policy';
import { decodeCursor, encodeCursor } from '@hub/register';
import { HubError, InputError, requiredReason } from '@hub/subgraph';
import {
  ApiKey,
  ApiKeyConnection,
  ApiKeyStatus,
  Department,
  DepartmentSystem,
  IssuedApiKey,
} from './participants.model.js';
import type {
  ApiKeyFilter,
  IssueApiKeyInput,
  RegisterDepartmentInput,
  RegisterSystemInput,
  RevokeApiKeyInput,
  SetSystemRateLimitInput,
} from './participants.inputs.js';
import { ApiKeyRepository } from './api-key.repository.js';
import { DepartmentRepository } from './department.repository.js';
import type { ApiKeyRow, DepartmentRow, DepartmentSystemRow } from './participant.entities.js';
import { apiKeyChangedEvent, participantChangedEvent } from './participant.events.js';

const DAY_MS = 86_400_000;
const MAX_KEY_YEARS = 3;

/** A key the hub makes itself (demo data), with its secret chosen by the caller. */
export interface PresetKey {
  issued: IssuedKey;
  roles: Role[];
  departmentUscc: string | null;
  systemCode: string | null;
  holderName: string;
}

/** Departments, their systems, and the keys the hub issues to systems, stewards and admins. */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly departmentRows: DepartmentRepository,
    private readonly keyRows: ApiKeyRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async departments(): Promise<Department[]> {
    const [departments, systems] = await Promise.all([this.departmentRows.all(), this.departmentRows.systems()]);
    return departments.map((d) => toDepartment(d, systems));
  }

  async department(uscc: string): Promise<Department | null> {
    const row = await this.departmentRows.byUscc(uscc);
    if (!row) return null;
    return toDepartment(row, await this.departmentRows.systemsOf(uscc));
  }

  async system(code: string): Promise<DepartmentSystemRow | null> {
    return this.departmentRows.system(code);
  }

  async registerDepartment(input: RegisterDepartmentInput, by: Principal): Promise<Department> {
    requireAdmin(by);
    await this.unitOfWork.run(async (tx) => {
      if (await this.departmentRows.exists(input.uscc, tx)) {
        throw new HubError('DEPARTMENT_EXISTS', `department ${input.uscc} is already registered`);
      }
      await this.departmentRows.insert(tx, [{ uscc: input.uscc, name: input.name, divisionCode: input.divisionCode }]);
      await tx.publish([participantChangedEvent('department-registered', input.uscc)]);
    });
    return (await this.department(input.uscc))!;
  }

  async registerSystem(input: RegisterSystemInput, by: Principal): Promise<DepartmentSystem> {
    if (!hasRole(by, Role.ADMIN) && !isStewardOf(by, input.departmentUscc)) {
      throw new HubError('FORBIDDEN', `registering a system needs an admin or a steward of ${input.departmentUscc}`);
    }
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.departmentRows.exists(input.departmentUscc, tx))) {
        throw new InputError([
          {
            field: 'input.departmentUscc',
            code: 'DEPARTMENT_UNKNOWN',
            message: `no department ${input.departmentUscc}`,
          },
        ]);
      }
      if (await this.departmentRows.systemExists(input.code, tx)) {
        throw new HubError('SYSTEM_EXISTS', `a system with the code ${input.code} is already registered`);
      }
      await this.departmentRows.insertSystems(tx, [
        { code: input.code, departmentUscc: input.departmentUscc, name: input.name },
      ]);
      await tx.publish([participantChangedEvent('system-registered', input.code)]);
    });
    return { code: input.code, name: input.name, departmentUscc: input.departmentUscc, rateLimitPerMinute: null };
  }

  /** Sets (or, with null, clears) a system's own request rate; the gateways reload it with the policy. */
  async setSystemRateLimit(input: SetSystemRateLimitInput, by: Principal): Promise<DepartmentSystem> {
    requireAdmin(by);
    const reason = requiredReason(input.reason, 'a rate limit change gives its reason');
    const row = await this.unitOfWork.run(async (tx) => {
      const system = await this.departmentRows.systemLocked(tx, input.systemCode);
      if (!system)
        throw new InputError([
          { field: 'input.systemCode', code: 'SYSTEM_UNKNOWN', message: `no system ${input.systemCode}` },
        ]);
      system.rateLimitPerMinute = input.requestsPerMinute ?? null;
      await this.departmentRows.saveSystem(tx, system);
      await tx.publish([
        participantChangedEvent('system-rate-limit-set', system.code, {
          requestsPerMinute: system.rateLimitPerMinute,
          reason,
          by: by.keyId,
        }),
      ]);
      return system;
    });
    return toSystem(row);
  }

  /**
   * Issues a key and returns it whole, this once. Only an admin issues keys, never a steward —
   * not even for its own department: whoever could mint a key could make itself any system (the
   * police's hukou system, say) and read and write as it. A SYSTEM key is for one registered
   * system and carries no other role; an ADMIN key manages keys and participants, carries no
   * other role and no department (it would read as that department's provider otherwise).
   */
  async issueKey(input: IssueApiKeyInput, by: Principal): Promise<IssuedApiKey> {
    requireKeyManager(by, 'issuing keys');
    const roles = [...new Set(input.roles)].sort();
    if (roles.includes(Role.SYSTEM) && roles.length > 1) {
      throw new InputError([
        {
          field: 'input.roles',
          code: 'ROLES_INCOMPATIBLE',
          message: 'a SYSTEM key is for a machine and carries no other role',
        },
      ]);
    }
    if (roles.includes(Role.ADMIN) && roles.length > 1) {
      throw new InputError([
        {
          field: 'input.roles',
          code: 'ROLES_INCOMPATIBLE',
          message:
            'an ADMIN key manages keys and participants and carries no other role: a steward does not issue keys',
        },
      ]);
    }
    if (roles.includes(Role.ADMIN) && input.departmentUscc) {
      throw new InputError([
        { field: 'input.departmentUscc', code: 'NOT_ALLOWED', message: 'an ADMIN key has no department' },
      ]);
    }
    let departmentUscc = input.departmentUscc ?? null;
    let systemCode: string | null = null;
    if (roles.includes(Role.SYSTEM)) {
      if (!input.systemCode)
        throw new InputError([
          { field: 'input.systemCode', code: 'REQUIRED', message: 'a SYSTEM key names its system' },
        ]);
      const system = await this.system(input.systemCode);
      if (!system)
        throw new InputError([
          { field: 'input.systemCode', code: 'SYSTEM_UNKNOWN', message: `no system ${input.systemCode}` },
        ]);
      if (departmentUscc && departmentUscc !== system.departmentUscc) {
        throw new InputError([
          {
            field: 'input.departmentUscc',
            code: 'DEPARTMENT_MISMATCH',
            message: `system ${system.code} belongs to ${system.departmentUscc}`,
          },
        ]);
      }
      departmentUscc = system.departmentUscc;
      systemCode = system.code;
    } else if (input.systemCode) {
      throw new InputError([
        { field: 'input.systemCode', code: 'NOT_ALLOWED', message: 'only a SYSTEM key names a system' },
      ]);
    }
    if (departmentUscc && !(await this.departmentRows.exists(departmentUscc))) {
      throw new InputError([
        { field: 'input.departmentUscc', code: 'DEPARTMENT_UNKNOWN', message: `no department ${departmentUscc}` },
      ]);
    }
    const today = chinaDate(new Date());
    const expiresOn = input.expiresOn ?? addDays(today, 365);
    if (expiresOn <= today || expiresOn > addDays(today, MAX_KEY_YEARS * 365)) {
      throw new InputError([
        {
          field: 'input.expiresOn',
          code: 'OUT_OF_RANGE',
          message: `a key expires after today and within ${MAX_KEY_YEARS} years`,
        },
      ]);
    }
    const issued = generateApiKey();
    const row = await this.insertKey(
      { issued, roles, departmentUscc, systemCode, holderName: input.holderName },
      endOfChinaDay(expiresOn),
      by.keyId,
    );
    return { key: issued.key, apiKey: toApiKey(row) };
  }

  async revokeKey(input: RevokeApiKeyInput, by: Principal): Promise<ApiKey> {
    // Before anything about the key is looked up: a steward learns nothing of which keys exist.
    requireKeyManager(by, 'revoking keys');
    const reason = requiredReason(input.reason, 'a key revocation gives its reason');
    const row = await this.unitOfWork.run(async (tx) => {
      const key = await this.keyRows.findLocked(tx, input.id);
      if (!key) throw new HubError('KEY_UNKNOWN', `no key ${input.id}`);
      if (key.revokedAt)
        throw new HubError('KEY_ALREADY_REVOKED', `key ${input.id} was revoked on ${key.revokedAt.toISOString()}`);
      Object.assign(key, { revokedAt: new Date(), revokedBy: by.keyId, revokeReason: reason });
      await this.keyRows.save(tx, key);
      await tx.publish([apiKeyChangedEvent('revoked', key)]);
      return key;
    });
    return toApiKey(row);
  }

  /** Keys an admin sees all of, and a department steward those of the department. */
  async keys(by: Principal, filter: { departmentUscc?: string; systemCode?: string }): Promise<ApiKey[]> {
    const where: Record<string, string> = {};
    if (!hasRole(by, Role.ADMIN)) {
      if (!hasRole(by, Role.STEWARD)) throw new HubError('FORBIDDEN', 'listing keys needs an admin or a steward');
      if (by.departmentUscc) where.departmentUscc = by.departmentUscc;
    }
    if (filter.departmentUscc) {
      if (where.departmentUscc && where.departmentUscc !== filter.departmentUscc) return [];
      where.departmentUscc = filter.departmentUscc;
    }
    if (filter.systemCode) where.systemCode = filter.systemCode;
    const rows = await this.keyRows.newest(where, 1000);
    return rows.map((row) => toApiKey(row));
  }

  /**
   * The keys `keys` lists, a page at a time, newest first: keyset on (issued_at desc, id desc), so
   * a key issued while an admin pages shows on page 1, never twice. Revoked and expired keys stay
   * listed for good (who held access when), so the list grows with every rotation.
   */
  async keyPage(
    by: Principal,
    filter: ApiKeyFilter,
    first: number,
    after?: string,
    now = new Date(),
  ): Promise<ApiKeyConnection> {
    if (!hasRole(by, Role.ADMIN) && !hasRole(by, Role.STEWARD))
      throw new HubError('FORBIDDEN', 'listing keys needs an admin or a steward');
    let cursor: { issuedAt: string; id: string } | undefined;
    if (after) {
      const [issuedAt, id] = decodeCursor('key', after, (k) =>
        /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[A-Za-z0-9]{1,12}$/.test(k),
      ).split('|');
      cursor = { issuedAt, id };
    }
    const rows = await this.keyRows.page({
      ownDepartmentUscc: !hasRole(by, Role.ADMIN) && by.departmentUscc ? by.departmentUscc : undefined,
      departmentUscc: filter.departmentUscc,
      systemCode: filter.systemCode,
      status: filter.status,
      now,
      after: cursor,
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map((row) => toApiKey(row, now)),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor('key', `${last.issuedAt.toISOString()}|${last.id}`) : undefined,
      },
    };
  }

  /** Loads the shipped departments and systems into an empty catalog; true when it did. */
  async seed(departments: DepartmentSpec[]): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      if ((await this.departmentRows.count(tx)) > 0) return false;
      await this.departmentRows.insert(
        tx,
        departments.map((d) => ({ uscc: d.uscc, name: d.name, divisionCode: d.divisionCode })),
      );
      const systems = departments.flatMap((d) =>
        d.systems.map((s) => ({ code: s.code, name: s.name, departmentUscc: d.uscc })),
      );
      if (systems.length > 0) await this.departmentRows.insertSystems(tx, systems);
      await tx.publish([participantChangedEvent('seeded', 'catalog')]);
      return true;
    });
  }

  /** Makes sure preset keys (demo data) exist with these secrets; existing ones are left as they are. */
  async ensurePresetKeys(keys: PresetKey[], validDays = 365): Promise<number> {
    let made = 0;
    for (const key of keys) {
      if (await this.keyRows.exists(key.issued.id)) continue;
      await this.insertKey(key, new Date(Date.now() + validDays * DAY_MS), null);
      made++;
    }
    return made;
  }

  /**
   * The first admin key of a hub that has none in force (a new deployment: every request to the
   * gateway needs a key, and only an admin issues them). `deliver` hands the key over before it is
   * stored, so that a key nobody received never comes into force. Returns the key's id, or null
   * when an unexpired, unrevoked admin key exists already.
   */
  async bootstrapAdminKey(
    holderName: string,
    deliver: (key: IssuedKey) => Promise<void>,
    validDays = 30,
  ): Promise<string | null> {
    if (await this.keyRows.inForceWithRole(Role.ADMIN)) return null;
    const issued = generateApiKey();
    await deliver(issued);
    await this.insertKey(
      { issued, roles: [Role.ADMIN], departmentUscc: null, systemCode: null, holderName },
      new Date(Date.now() + validDays * DAY_MS),
      null,
    );
    return issued.id;
  }

  private async insertKey(key: PresetKey, expiresAt: Date, issuedBy: string | null): Promise<ApiKeyRow> {
    const row: ApiKeyRow = {
      id: key.issued.id,
      secretHash: key.issued.secretHash,
      roles: key.roles,
      departmentUscc: key.departmentUscc,
      systemCode: key.systemCode,
      holderName: key.holderName,
      issuedAt: new Date(),
      issuedBy,
      expiresAt,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
    };
    await this.unitOfWork.run(async (tx) => {
      await this.keyRows.insert(tx, row);
      await tx.publish([apiKeyChangedEvent('issued', row)]);
    });
    return row;
  }
}

function requireAdmin(by: Principal): void {
  if (!hasRole(by, Role.ADMIN)) throw new HubError('FORBIDDEN', 'this operation needs an admin');
}

/**
 * Keys are an admin's to issue and revoke: never a steward's, whatever its department. A key that
 * is both admin and steward (issued before ADMIN keys carried no other role) manages no keys
 * either, so that no one who stewards data mints keys.
 */
function requireKeyManager(by: Principal, what: string): void {
  if (!hasRole(by, Role.ADMIN) || hasRole(by, Role.STEWARD) || hasRole(by, Role.SYSTEM)) {
    throw new HubError('FORBIDDEN', `${what} is an admin's act, with an admin key that carries no other role`, {
      requiredRoles: [Role.ADMIN],
    });
  }
}

function toDepartment(row: DepartmentRow, systems: DepartmentSystemRow[]): Department {
  return {
    uscc: row.uscc,
    name: row.name,
    divisionCode: row.divisionCode,
    systems: systems.filter((s) => s.departmentUscc === row.uscc).map(toSystem),
  };
}

function toSystem(row: DepartmentSystemRow): DepartmentSystem {
  return {
    code: row.code,
    name: row.name,
    departmentUscc: row.departmentUscc,
    rateLimitPerMinute: row.rateLimitPerMinute ?? null,
  };
}

export function toApiKey(row: ApiKeyRow, now = new Date()): ApiKey {
  const status = row.revokedAt
    ? ApiKeyStatus.REVOKED
    : row.expiresAt.getTime() <= now.getTime()
      ? ApiKeyStatus.EXPIRED
      : ApiKeyStatus.ACTIVE;
  return {
    id: row.id,
    roles: row.roles as Role[],
    departmentUscc: row.departmentUscc,
    systemCode: row.systemCode,
    holderName: row.holderName,
    issuedAt: row.issuedAt,
    issuedBy: row.issuedBy,
    expiresAt: row.expiresAt,
    status,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedBy,
    revokeReason: row.revokeReason,
  };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a CST day ends (a key valid "until 2027-11-27" works all that day in China). */
function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T24:00:00+08:00`));
}
