import { Module } from '@nestjs/common';
import { EventsModule } from '@hub/events';
import { PersistenceModule } from '@hub/persistence';
import { SubgraphModule } from '@hub/subgraph';
import { AuditModule } from './audit/audit.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { WorkingDayCalendarStoreModule } from './calendar/working-day-calendar-store.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { PolicyModule } from './policy/policy.module.js';
import { RecognitionRulesModule } from './recognition/recognition-rules.module.js';
import { CatalogSeeder } from './seed/catalog-seeder.js';
import { SharingModule } from './sharing/sharing.module.js';
import {
  CATALOG_ACCESS_RECORD_TOPIC as ACCESS_RECORD_TOPIC,
  CATALOG_POLICY_TOPIC as POLICY_TOPIC,
  CATALOG_SHARING_APPLICATION_TOPIC as SHARING_APPLICATION_TOPIC,
} from '@hub/contracts';
import { CATALOG_PERSISTENCE } from './catalog.persistence.js';
import { CATALOG_SCHEMA } from './catalog.schema.js';
import { CatalogGraphQLScope } from './catalog.graphql-scope.js';
import { CatalogRepositoriesModule } from './catalog.repositories.js';

/**
 * The data-sharing catalog (数据共享目录) as a Federation 2 subgraph: departments, systems and keys;
 * resources with their data items; sharing applications and grants; the hash-chained access log.
 * It also serves the gateway the policy it enforces (GET /internal/policy) and takes its access
 * records (POST /internal/access-records). It keeps the working-day calendar's yearly notices.
 */
@Module({
  imports: [
    SubgraphModule.forRoot({
      name: 'catalog',
      include: [
        ParticipantsModule,
        CatalogModule,
        SharingModule,
        CalendarModule,
        PolicyModule,
        AuditModule,
        RecognitionRulesModule,
        CatalogGraphQLScope,
      ],
    }),
    PersistenceModule.forRoot(CATALOG_PERSISTENCE),
    EventsModule.forRoot({
      app: 'catalog',
      schema: CATALOG_SCHEMA,
      topics: [
        { topic: POLICY_TOPIC, partitions: 3 },
        { topic: SHARING_APPLICATION_TOPIC, partitions: 3 },
        { topic: ACCESS_RECORD_TOPIC, partitions: 6 },
      ],
    }),
    CatalogGraphQLScope,
    CatalogRepositoriesModule,
    ParticipantsModule,
    CatalogModule,
    WorkingDayCalendarStoreModule,
    SharingModule,
    CalendarModule,
    PolicyModule,
    AuditModule,
    RecognitionRulesModule,
  ],
  providers: [CatalogSeeder],
})
export class CatalogAppModule {}
