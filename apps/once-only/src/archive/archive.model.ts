import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import { DataSubjectType } from '../service-items/service-items.model.js';

export enum MaterialKind {
  ELICENCE = 'ELICENCE',
  MATERIAL = 'MATERIAL',
}
registerEnumType(MaterialKind, {
  name: 'MaterialKind',
  valuesMap: {
    ELICENCE: {
      description:
        'An electronic licence or certificate (电子证照) with its GB/T 36904 identifier, filed by its issuer',
    },
    MATERIAL: {
      description:
        'A material the subject submitted with a case (a lease, a floor plan …), filed by the receiving department',
    },
  },
});

export enum MaterialStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(MaterialStatus, {
  name: 'MaterialStatus',
  valuesMap: {
    VALID: { description: 'In force: may be reused' },
    REVOKED: { description: 'Revoked by its department (撤销), e.g. obtained by fraud' },
    CANCELLED: { description: 'Cancelled by its department (注销), e.g. the business closed' },
    EXPIRED: { description: 'Past its last day of validity (set by the hub)' },
    SUPERSEDED: { description: 'Replaced by a newer licence or material (supersededBy)' },
  },
});

/** The statuses a department sets by hand; EXPIRED and SUPERSEDED follow from dates and filings. */
export enum MaterialEndStatus {
  REVOKED = 'REVOKED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MaterialEndStatus, {
  name: 'MaterialEndStatus',
  description: 'What a department may set a VALID material to: REVOKED (撤销) or CANCELLED (注销)',
});

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA, description: 'One change of a material’s status: who, when and why' })
export class MaterialStatusChange {
  @Field(() => MaterialStatus, { nullable: true, description: 'null for the filing itself' })
  from: MaterialStatus | null;

  @Field(() => MaterialStatus)
  to: MaterialStatus;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  changedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The department whose key made the change; null when the hub did (validity ended)',
  })
  changedByDepartment: string | null;

  @Field(() => ID, { nullable: true, description: 'SUPERSEDED: the material that replaced it' })
  supersededBy: string | null;
}

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description: 'An item of a subject’s archive (一档): an e-licence or a material, with its status and stored content',
})
export class Material {
  @Field(() => ID)
  id: string;

  @Field(() => DataSubjectType)
  subjectType: DataSubjectType;

  @Field({ description: 'Citizen ID or USCC' })
  subjectId: string;

  @Field(() => MaterialKind)
  kind: MaterialKind;

  @Field({ description: 'The licence or material type code (materialTypes)' })
  materialType: string;

  @Field()
  materialTypeName: string;

  @Field()
  title: string;

  @Field({ description: 'The department that issued the licence, or received the material' })
  issuerUscc: string;

  @Field(() => String, { nullable: true, description: 'E-licences: the identifier (电子证照标识, GB/T 36904)' })
  licenceId: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  issuedOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, last day of validity (China time); null: no end' })
  validUntil: string | null;

  @Field(() => MaterialStatus)
  status: MaterialStatus;

  @Field(() => ID, { nullable: true })
  supersededBy: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 (hex) of the content: declared at filing, or computed when it was stored',
  })
  contentSha256: string | null;

  // Float, not Int: a GraphQL Int is 32-bit and the column is a bigint; sizes stay far below 2^53.
  @Field(() => Float, { nullable: true, description: 'Bytes of the stored content' })
  contentSize: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Media type of the stored content (application/pdf, application/ofd, image/jpeg, image/png)',
  })
  contentType: string | null;

  @Field({ description: 'The content was uploaded and can be downloaded (GET /archive/materials/{id}/content)' })
  contentStored: boolean;

  @Field(() => String, { nullable: true, description: 'The case (办件编号) it came with' })
  caseNumber: string | null;

  @Field(() => String, { nullable: true })
  serviceItemCode: string | null;

  @Field()
  filedByDepartment: string;

  @Field()
  filedAt: Date;

  @Field(() => [MaterialStatusChange], { description: 'Every status change, oldest first' })
  statusHistory?: MaterialStatusChange[];
}
