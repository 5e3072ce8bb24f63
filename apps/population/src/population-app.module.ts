import { Module } from '@nestjs/common';
import { POPULATION_PERSON_TOPIC } from '@hub/contracts';
import { EventsModule } from '@hub/events';
import { PersistenceModule } from '@hub/persistence';
import { SubgraphModule } from '@hub/subgraph';
import { PersonModule } from './person/person.module.js';
import { POPULATION_PERSISTENCE } from './population.persistence.js';
import { POPULATION_SCHEMA } from './population.schema.js';
import { PopulationGraphQLScope } from './population.graphql-scope.js';

/** The population base library (人口库) as a Federation 2 subgraph with bulk ingest. */
@Module({
  imports: [
    SubgraphModule.forRoot({ name: 'population', include: [PersonModule, PopulationGraphQLScope] }),
    PersistenceModule.forRoot(POPULATION_PERSISTENCE),
    EventsModule.forRoot({
      app: 'population',
      schema: POPULATION_SCHEMA,
      topics: [{ topic: POPULATION_PERSON_TOPIC, partitions: 6 }],
    }),
    PopulationGraphQLScope,
    PersonModule,
  ],
})
export class PopulationAppModule {}
