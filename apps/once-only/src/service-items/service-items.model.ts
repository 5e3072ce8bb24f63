import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IN_ONCE_ONLY_SCHEMA } from '../once-only.graphql-scope.js';

/** Whose data: a citizen (by citizen ID) or a legal entity (by USCC). */
export enum DataSubjectType {
  PERSON = 'PERSON',
  LEGAL_ENTITY = 'LEGAL_ENTITY',
}
registerEnumType(DataSubjectType, {
  name: 'DataSubjectType',
  description: 'A citizen (citizen ID) or a legal entity (USCC)',
});

export enum MaterialSourceKind {
  ELICENCE = 'ELICENCE',
  MATERIAL = 'MATERIAL',
  REVIEW_RESULT = 'REVIEW_RESULT',
  BASE_LIBRARY = 'BASE_LIBRARY',
}
registerEnumType(MaterialSourceKind, {
  name: 'MaterialSourceKind',
  valuesMap: {
    ELICENCE: { description: 'A valid e-licence (电子证照) of the subject on file' },
    MATERIAL: { description: 'A valid material the subject submitted with an earlier case' },
    REVIEW_RESULT: { description: "Another department's review result that the item's department recognises (互认)" },
    BASE_LIBRARY: { description: "The subject's record in a base library, read under the asking system's rights" },
  },
});

@ObjectType({
  ...IN_ONCE_ONLY_SCHEMA,
  description: 'One way a required material can be satisfied without the applicant bringing it',
})
export class MaterialSource {
  @Field(() => MaterialSourceKind)
  kind: MaterialSourceKind;

  @Field({ nullable: true, description: 'ELICENCE / MATERIAL: the licence or material type code' })
  materialType?: string;

  @Field({ nullable: true, description: 'REVIEW_RESULT: the result type code' })
  resultType?: string;

  @Field(() => [String], {
    nullable: true,
    description: "BASE_LIBRARY: the fields read, as paths from the subject's record (person.name)",
  })
  paths?: string[];

  @Field({ nullable: true, description: 'BASE_LIBRARY: what the record must say (PERSON_LIVING, LEGAL_ENTITY_ACTIVE)' })
  condition?: string;
}

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA, description: 'A material a service item requires (办事指南)' })
export class RequiredMaterial {
  @Field(() => Int)
  no: number;

  @Field()
  name: string;

  @Field()
  materialType: string;

  @Field({ description: '容缺受理: the application may be accepted while this material is pending' })
  mayBeSuppliedLater: boolean;

  @Field(() => [MaterialSource], {
    description: 'What can satisfy it from what the hub already holds (empty: the applicant always brings it)',
  })
  satisfiedBy: MaterialSource[];
}

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA, description: "A field of the item's application form" })
export class FormField {
  @Field()
  name: string;

  @Field()
  label: string;

  @Field({ nullable: true, description: "Where the hub can fill it from (a path from the subject's record), or null" })
  path?: string;
}

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA, description: 'A service item (政务服务事项) and its guide' })
export class ServiceItem {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field({ description: 'The responsible department (USCC)' })
  department: string;

  @Field(() => DataSubjectType, { description: 'Whose application: a citizen or a legal entity' })
  subjectType: DataSubjectType;

  @Field(() => Int, { description: 'Legal time limit in working days (承诺时限)' })
  timeLimitWorkingDays: number;

  @Field(() => [RequiredMaterial])
  materials: RequiredMaterial[];

  @Field(() => [FormField])
  formFields: FormField[];
}

@ObjectType({ ...IN_ONCE_ONLY_SCHEMA, description: 'A type of e-licence or material the archive holds' })
export class MaterialType {
  @Field()
  code: string;

  @Field({ description: 'ELICENCE or MATERIAL' })
  kind: string;

  @Field()
  name: string;

  @Field(() => DataSubjectType, { nullable: true, description: 'Whose it can be; null: citizens and legal entities' })
  subjectType?: DataSubjectType;

  @Field(() => [String], { nullable: true, description: 'E-licences: the departments that issue it' })
  issuers?: string[];
}
