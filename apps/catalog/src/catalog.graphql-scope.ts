import { Module } from '@nestjs/common';

/** The scope of this subgraph's GraphQL types (see the legal-entity library's for why). */
@Module({})
export class CatalogGraphQLScope {}

export const IN_CATALOG_SCHEMA = { registerIn: () => CatalogGraphQLScope };
