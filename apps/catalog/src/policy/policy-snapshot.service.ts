import { Injectable } from '@nestjs/common';
import { chinaDate } from '@hub/identifiers';
import { ResourceStatus, dataItemId, type MaskingRule, type PolicySnapshot, type SharingType } from '@hub/policy';
import { ResourceRepository } from '../catalog/resource.repository.js';
import { ApiKeyRepository } from '../participants/api-key.repository.js';
import { DepartmentRepository } from '../participants/department.repository.js';
import { GrantRepository } from '../sharing/grant.repository.js';

/**
 * The catalog as enforcement needs it: published items, grants not revoked and not long expired,
 * every key (revoked and expired ones too, so the gateway can say why a key no longer works), the
 * systems' own request rates.
 */
@Injectable()
export class PolicySnapshotService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly grantRows: GrantRepository,
    private readonly keyRows: ApiKeyRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  async snapshot(now = new Date()): Promise<PolicySnapshot> {
    const generatedAt = now.toISOString();
    // Grants that ended before yesterday can no longer apply on any clock of the hub.
    const yesterday = chinaDate(new Date(now.getTime() - 86_400_000));
    const [resources, items, grants, keys, limited] = await Promise.all([
      this.resources.list(ResourceStatus.PUBLISHED),
      this.resources.items(),
      this.grantRows.notEndedBefore(yesterday),
      this.keyRows.all(),
      this.departments.rateLimitedSystems(),
    ]);
    const published = new Map(resources.map((r) => [r.code, r]));
    return {
      generatedAt,
      items: items
        .filter((i) => published.has(i.resourceCode))
        .map((i) => {
          const r = published.get(i.resourceCode)!;
          return {
            id: dataItemId(i.resourceCode, i.no),
            no: i.no,
            name: i.name,
            resourceCode: r.code,
            resourceName: r.name,
            providerUscc: r.providerUscc,
            sharingType: r.sharingType as SharingType,
            fields: i.fields,
            arguments: i.arguments ?? [],
            sensitivity: i.sensitivity,
            masking: (i.masking as MaskingRule | null) ?? null,
            maskUnless: i.maskUnless ?? null,
          };
        }),
      grants: grants.map((g) => ({
        id: g.id,
        consumerSystemCode: g.consumerSystemCode,
        resourceCode: g.resourceCode,
        items: g.items,
        fullValues: g.fullValues,
        validFrom: g.validFrom,
        validTo: g.validTo,
      })),
      keys: keys.map((k) => ({
        id: k.id,
        secretHash: k.secretHash,
        roles: k.roles,
        departmentUscc: k.departmentUscc,
        systemCode: k.systemCode,
        holderName: k.holderName,
        expiresAt: k.expiresAt.toISOString(),
        revokedAt: k.revokedAt?.toISOString() ?? null,
      })),
      rateLimits: limited.map((s) => ({ systemCode: s.code, requestsPerMinute: s.rateLimitPerMinute! })),
    };
  }
}
