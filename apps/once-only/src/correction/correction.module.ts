import { Module } from '@nestjs/common';
import { loadConfig } from '@hub/config';
import { CorrectionConfig } from './correction.config.js';
import { CorrectionFieldsResolver } from './correction-fields.resolver.js';
import { CorrectionSupervisionResolver } from './correction-supervision.js';
import { CorrectionResolver } from './correction.resolver.js';
import { CorrectionService } from './correction.service.js';
import { SupervisionConfig } from '@hub/subgraph';

/** Data corrections (校核纠错); the consumer that closes them is in once-only.consumers.ts. */
@Module({
  providers: [
    CorrectionService,
    CorrectionResolver,
    CorrectionFieldsResolver,
    { provide: CorrectionConfig, useFactory: () => loadConfig(CorrectionConfig) },
    // Supervision (督办) across departments: correction-supervision.ts.
    CorrectionSupervisionResolver,
    { provide: SupervisionConfig, useFactory: () => loadConfig(SupervisionConfig) },
  ],
})
export class CorrectionModule {}
