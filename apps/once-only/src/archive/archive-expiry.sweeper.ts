import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { ArchiveConfig } from './archive.config.js';
import { ARCHIVE_CONFIG } from './archive-content.service.js';
import { ArchiveService } from './archive.service.js';

/**
 * Marks materials past their last day of validity EXPIRED: once at boot (a hub that was down over
 * midnight catches up at once) and every ARCHIVE_EXPIRY_SWEEP_MS. The timer does not keep the
 * process alive, and shutdown waits for a sweep in progress rather than cut its transaction.
 */
@Injectable()
export class ArchiveExpirySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('ArchiveExpiry');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly archive: ArchiveService,
    @Inject(ARCHIVE_CONFIG) private readonly config: ArchiveConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), this.config.ARCHIVE_EXPIRY_SWEEP_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private sweep(): void {
    if (this.running) return;
    this.running = this.archive
      .expireDue()
      .then((expired) => {
        if (expired > 0) this.log.log(`${expired} material(s) past their validity marked EXPIRED`);
      })
      .catch((error: unknown) =>
        this.log.error(
          `the expiry sweep failed (retried at the next one): ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => (this.running = undefined));
  }
}
