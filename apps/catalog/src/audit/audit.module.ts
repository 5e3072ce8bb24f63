import { Module } from '@nestjs/common';
import { AccessRecordController } from './audit.controller.js';
import { AccessLogResolver } from './audit.resolver.js';
import { AccessLog } from './audit.service.js';

/**
 * The access log: the gateway's records come in through the controller, stewards read and verify
 * them through the resolver. Needs the app's PersistenceModule (the DataSource) and EventsModule
 * (EventPublisher), both global.
 */
@Module({
  controllers: [AccessRecordController],
  providers: [AccessLog, AccessLogResolver],
  exports: [AccessLog],
})
export class AuditModule {}
