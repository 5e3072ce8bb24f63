import { Module } from '@nestjs/common';

/** The scope of this subgraph's GraphQL types (see the legal-entity library's for why). */
@Module({})
export class OnceOnlyGraphQLScope {}

export const IN_ONCE_ONLY_SCHEMA = { registerIn: () => OnceOnlyGraphQLScope };
