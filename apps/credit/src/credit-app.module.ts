import { Module } from '@nestjs/common';
import { CREDIT_RECORD_TOPIC } from '@hub/contracts';
import { EventsModule } from '@hub/events';
import { PersistenceModule } from '@hub/persistence';
import { SubgraphModule } from '@hub/subgraph';
import { LegalEntityCredit, PersonCredit } from './credit-record/credit-record.model.js';
import { CreditRecordModule } from './credit-record/credit-record.module.js';
import { legalEntityStandingConsumer } from './standing/legal-entity-standing.consumer.js';
import { CREDIT_PERSISTENCE } from './credit.persistence.js';
import { CREDIT_SCHEMA } from './credit.schema.js';
import { CreditGraphQLScope } from './credit.graphql-scope.js';

/** The social-credit base library (社会信用库) as a Federation 2 subgraph, extending LegalEntity and Person. */
@Module({
  imports: [
    SubgraphModule.forRoot({
      name: 'credit',
      include: [CreditRecordModule, CreditGraphQLScope],
      orphanedTypes: [LegalEntityCredit, PersonCredit],
    }),
    PersistenceModule.forRoot(CREDIT_PERSISTENCE),
    EventsModule.forRoot({
      app: 'credit',
      schema: CREDIT_SCHEMA,
      topics: [{ topic: CREDIT_RECORD_TOPIC, partitions: 6 }],
      consumers: [legalEntityStandingConsumer],
    }),
    CreditGraphQLScope,
    CreditRecordModule,
  ],
})
export class CreditAppModule {}
