import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@hub/auth';
import { PageInfo } from '@hub/register';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';

registerEnumType(Role, {
  name: 'HubRole',
  description: 'What a key lets its holder do',
  valuesMap: {
    SYSTEM: { description: 'A department system (部门系统): reads shared data under the catalog, applies for grants' },
    STEWARD: {
      description:
        'A data steward: manages the catalog and decides sharing applications, of one department or hub-wide',
    },
    ADMIN: { description: 'Registers departments and systems, issues and revokes keys' },
  },
});

export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiKeyStatus, { name: 'ApiKeyStatus' });

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'A business system of a department (部门系统): the hub issues keys per system',
})
export class DepartmentSystem {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field()
  departmentUscc: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Requests per minute the gateway lets this system's keys send together; null: the hub's default (RATE_LIMIT_PER_MINUTE, 1,200 unless configured)",
  })
  rateLimitPerMinute: number | null;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A department (部门) taking part in data sharing' })
export class Department {
  @Field(() => ID)
  uscc: string;

  @Field()
  name: string;

  @Field({ description: 'GB/T 2260 division the department serves' })
  divisionCode: string;

  @Field(() => [DepartmentSystem])
  systems: DepartmentSystem[];
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A hub API key, without its secret (shown once, when issued)' })
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => String, {
    nullable: true,
    description: 'The department of the system or steward; null for a hub-wide steward or an admin',
  })
  departmentUscc: string | null;

  @Field(() => String, { nullable: true })
  systemCode: string | null;

  @Field()
  holderName: string;

  @Field()
  issuedAt: Date;

  @Field(() => String, { nullable: true, description: 'The key id of the issuer; null for keys the hub made itself' })
  issuedBy: string | null;

  @Field()
  expiresAt: Date;

  @Field(() => ApiKeyStatus)
  status: ApiKeyStatus;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy: string | null;

  @Field(() => String, { nullable: true })
  revokeReason: string | null;
}

@ObjectType({ ...IN_CATALOG_SCHEMA })
export class ApiKeyConnection {
  @Field(() => [ApiKey])
  nodes: ApiKey[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A newly issued key: `key` is shown this once and never again' })
export class IssuedApiKey {
  @Field({ description: 'Send it as `Authorization: Bearer <key>`; the hub keeps only a hash' })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}
