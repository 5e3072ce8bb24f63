import { Module } from '@nestjs/common';

/** The scope of this subgraph's GraphQL types (see the legal-entity library's for why). */
@Module({})
export class PopulationGraphQLScope {}

export const IN_POPULATION_SCHEMA = { registerIn: () => PopulationGraphQLScope };
