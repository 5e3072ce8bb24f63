import { Module } from '@nestjs/common';
import { loadConfig } from '@hub/config';
import { ArchiveConfig } from './archive.config.js';
import { ARCHIVE_CONFIG, ArchiveContentService } from './archive-content.service.js';
import { ArchiveContentController } from './archive-content.controller.js';
import { ArchiveExpirySweeper } from './archive-expiry.sweeper.js';
import { ArchiveResolver, MaterialResolver } from './archive.resolver.js';
import { ArchiveService } from './archive.service.js';

/** The archive (一档管理): materials and e-licences, their streamed content, their lifecycle. */
@Module({
  controllers: [ArchiveContentController],
  providers: [
    { provide: ARCHIVE_CONFIG, useFactory: () => loadConfig(ArchiveConfig) },
    ArchiveService,
    ArchiveContentService,
    ArchiveExpirySweeper,
    ArchiveResolver,
    MaterialResolver,
  ],
  exports: [ArchiveService],
})
export class ArchiveModule {}
