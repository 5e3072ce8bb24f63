/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CatalogChangeKind =
  | 'PUBLISH'
  | 'RETIRE'
  | 'UPDATE';

/** The order of searchCatalog; a cursor is valid only for the order it was handed out with */
export type CatalogOrderBy = {
  direction?: CatalogSortDirection;
  field: CatalogSortField;
};

/** A new catalog resource; it starts as a DRAFT */
export type CatalogResourceInput = {
  /** Classification code + "/" + 6-digit sequence, e.g. 10101001/000009 */
  code: string;
  format: ResourceFormat;
  items: Array<DataItemInput>;
  name: string;
  openAttribute: OpenAttribute;
  providerUscc: string;
  relatedCodes?: Array<string> | null | undefined;
  sharingConditions?: string | null | undefined;
  sharingMethod: SharingMethod;
  sharingType: SharingType;
  summary: string;
  updateCycle: UpdateCycle;
};

export type CatalogSearchFilter = {
  /** A classification code or its prefix (类, 类项, …) */
  classification?: string | null | undefined;
  providerUscc?: string | null | undefined;
  sharingType?: SharingType | null | undefined;
  /** Default: PUBLISHED */
  status?: ResourceStatus | null | undefined;
  /** Part of the name or summary */
  text?: string | null | undefined;
  /** 更新周期 */
  updateCycle?: UpdateCycle | null | undefined;
};

export type CatalogSortDirection =
  | 'ASC'
  | 'DESC';

/** What searchCatalog sorts by (the resource code breaks ties) */
export type CatalogSortField =
  | 'CODE'
  | 'NAME'
  | 'UPDATED_AT';

/** What a data item's values are (数据分类); personal classes in shared resources need a masking rule that fits; see docs/catalog.md §2 */
export type DataClass =
  | 'ADDRESS'
  | 'BIRTH_DATE'
  | 'CITIZEN_ID'
  | 'CODE'
  | 'COORDINATES'
  | 'DATE'
  | 'IDENTIFIER'
  | 'NUMBER'
  | 'ORGANISATION_ID'
  | 'ORGANISATION_NAME'
  | 'OTHER'
  | 'PERSON_CATEGORY'
  | 'PERSON_DATE'
  | 'PERSON_NAME'
  | 'PERSON_RECORD'
  | 'PERSON_RECORD_ID'
  | 'PERSON_TEXT'
  | 'PHONE'
  | 'PLACE'
  | 'RECORD_ID'
  | 'RELAYED'
  | 'STRUCTURE'
  | 'SUBJECT_CATEGORY'
  | 'SUBJECT_COORDINATES'
  | 'SUBJECT_ID'
  | 'SUBJECT_NAME'
  | 'SUBJECT_TEXT'
  | 'TEXT';

export type DataItemInput = {
  /** Argument coordinates this item governs — filtering or looking up by them reads it: `Type.field(path)`, e.g. Query.searchPersons(filter.name), or `Type.field(selector: VALUE, path)` */
  arguments?: Array<string> | null | undefined;
  /** What the values are; a personal class in a shared resource needs a masking rule that fits it */
  dataClass: DataClass;
  dataType: DataItemType;
  description?: string | null | undefined;
  /** `Type.field` coordinates this item governs */
  fields: Array<string>;
  /** When the masking rule does not apply (a sibling says the subject is not a natural person) */
  maskUnless?: MaskUnlessInput | null | undefined;
  masking?: MaskingRule | null | undefined;
  name: string;
  no: number;
  sensitivity: Sensitivity;
};

export type DataItemType =
  | 'BOOLEAN'
  | 'CODE'
  | 'DATE'
  | 'DATETIME'
  | 'GEOMETRY'
  | 'LIST'
  | 'NUMBER'
  | 'OBJECT'
  | 'STRING';

/** When the masking rule does not apply: a sibling field of the masked value and the values that exempt it */
export type MaskUnlessInput = {
  /** A field beside every field of the item, e.g. subjectType */
  field: string;
  /** Values of that field for which the rule does not apply, e.g. LEGAL_ENTITY */
  values: Array<string>;
};

