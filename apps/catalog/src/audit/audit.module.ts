import { Module } from '@nestjs/common';
import { loadConfig } from '@hub/config';
import { PolicyModule } from '../policy/policy.module.js';
import { AccessLogReaders, AccessLogReadersConfig } from './access-log-readers.js';
import { AccessRecordController } from './audit.controller.js';
import { AccessLogResolver } from './audit.resolver.js';
import { AccessLog } from './audit.service.js';

/**
 * The access log: the gateway's records come in through the controller, stewards read and verify
 * them through the resolver (who reads whose log: access-log-readers.ts). Needs the app's
 * PersistenceModule (the DataSource) and EventsModule (EventPublisher), both global.
 */
@Module({
  // The policy snapshot says which departments provide data about which subjects, and how a reader sees citizen IDs.
  imports: [PolicyModule],
  controllers: [AccessRecordController],
  providers: [AccessLog, AccessLogResolver, AccessLogReaders, { provide: AccessLogReadersConfig, useFactory: () => loadConfig(AccessLogReadersConfig) }],
  exports: [AccessLog],
})
export class AuditModule {}
