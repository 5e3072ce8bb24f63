/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CatalogSearchFilter = {
  /** A classification code or its prefix (类, 类项, …) */
  classification?: string | null | undefined;
  providerUscc?: string | null | undefined;
  sharingType?: SharingType | null | undefined;
  /** Default: PUBLISHED */
  status?: ResourceStatus | null | undefined;
  /** Part of the name or summary */
  text?: string | null | undefined;
};

/** DRAFT → PUBLISHED → RETIRED; only published resources govern fields */
export type ResourceStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'RETIRED';

/** 共享类型 */
export type SharingType =
  /** 有条件共享: needs an approved sharing application */
  | 'CONDITIONAL'
  /** 不予共享: the provider department only */
  | 'NOT_SHARED'
  /** 无条件共享: any authenticated department system */
  | 'UNCONDITIONAL';

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
}>;


export type SearchCatalogQuery = { searchCatalog: { nodes: Array<{ code: string, name: string, providerName: string | null, providerUscc: string, sharingType: SharingType, updateCycle: UpdateCycle, status: ResourceStatus, version: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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
    query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String) {
  searchCatalog(filter: $filter, first: $first, after: $after) {
    nodes {
      code
      name
      providerName
      providerUscc
      sharingType
      updateCycle
      status
      version
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SearchCatalogQuery, SearchCatalogQueryVariables>;