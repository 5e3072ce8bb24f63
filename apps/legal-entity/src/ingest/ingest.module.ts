import { Module } from '@nestjs/common';
import { IngestController } from './ingest.controller.js';
import { IngestService } from './ingest.service.js';

/** Bulk ingest of department extracts (NDJSON / CSV) over HTTP; the CLI `npm run ingest` calls it. */
@Module({
  controllers: [IngestController],
  providers: [IngestService],
  exports: [IngestService],
})
export class IngestModule {}
