import { Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@hub/auth';
import { chinaDate } from '@hub/identifiers';
import { AccessPolicy, itemAccess } from '@hub/policy';
import { ItemAccessLevel, MyAccess } from './my-access.model.js';
import { PolicySnapshotService } from './policy-snapshot.service.js';
import { AnyCaller, Caller } from '@hub/subgraph';

@Resolver()
export class MyAccessResolver {
  constructor(private readonly snapshots: PolicySnapshotService) {}

  @AnyCaller()
  @Query(() => MyAccess, { description: 'What the caller may read, item by item, today; and what it could apply for' })
  async myAccess(@Caller() principal: Principal): Promise<MyAccess> {
    const snapshot = await this.snapshots.snapshot();
    const policy = new AccessPolicy(snapshot.items, snapshot.grants, new Set());
    const today = chinaDate(new Date());
    return {
      ...principal,
      holderName: principal.name,
      asOf: today,
      items: snapshot.items.map((item) => {
        const { access, grant } = itemAccess(policy, principal, item, today);
        return {
          itemId: item.id,
          itemName: item.name,
          resourceCode: item.resourceCode,
          resourceName: item.resourceName,
          sharingType: item.sharingType,
          fields: item.fields,
          arguments: item.arguments ?? [],
          masking: item.masking,
          access: access as ItemAccessLevel,
          grantId: grant?.id ?? null,
          grantValidTo: grant?.validTo ?? null,
        };
      }),
    };
  }
}
