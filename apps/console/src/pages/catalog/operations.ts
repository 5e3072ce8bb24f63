// The catalog page's GraphQL operations (typed by `npm run console:codegen`).
import { graphql } from '../../gql';

export const SearchCatalog = graphql(`
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
`);

export const CatalogResourceDetail = graphql(`
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
`);

export const CatalogChangeImpactQuery = graphql(`
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
`);

export const CreateCatalogResource = graphql(`
  mutation CreateCatalogResource($input: CatalogResourceInput!) {
    createCatalogResource(input: $input) {
      code
      version
      status
    }
  }
`);

export const UpdateCatalogResource = graphql(`
  mutation UpdateCatalogResource($input: UpdateCatalogResourceInput!) {
    updateCatalogResource(input: $input) {
      code
      version
      status
    }
  }
`);

export const PublishCatalogResource = graphql(`
  mutation PublishCatalogResource($code: String!, $expectedVersion: Int!) {
    publishCatalogResource(code: $code, expectedVersion: $expectedVersion) {
      code
      version
      status
    }
  }
`);

export const RetireCatalogResource = graphql(`
  mutation RetireCatalogResource($code: String!, $expectedVersion: Int!) {
    retireCatalogResource(code: $code, expectedVersion: $expectedVersion) {
      code
      version
      status
    }
  }
`);
