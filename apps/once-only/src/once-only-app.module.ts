import { Module } from '@nestjs/common';
import { EventsModule } from '@hub/events';
import { PersistenceModule } from '@hub/persistence';
import { SubgraphModule } from '@hub/subgraph';
import { ArchiveModule } from './archive/archive.module.js';
import { CorrectionModule } from './correction/correction.module.js';
import { RecognitionModule } from './recognition/recognition.module.js';
import { ReuseModule } from './reuse/reuse.module.js';
import { ServiceItemsModule } from './service-items/service-items.module.js';
import { OnceOnlySharedModule } from './once-only-shared.module.js';
import {
  ONCE_ONLY_DATA_CORRECTION_TOPIC,
  ONCE_ONLY_MATERIAL_TOPIC,
  ONCE_ONLY_REVIEW_RESULT_TOPIC,
} from '@hub/contracts';
import { ONCE_ONLY_CONSUMERS, OnceOnlyConsumersModule } from './once-only.consumers.js';
import { ONCE_ONLY_PERSISTENCE } from './once-only.persistence.js';
import { ONCE_ONLY_SCHEMA } from './once-only.schema.js';
import { OnceOnlyGraphQLScope } from './once-only.graphql-scope.js';
import { OnceOnlyRepositoriesModule } from './once-only.repositories.js';

/**
 * "Run at most once" (最多跑一次) as a Federation 2 subgraph: service items and the materials they
 * require; each subject's archive of materials and e-licences (一档); reuse of what is on file and
 * of base-library data (under the catalog's policy, through the gateway); review results other
 * departments recognise (互认), invalidated by the base libraries' events; data corrections (校核纠错).
 */
@Module({
  imports: [
    SubgraphModule.forRoot({
      name: 'once-only',
      include: [
        ServiceItemsModule,
        ArchiveModule,
        RecognitionModule,
        ReuseModule,
        CorrectionModule,
        OnceOnlyGraphQLScope,
      ],
    }),
    PersistenceModule.forRoot(ONCE_ONLY_PERSISTENCE),
    EventsModule.forRoot({
      app: 'once-only',
      schema: ONCE_ONLY_SCHEMA,
      topics: [
        { topic: ONCE_ONLY_MATERIAL_TOPIC, partitions: 6 },
        { topic: ONCE_ONLY_REVIEW_RESULT_TOPIC, partitions: 6 },
        { topic: ONCE_ONLY_DATA_CORRECTION_TOPIC, partitions: 3 },
      ],
      consumers: ONCE_ONLY_CONSUMERS,
    }),
    OnceOnlyGraphQLScope,
    OnceOnlyRepositoriesModule,
    OnceOnlyConsumersModule,
    OnceOnlySharedModule,
    ServiceItemsModule,
    ArchiveModule,
    RecognitionModule,
    ReuseModule,
    CorrectionModule,
  ],
})
export class OnceOnlyAppModule {}
