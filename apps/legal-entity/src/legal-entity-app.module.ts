import { Module } from '@nestjs/common';
import { LEGAL_ENTITY_TOPIC } from '@hub/contracts';
import { EventsModule } from '@hub/events';
import { PersistenceModule } from '@hub/persistence';
import { SubgraphModule } from '@hub/subgraph';
import { LegalEntityModule } from './legal-entity/legal-entity.module.js';
import { Person } from './legal-entity/person.model.js';
import { representativeDeathConsumer } from './representative/representative-death.consumer.js';
import { LEGAL_ENTITY_PERSISTENCE } from './legal-entity.persistence.js';
import { LEGAL_ENTITY_SCHEMA } from './legal-entity.schema.js';
import { LegalEntityGraphQLScope } from './legal-entity.graphql-scope.js';

/** The legal-entity base library (法人库) as a Federation 2 subgraph with bulk ingest. */
@Module({
  imports: [
    SubgraphModule.forRoot({
      name: 'legal-entity',
      include: [LegalEntityModule, LegalEntityGraphQLScope],
      orphanedTypes: [Person],
    }),
    PersistenceModule.forRoot(LEGAL_ENTITY_PERSISTENCE),
    EventsModule.forRoot({
      app: 'legal-entity',
      schema: LEGAL_ENTITY_SCHEMA,
      topics: [{ topic: LEGAL_ENTITY_TOPIC, partitions: 6 }],
      consumers: [representativeDeathConsumer],
    }),
    LegalEntityGraphQLScope,
    LegalEntityModule,
  ],
})
export class LegalEntityAppModule {}
