import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaskingRule, SharingType } from '@hub/policy';
import { Role } from '@hub/auth';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';
// The enums used here are registered with the types that own them.
import '../catalog/catalog.model.js';
import '../participants/participants.model.js';

export enum ItemAccessLevel {
  FULL = 'FULL',
  MASKED = 'MASKED',
  NEEDS_GRANT = 'NEEDS_GRANT',
  PROVIDER_ONLY = 'PROVIDER_ONLY',
}
registerEnumType(ItemAccessLevel, {
  name: 'ItemAccessLevel',
  valuesMap: {
    FULL: { description: 'Readable, values in full' },
    MASKED: { description: 'Readable, sensitive values masked (apply for full values)' },
    NEEDS_GRANT: { description: 'Conditional: apply for a grant (applyForSharing)' },
    PROVIDER_ONLY: { description: 'Not shared: the provider department only' },
  },
});

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'One published data item and how the caller may read it today' })
export class ItemAccessEntry {
  @Field()
  itemId: string;

  @Field()
  itemName: string;

  @Field()
  resourceCode: string;

  @Field()
  resourceName: string;

  @Field(() => SharingType)
  sharingType: SharingType;

  @Field(() => [String])
  fields: string[];

  @Field(() => [String], {
    description:
      'The arguments it governs: filtering by them needs FULL access; looking up by an identifier without it is budgeted',
  })
  arguments: string[];

  @Field(() => MaskingRule, { nullable: true })
  masking: MaskingRule | null;

  @Field(() => ItemAccessLevel)
  access: ItemAccessLevel;

  @Field(() => String, { nullable: true, description: 'The grant it reads under, if any' })
  grantId: string | null;

  @Field(() => String, { nullable: true })
  grantValidTo: string | null;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'Who the caller is and what it may read (cf. X-Road allowedMethods)' })
export class MyAccess {
  @Field()
  keyId: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => String, { nullable: true })
  departmentUscc: string | null;

  @Field(() => String, { nullable: true })
  systemCode: string | null;

  @Field()
  holderName: string;

  @Field({ description: 'YYYY-MM-DD (China Standard Time)' })
  asOf: string;

  @Field(() => [ItemAccessEntry])
  items: ItemAccessEntry[];
}