/** How values are masked (脱敏) for a caller without full values; see docs/catalog.md */
export type MaskingRule =
  | 'ADDRESS'
  | 'CITIZEN_ID'
  | 'COORDINATE'
  | 'DATE_YEAR'
  | 'NAME'
  | 'PHONE'
  | 'RECORD_ID'
  | 'REDACT'
  | 'SUBJECT_ID';

/** 开放属性 */
export type OpenAttribute =
  | 'CONDITIONALLY_OPEN'
  | 'NOT_OPEN'
  | 'OPEN';

/** 资源格式 */
export type ResourceFormat =
  | 'DATABASE'
  | 'ELECTRONIC_FILE'
  | 'GRAPHIC_IMAGE'
  | 'OTHER'
  | 'STREAMING_MEDIA';

/** DRAFT → PUBLISHED → RETIRED; only published resources govern fields */
export type ResourceStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'RETIRED';

/** How sensitive a data item is (PIPL: 个人信息, 敏感个人信息) */
export type Sensitivity =
  | 'INTERNAL'
  | 'PERSONAL'
  | 'PUBLIC'
  | 'SENSITIVE_PERSONAL';

/** 共享方式 */
export type SharingMethod =
  | 'API'
  | 'FILE'
  | 'TABLE';

/** 共享类型 */
export type SharingType =
  /** 有条件共享: needs an approved sharing application */
  | 'CONDITIONAL'
  /** 不予共享: the provider department only */
  | 'NOT_SHARED'
  /** 无条件共享: any authenticated department system */
  | 'UNCONDITIONAL';

/** Changes to a resource; absent properties stay as they are */
export type UpdateCatalogResourceInput = {
  code: string;
  /** The version you edited: a change on top of someone else's is refused (VERSION_CONFLICT) */
  expectedVersion: number;
  format?: ResourceFormat | null | undefined;
  /** The complete new list of items */
  items?: Array<DataItemInput> | null | undefined;
  name?: string | null | undefined;
  openAttribute?: OpenAttribute | null | undefined;
  relatedCodes?: Array<string> | null | undefined;
  sharingConditions?: string | null | undefined;
  sharingMethod?: SharingMethod | null | undefined;
  sharingType?: SharingType | null | undefined;
  summary?: string | null | undefined;
  updateCycle?: UpdateCycle | null | undefined;
};

/** 更新周期 */
export type UpdateCycle =
  | 'DAILY'
  | 'HALF_YEARLY'
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'REAL_TIME'
  | 'WEEKLY'
  | 'YEARLY';

export type SearchCatalogQueryVariables = Exact<{
  filter?: CatalogSearchFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
  orderBy?: CatalogOrderBy | null | undefined;
}>;


