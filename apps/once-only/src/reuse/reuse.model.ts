import { Field, ObjectType } from '@nestjs/graphql';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';
import {
  DataSubjectType,
  MaterialSourceKind,
  RequiredMaterial,
  ServiceItem,
} from '../service-items/service-items.model.js';

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description: 'A value read from a base library, as the asking system may see it (masked where its rights say so)',
})
export class ReusedValue {
  @Field({ description: "Path from the subject's record, e.g. person.name" })
  path: string;

  @Field({ nullable: true })
  value?: string;
}

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description:
    'What satisfies a required material: a licence or material on file, a recognised review result, or base-library data',
})
export class ReuseEvidence {
  @Field(() => MaterialSourceKind)
  kind: MaterialSourceKind;

  @Field({ nullable: true, description: 'ELICENCE / MATERIAL: the archive entry' })
  materialId?: string;

  @Field({ nullable: true, description: 'ELICENCE: its identifier (GB/T 36904)' })
  licenceId?: string;

  @Field({ nullable: true })
  title?: string;

  @Field({
    nullable: true,
    description:
      'The department that issued the licence, received the material, made the review, or is the source of the record',
  })
  department?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: issued (licence, material)' })
  issuedOn?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: last day of validity (licence, material, review result)' })
  validUntil?: string;

  @Field({ nullable: true, description: 'SHA-256 of the stored content (licence, material)' })
  contentSha256?: string;

  @Field({ nullable: true, description: 'REVIEW_RESULT: the result relied on' })
  reviewResultId?: string;

  @Field({ nullable: true })
  resultType?: string;

  @Field({ nullable: true, description: 'REVIEW_RESULT: when it was reviewed (ISO instant)' })
  reviewedAt?: string;

  @Field({
    nullable: true,
    description: 'The case it came with (licence, material) or was reviewed for (review result)',
  })
  caseNumber?: string;

  @Field(() => [ReusedValue], { nullable: true, description: 'BASE_LIBRARY: the values read' })
  values?: ReusedValue[];
}

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description: 'One required material: satisfied from what the hub holds (with the evidence), or to bring',
})
export class MaterialReuse {
  @Field(() => RequiredMaterial)
  material: RequiredMaterial;

  @Field()
  satisfied: boolean;

  @Field(() => [ReuseEvidence], {
    description: 'Everything on file that satisfies it (empty when the applicant must bring it)',
  })
  evidence: ReuseEvidence[];
}

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description:
    'For an application to a service item: which materials the hub already holds for the subject, and what the applicant still has to bring',
})
export class ReuseAnswer {
  @Field(() => ServiceItem)
  serviceItem: ServiceItem;

  @Field(() => DataSubjectType)
  subjectType: DataSubjectType;

  @Field()
  subjectId: string;

  @Field(() => [MaterialReuse])
  materials: MaterialReuse[];

  @Field(() => [RequiredMaterial], { description: 'The materials the applicant still has to bring' })
  toBring: RequiredMaterial[];

  @Field({ description: '容缺受理: true when everything still to bring may be supplied later' })
  acceptableWithGaps: boolean;

  @Field({ description: 'YYYY-MM-DD (China time) the answer is for' })
  asOf: string;
}

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description: "A field of the item's form, filled from the base libraries where the hub can (智能填单)",
})
export class PrefilledField {
  @Field()
  name: string;

  @Field()
  label: string;

  @Field({
    nullable: true,
    description: "Where the value comes from (a path from the subject's record); null: only the applicant can fill it",
  })
  path?: string;

  @Field({ nullable: true, description: 'The value, as the asking system may see it (masked where its rights say so)' })
  value?: string;

  @Field({ description: 'Whether the hub filled it' })
  filled: boolean;

  @Field({ nullable: true, description: 'The source department of the record the value comes from (一数一源)' })
  sourceDepartment?: string;
}
