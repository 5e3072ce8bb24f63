/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {\n    searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchCatalogDocument,
    "\n  query CatalogDepartments {\n    departments {\n      uscc\n      name\n    }\n  }\n": typeof types.CatalogDepartmentsDocument,
    "\n  query CatalogResourceDetail($code: String!) {\n    catalogResource(code: $code) {\n      code\n      classification\n      name\n      providerUscc\n      providerName\n      summary\n      format\n      sharingType\n      sharingConditions\n      sharingMethod\n      openAttribute\n      updateCycle\n      publishedOn\n      relatedCodes\n      status\n      version\n      updatedAt\n      items {\n        id\n        no\n        name\n        dataType\n        fields\n        arguments\n        sensitivity\n        masking\n        maskUnless {\n          field\n          values\n        }\n        dataClass\n        description\n      }\n    }\n  }\n": typeof types.CatalogResourceDetailDocument,
    "\n  query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {\n    catalogChangeImpact(code: $code, change: $change, update: $update) {\n      code\n      version\n      grants {\n        grantId\n        consumerSystemCode\n        consumerSystemName\n        consumerDepartmentName\n        validTo\n        lostItems\n        notSharedItems\n        losesAll\n      }\n    }\n  }\n": typeof types.CatalogChangeImpactDocument,
    "\n  mutation CreateCatalogResource($input: CatalogResourceInput!) {\n    createCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.CreateCatalogResourceDocument,
    "\n  mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {\n    updateCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.UpdateCatalogResourceDocument,
    "\n  mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {\n    publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.PublishCatalogResourceDocument,
    "\n  mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {\n    retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": typeof types.RetireCatalogResourceDocument,
};
const documents: Documents = {
    "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {\n    searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchCatalogDocument,
    "\n  query CatalogDepartments {\n    departments {\n      uscc\n      name\n    }\n  }\n": types.CatalogDepartmentsDocument,
    "\n  query CatalogResourceDetail($code: String!) {\n    catalogResource(code: $code) {\n      code\n      classification\n      name\n      providerUscc\n      providerName\n      summary\n      format\n      sharingType\n      sharingConditions\n      sharingMethod\n      openAttribute\n      updateCycle\n      publishedOn\n      relatedCodes\n      status\n      version\n      updatedAt\n      items {\n        id\n        no\n        name\n        dataType\n        fields\n        arguments\n        sensitivity\n        masking\n        maskUnless {\n          field\n          values\n        }\n        dataClass\n        description\n      }\n    }\n  }\n": types.CatalogResourceDetailDocument,
    "\n  query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {\n    catalogChangeImpact(code: $code, change: $change, update: $update) {\n      code\n      version\n      grants {\n        grantId\n        consumerSystemCode\n        consumerSystemName\n        consumerDepartmentName\n        validTo\n        lostItems\n        notSharedItems\n        losesAll\n      }\n    }\n  }\n": types.CatalogChangeImpactDocument,
    "\n  mutation CreateCatalogResource($input: CatalogResourceInput!) {\n    createCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": types.CreateCatalogResourceDocument,
    "\n  mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {\n    updateCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n": types.UpdateCatalogResourceDocument,
    "\n  mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {\n    publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": types.PublishCatalogResourceDocument,
    "\n  mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {\n    retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n": types.RetireCatalogResourceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchCatalog($filter: CatalogSearchFilter, $first: Int!, $after: String, $orderBy: CatalogOrderBy) {\n    searchCatalog(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        code\n        name\n        providerName\n        providerUscc\n        sharingType\n        updateCycle\n        status\n        version\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SearchCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogDepartments {\n    departments {\n      uscc\n      name\n    }\n  }\n"): typeof import('./graphql').CatalogDepartmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogResourceDetail($code: String!) {\n    catalogResource(code: $code) {\n      code\n      classification\n      name\n      providerUscc\n      providerName\n      summary\n      format\n      sharingType\n      sharingConditions\n      sharingMethod\n      openAttribute\n      updateCycle\n      publishedOn\n      relatedCodes\n      status\n      version\n      updatedAt\n      items {\n        id\n        no\n        name\n        dataType\n        fields\n        arguments\n        sensitivity\n        masking\n        maskUnless {\n          field\n          values\n        }\n        dataClass\n        description\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogResourceDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogChangeImpact($code: String!, $change: CatalogChangeKind!, $update: UpdateCatalogResourceInput) {\n    catalogChangeImpact(code: $code, change: $change, update: $update) {\n      code\n      version\n      grants {\n        grantId\n        consumerSystemCode\n        consumerSystemName\n        consumerDepartmentName\n        validTo\n        lostItems\n        notSharedItems\n        losesAll\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogChangeImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCatalogResource($input: CatalogResourceInput!) {\n    createCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').CreateCatalogResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {\n    updateCatalogResource(input: $input) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').UpdateCatalogResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {\n    publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').PublishCatalogResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {\n    retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {\n      code\n      version\n      status\n    }\n  }\n"): typeof import('./graphql').RetireCatalogResourceDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