export type SearchCatalogQuery = { searchCatalog: { nodes: Array<{ code: string, name: string, providerName: string | null, providerUscc: string, sharingType: SharingType, updateCycle: UpdateCycle, status: ResourceStatus, version: number, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CatalogDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogDepartmentsQuery = { departments: Array<{ uscc: string, name: string }> };

export type CatalogResourceDetailQueryVariables = Exact<{
  code: string;
}>;


export type CatalogResourceDetailQuery = { catalogResource: { code: string, classification: string, name: string, providerUscc: string, providerName: string | null, summary: string, format: ResourceFormat, sharingType: SharingType, sharingConditions: string | null, sharingMethod: SharingMethod, openAttribute: OpenAttribute, updateCycle: UpdateCycle, publishedOn: string | null, relatedCodes: Array<string>, status: ResourceStatus, version: number, updatedAt: string, items: Array<{ id: string, no: number, name: string, dataType: DataItemType, fields: Array<string>, arguments: Array<string>, sensitivity: Sensitivity, masking: MaskingRule | null, dataClass: DataClass | null, description: string | null, maskUnless: { field: string, values: Array<string> } | null }> } | null };

export type CatalogChangeImpactQueryVariables = Exact<{
  code: string;
  change: CatalogChangeKind;
  update?: UpdateCatalogResourceInput | null | undefined;
}>;


export type CatalogChangeImpactQuery = { catalogChangeImpact: { code: string, version: number, grants: Array<{ grantId: string, consumerSystemCode: string, consumerSystemName: string | null, consumerDepartmentName: string | null, validTo: string, lostItems: Array<number>, notSharedItems: Array<number>, losesAll: boolean }> } };

export type CreateCatalogResourceMutationVariables = Exact<{
  input: CatalogResourceInput;
}>;


export type CreateCatalogResourceMutation = { createCatalogResource: { code: string, version: number, status: ResourceStatus } };

export type UpdateCatalogResourceMutationVariables = Exact<{
  input: UpdateCatalogResourceInput;
}>;


export type UpdateCatalogResourceMutation = { updateCatalogResource: { code: string, version: number, status: ResourceStatus } };

export type PublishCatalogResourceMutationVariables = Exact<{
  code: string;
  expectedVersion: number;
}>;


export type PublishCatalogResourceMutation = { publishCatalogResource: { code: string, version: number, status: ResourceStatus } };

export type RetireCatalogResourceMutationVariables = Exact<{
  code: string;
  expectedVersion: number;
}>;


export type RetireCatalogResourceMutation = { retireCatalogResource: { code: string, version: number, status: ResourceStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SearchCatalogDocument = new TypedDocumentString(`
    query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {
  searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    nodes {
      code
      name
      providerName
      providerUscc
      sharingType
      updateCycle
      status
      version
      updatedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SearchCatalogQuery, SearchCatalogQueryVariables>;
export const CatalogDepartmentsDocument = new TypedDocumentString(`
    query CatalogDepartments {
  departments {
    uscc
    name
  }
}
    `) as unknown as TypedDocumentString<CatalogDepartmentsQuery, CatalogDepartmentsQueryVariables>;
export const CatalogResourceDetailDocument = new TypedDocumentString(`
    query CatalogResourceDetail($code: String!) {
  catalogResource(code: $code) {
    code
    classification
    name
    providerUscc
    providerName
    summary
    format
    sharingType
    sharingConditions
    sharingMethod
    openAttribute
    updateCycle
    publishedOn
    relatedCodes
    status
    version
    updatedAt
    items {
      id
      no
      name
      dataType
      fields
      arguments
      sensitivity
      masking
      maskUnless {
        field
        values
      }
      dataClass
      description
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogResourceDetailQuery, CatalogResourceDetailQueryVariables>;
export const CatalogChangeImpactDocument = new TypedDocumentString(`
    query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {
  catalogChangeImpact(code: $code, change: $change, update: $update) {
    code
    version
    grants {
      grantId
      consumerSystemCode
      consumerSystemName
      consumerDepartmentName
      validTo
      lostItems
      notSharedItems
      losesAll
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogChangeImpactQuery, CatalogChangeImpactQueryVariables>;
export const CreateCatalogResourceDocument = new TypedDocumentString(`
    mutation CreateCatalogResource($input: CatalogResourceInput!) {
  createCatalogResource(input: $input) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<CreateCatalogResourceMutation, CreateCatalogResourceMutationVariables>;
export const UpdateCatalogResourceDocument = new TypedDocumentString(`
    mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {
  updateCatalogResource(input: $input) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<UpdateCatalogResourceMutation, UpdateCatalogResourceMutationVariables>;
export const PublishCatalogResourceDocument = new TypedDocumentString(`
    mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {
  publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<PublishCatalogResourceMutation, PublishCatalogResourceMutationVariables>;
export const RetireCatalogResourceDocument = new TypedDocumentString(`
    mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {
  retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {
    code
    version
    status
  }
}
    `) as unknown as TypedDocumentString<RetireCatalogResourceMutation, RetireCatalogResourceMutationVariables>;