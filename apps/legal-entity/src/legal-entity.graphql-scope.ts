import { Module } from '@nestjs/common';

/**
 * The scope of this subgraph's GraphQL types. In the all-in-one process every subgraph's classes
 * are loaded together, and two of them may share a GraphQL name (this subgraph's `Person` key stub
 * and the population library's `Person`): Nest builds each schema only from the types registered
 * in the scopes it includes.
 */
@Module({})
export class LegalEntityGraphQLScope {}

export const IN_LEGAL_ENTITY_SCHEMA = { registerIn: () => LegalEntityGraphQLScope };
