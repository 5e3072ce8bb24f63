import { Module } from '@nestjs/common';
import { loadConfig } from '@hub/config';
import { PolicyModule } from '../policy/policy.module.js';
import { AccessLogReaders } from './access-log-readers.js';
import { createLogger } from '@hub/observability';
import { AccessLogSeal } from './access-log-seal.js';
import { AuditKey, loadAuditKey } from './audit-key.js';
import { AuditConfig } from './audit.config.js';
import { AccessRecordController } from './audit.controller.js';
import { AccessLogResolver } from './audit.resolver.js';
import { AccessLog } from './audit.service.js';
import { CheckpointStore } from './checkpoint-store.js';
import { SupervisionConfig } from '@hub/subgraph';

/**
 * The access log: the gateway's records come in through the controller, stewards read and verify
 * them through the resolver (who reads whose log: access-log-readers.ts), the seal writes signed
 * checkpoints outside the database. Needs the app's repositories (AccessLogRepository) and
 * EventsModule (UnitOfWork), both global. The audit key is read (or created) when the app is
 * created: a bad key stops the start.
 */
@Module({
  // The policy snapshot says which departments provide data about which subjects, and how a reader sees citizen IDs.
  imports: [PolicyModule],
  controllers: [AccessRecordController],
  providers: [
    // Read when the app is created, not when this module is imported: the environment is final then.
    { provide: AuditConfig, useFactory: () => loadConfig(AuditConfig) },
    {
      provide: AuditKey,
      inject: [AuditConfig],
      useFactory: async (config: AuditConfig) => {
        const { key, source, created } = await loadAuditKey(config);
        if (created) {
          createLogger('catalog.audit').warn(
            { file: source, keyId: key.keyId },
            'created a new audit key for the access log: back it up, keep it off the database host, and give every catalog process of this hub the same key',
          );
        }
        return key;
      },
    },
    {
      provide: CheckpointStore,
      inject: [AuditConfig, AuditKey],
      useFactory: (config: AuditConfig, key: AuditKey) => new CheckpointStore(config.AUDIT_CHECKPOINT_FILE, key),
    },
    AccessLog,
    AccessLogSeal,
    AccessLogResolver,
    AccessLogReaders,
    { provide: SupervisionConfig, useFactory: () => loadConfig(SupervisionConfig) },
  ],
  exports: [AccessLog, AccessLogSeal],
})
export class AuditModule {}
