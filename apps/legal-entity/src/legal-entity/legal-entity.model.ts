import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { divisionFullName } from '@hub/identifiers';
import { Provenance } from '@hub/register';
import { LegalEntityKind } from './legal-entity-kind.js';
import { LegalEntityStatus } from './legal-entity-status.js';
import type { LegalEntityRow } from './legal-entity.entity.js';
import { Person } from './person.model.js';
import { IN_LEGAL_ENTITY_SCHEMA } from '../legal-entity.graphql-scope.js';

@ObjectType({ ...IN_LEGAL_ENTITY_SCHEMA, description: 'An amount of money in a currency' })
export class Money {
  @Field({ description: 'Decimal amount as text (exact), e.g. "5000000.00"' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code' })
  currency: string;
}

@ObjectType({ ...IN_LEGAL_ENTITY_SCHEMA, description: 'The authority that registered the legal entity (登记机关)' })
export class RegistrationAuthority {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true, description: 'USCC of the authority' })
  uscc?: string;
}

@ObjectType({ ...IN_LEGAL_ENTITY_SCHEMA, description: 'A registered address with its GB/T 2260 division' })
export class Address {
  @Field()
  text: string;

  @Field({ description: 'GB/T 2260 division code (6 digits)' })
  divisionCode: string;

  @Field({ nullable: true, description: 'Name of the division, with its ancestors (e.g. 浙江省杭州市拱墅区)' })
  divisionName?: string;
}

/**
 * The representative's status as the population library reports it (its PersonStatus). An enum, not
 * free text: the catalog classes it as a category of a person, which no string mask could make less
 * personal than the person's own unconditionally shared status (docs/catalog.md §2).
 */
export enum RepresentativeStatus {
  LIVING = 'LIVING',
  DECEASED = 'DECEASED',
  MOVED_OUT = 'MOVED_OUT',
}

registerEnumType(RepresentativeStatus, {
  ...IN_LEGAL_ENTITY_SCHEMA,
  name: 'RepresentativeStatus',
  description: "The legal representative's status in the population library",
  valuesMap: { LIVING: { description: '在册' }, DECEASED: { description: '死亡' }, MOVED_OUT: { description: '迁出' } },
});

@ObjectType({
  ...IN_LEGAL_ENTITY_SCHEMA,
  description: 'What the population library reported about the legal representative',
})
export class LegalRepresentativeStatus {
  @Field(() => RepresentativeStatus, {
    description: 'LIVING, DECEASED or MOVED_OUT, as the population library last reported',
  })
  status: RepresentativeStatus;

  @Field()
  deceased: boolean;

  @Field({ nullable: true, description: 'Date of death, YYYY-MM-DD' })
  deceasedOn?: string;
}

@ObjectType({
  ...IN_LEGAL_ENTITY_SCHEMA,
  description: 'A legal entity (法人) in the legal-entity base library, keyed by its USCC',
})
@Directive('@key(fields: "uscc")')
export class LegalEntity {
  @Field(() => ID, { description: '统一社会信用代码 (GB 32100)' })
  uscc: string;

  @Field()
  name: string;

  @Field(() => LegalEntityKind)
  kind: LegalEntityKind;

  @Field(() => LegalEntityStatus)
  status: LegalEntityStatus;

  @Field({ nullable: true, description: 'Date the current status took effect, YYYY-MM-DD' })
  statusEffectiveOn?: string;

  @Field({ nullable: true })
  statusReason?: string;

  @Field({ nullable: true, description: 'Date of establishment, YYYY-MM-DD' })
  establishedOn?: string;

  @Field(() => Money, { nullable: true })
  registeredCapital?: Money;

  @Field(() => RegistrationAuthority, { nullable: true })
  registrationAuthority?: RegistrationAuthority;

  @Field(() => Address)
  registeredAddress: Address;

  @Field({ nullable: true })
  businessScope?: string;

  @Field(() => Person, { nullable: true, description: 'The legal representative (法定代表人)' })
  legalRepresentative?: Person;

  @Field(() => Provenance)
  provenance: Provenance;

  @Field({ description: 'When the hub first registered this legal entity' })
  registeredAt: Date;

  @Field({ description: 'When the hub last stored a version of it' })
  updatedAt: Date;
}

/** How a stored row shows in the graph. */
export function toLegalEntity(r: LegalEntityRow): LegalEntity {
  return {
    uscc: r.uscc,
    name: r.name,
    kind: r.kind as LegalEntityKind,
    status: r.status as LegalEntityStatus,
    statusEffectiveOn: r.statusEffectiveOn ?? undefined,
    statusReason: r.statusReason ?? undefined,
    establishedOn: r.establishedOn ?? undefined,
    registeredCapital: r.registeredCapitalAmount
      ? { amount: r.registeredCapitalAmount, currency: r.registeredCapitalCurrency ?? 'CNY' }
      : undefined,
    registrationAuthority:
      r.registrationAuthorityName || r.registrationAuthorityUscc
        ? { name: r.registrationAuthorityName ?? undefined, uscc: r.registrationAuthorityUscc ?? undefined }
        : undefined,
    registeredAddress: {
      text: r.registeredAddress,
      divisionCode: r.registeredAddressDivisionCode,
      divisionName: divisionFullName(r.registeredAddressDivisionCode),
    },
    businessScope: r.businessScope ?? undefined,
    legalRepresentative: r.legalRepresentativeIdNumber ? { idNumber: r.legalRepresentativeIdNumber } : undefined,
    provenance: {
      sourceDepartment: r.sourceDepartment,
      sourceSystem: r.sourceSystem,
      sourceRecordId: r.sourceRecordId,
      version: r.version,
      receivedAt: r.receivedAt,
      originals: r.originals ?? undefined,
    },
    registeredAt: r.registeredAt,
    updatedAt: r.updatedAt,
  };
}
