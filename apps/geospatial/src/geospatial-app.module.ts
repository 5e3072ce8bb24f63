import { Module } from '@nestjs/common';
import { GEOSPATIAL_STANDARD_ADDRESS_TOPIC } from '@hub/contracts';
import { EventsModule } from '@hub/events';
import { PersistenceModule } from '@hub/persistence';
import { SubgraphModule } from '@hub/subgraph';
import { GeospatialGraphQLScope } from './geospatial.graphql-scope.js';
import { LegalEntityRef, PersonRef } from './geospatial.models.js';
import { GeospatialModule } from './geospatial.module.js';
import { GEOSPATIAL_PERSISTENCE } from './geospatial.persistence.js';
import { GEOSPATIAL_SCHEMA } from './geospatial.schema.js';
import { locationConsumer } from './location/location.consumer.js';

/** The geospatial base library (地理空间库) as a Federation 2 subgraph: PostGIS, CGCS2000. */
@Module({
  imports: [
    SubgraphModule.forRoot({
      name: 'geospatial',
      include: [GeospatialModule, GeospatialGraphQLScope],
      orphanedTypes: [LegalEntityRef, PersonRef],
    }),
    PersistenceModule.forRoot(GEOSPATIAL_PERSISTENCE),
    EventsModule.forRoot({
      app: 'geospatial',
      schema: GEOSPATIAL_SCHEMA,
      topics: [{ topic: GEOSPATIAL_STANDARD_ADDRESS_TOPIC, partitions: 6 }],
      consumers: [locationConsumer],
    }),
    GeospatialGraphQLScope,
    GeospatialModule,
  ],
})
export class GeospatialAppModule {}
