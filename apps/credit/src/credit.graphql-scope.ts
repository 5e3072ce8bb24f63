import { Module } from '@nestjs/common';

/** The scope of this subgraph's GraphQL types (see the legal-entity library's for why). */
@Module({})
export class CreditGraphQLScope {}

export const IN_CREDIT_SCHEMA = { registerIn: () => CreditGraphQLScope };
