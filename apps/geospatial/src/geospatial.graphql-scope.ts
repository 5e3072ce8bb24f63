import { Module } from '@nestjs/common';

/** The scope of this subgraph's GraphQL types (see the legal-entity library's for why). */
@Module({})
export class GeospatialGraphQLScope {}

export const IN_GEOSPATIAL_SCHEMA = { registerIn: () => GeospatialGraphQLScope };
