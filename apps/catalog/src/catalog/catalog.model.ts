import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DataClass,
  DataItemType,
  MaskingRule,
  OpenAttribute,
  ResourceFormat,
  ResourceStatus,
  Sensitivity,
  SharingMethod,
  SharingType,
  UpdateCycle,
} from '@hub/policy';
import { GraphQLJSONObject, PageInfo } from '@hub/register';
import { IN_CATALOG_SCHEMA } from '../catalog.graphql-scope.js';

registerEnumType(SharingType, {
  name: 'SharingType',
  description: '共享类型',
  valuesMap: {
    UNCONDITIONAL: { description: '无条件共享: any authenticated department system' },
    CONDITIONAL: { description: '有条件共享: needs an approved sharing application' },
    NOT_SHARED: { description: '不予共享: the provider department only' },
  },
});
registerEnumType(Sensitivity, {
  name: 'Sensitivity',
  description: 'How sensitive a data item is (PIPL: 个人信息, 敏感个人信息)',
});
registerEnumType(MaskingRule, {
  name: 'MaskingRule',
  description: 'How values are masked (脱敏) for a caller without full values; see docs/catalog.md',
});
registerEnumType(SharingMethod, { name: 'SharingMethod', description: '共享方式' });
registerEnumType(OpenAttribute, { name: 'OpenAttribute', description: '开放属性' });
registerEnumType(UpdateCycle, { name: 'UpdateCycle', description: '更新周期' });
registerEnumType(ResourceFormat, {
  name: 'ResourceFormat',
  description: "信息资源格式, the cataloguing guide's classes",
  valuesMap: {
    ELECTRONIC_FILE: { description: '电子文件 (OFD, wps, xml, txt, doc, pdf …)' },
    SPREADSHEET: { description: '电子表格 (et, xls, xlsx …)' },
    DATABASE: { description: '数据库' },
    GRAPHIC_IMAGE: { description: '图形图像 (jpg, gif, bmp …)' },
    STREAMING_MEDIA: { description: '流媒体 (swf, rm, mpg …)' },
    SELF_DESCRIBING: { description: '自描述格式 (carries its own structure, e.g. JSON or XML with its schema)' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(ResourceStatus, {
  name: 'ResourceStatus',
  description: 'DRAFT → PUBLISHED → RETIRED; only published resources govern fields',
});
registerEnumType(DataItemType, { name: 'DataItemType' });
registerEnumType(DataClass, {
  name: 'DataClass',
  description:
    "What a data item's values are (数据分类); personal classes in shared resources need a masking rule that fits; see docs/catalog.md §2",
});

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description:
    'When a masking rule does not apply: the object holding the value says, in a sibling field, that its subject is not a natural person',
})
export class MaskUnless {
  @Field({ description: 'The sibling field, on the same object as the masked value (e.g. subjectType)' })
  field: string;

  @Field(() => [String], {
    description:
      'Its values for which the rule does not apply (e.g. LEGAL_ENTITY); not selected, or another value: masked',
  })
  values: string[];
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A data item (信息项) and the graph fields it governs' })
export class DataItem {
  @Field(() => ID, { description: '<resource code>#<no>' })
  id: string;

  @Field(() => Int)
  no: number;

  @Field()
  name: string;

  @Field(() => DataItemType)
  dataType: DataItemType;

  @Field(() => [String], { description: '`Type.field` coordinates of the supergraph' })
  fields: string[];

  @Field(() => [String], {
    description:
      'Argument coordinates it governs (`Query.searchPersons(filter.name)`): filtering or looking up by them reads this item',
  })
  arguments: string[];

  @Field(() => Sensitivity)
  sensitivity: Sensitivity;

  @Field(() => MaskingRule, { nullable: true })
  masking: MaskingRule | null;

  @Field(() => MaskUnless, { nullable: true })
  maskUnless?: MaskUnless | null;

  @Field(() => DataClass, {
    nullable: true,
    description:
      'Null only for an item stored before data classes existed: the governance check then refuses changes until one is given',
  })
  dataClass: DataClass | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field()
  resourceCode: string;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'A catalog resource (政务信息资源) with the national core metadata' })
export class CatalogResource {
  @Field(() => ID, {
    description:
      'Resource code (信息资源代码) as the cataloguing guide writes it: classification (前段码) + "/" + sequence (顺序码), e.g. 101001001/000001',
  })
  code: string;

  @Field({ description: '前段码: 类 (1 digit) + 项 (2) + 目 (3) + 细目 (0–12 digits)' })
  classification: string;

  @Field()
  name: string;

  @Field({ description: 'USCC of the provider department (数源部门)' })
  providerUscc: string;

  @Field(() => String, { nullable: true })
  providerName: string | null;

  @Field()
  summary: string;

  @Field(() => ResourceFormat)
  format: ResourceFormat;

  @Field(() => SharingType)
  sharingType: SharingType;

  @Field(() => String, {
    nullable: true,
    description: 'What an applicant must show (conditional), or why it is not shared',
  })
  sharingConditions: string | null;

  @Field(() => SharingMethod)
  sharingMethod: SharingMethod;

  @Field(() => OpenAttribute)
  openAttribute: OpenAttribute;

  @Field(() => UpdateCycle)
  updateCycle: UpdateCycle;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  publishedOn: string | null;

  @Field(() => [String])
  relatedCodes: string[];

  @Field(() => ResourceStatus)
  status: ResourceStatus;

  @Field(() => Int)
  version: number;

  @Field(() => [DataItem])
  items: DataItem[];

  @Field()
  updatedAt: Date;
}

@ObjectType({ ...IN_CATALOG_SCHEMA, description: 'One version of a resource: who changed what, when' })
export class CatalogResourceVersion {
  @Field(() => Int)
  version: number;

  @Field({ description: 'created, updated, published, retired' })
  change: string;

  @Field(() => [String], { description: 'Names of the changed properties (items included as "items")' })
  changedFields: string[];

  @Field(() => String, { nullable: true, description: 'Key id of whoever made the change; null for the shipped seed' })
  changedBy: string | null;

  @Field()
  changedByName: string;

  @Field()
  changedAt: Date;

  @Field(() => GraphQLJSONObject, { description: 'The resource as it was in this version, items included' })
  snapshot: Record<string, unknown>;
}

@ObjectType({ ...IN_CATALOG_SCHEMA })
export class CatalogResourceConnection {
  @Field(() => [CatalogResource])
  nodes: CatalogResource[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'A grant a catalog change would touch: which consumer system loses what',
})
export class CatalogGrantImpact {
  @Field(() => ID)
  grantId: string;

  @Field()
  consumerSystemCode: string;

  @Field(() => String, { nullable: true })
  consumerSystemName: string | null;

  @Field(() => String, { nullable: true })
  consumerDepartmentName: string | null;

  @Field({ description: 'YYYY-MM-DD: the last day of the grant' })
  validTo: string;

  @Field(() => [Int], { description: 'Granted item numbers the change removes (all of them on retirement)' })
  lostItems: number[];

  @Field(() => [Int], {
    description: 'Granted item numbers that stay but become NOT_SHARED, so the grant no longer lets them be read',
  })
  notSharedItems: number[];

  @Field({ description: "The system keeps none of the grant's items" })
  losesAll: boolean;
}

@ObjectType({
  ...IN_CATALOG_SCHEMA,
  description: 'What a change of a resource would do to the grants on it, before it is made',
})
export class CatalogChangeImpact {
  @Field()
  code: string;

  @Field(() => Int, { description: 'The version the impact was computed on' })
  version: number;

  @Field(() => [CatalogGrantImpact], { description: 'Only the grants (active or not yet valid) the change touches' })
  grants: CatalogGrantImpact[];
}
