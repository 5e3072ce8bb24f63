import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createLogger } from '@hub/observability';
import { CatalogService } from '../catalog/catalog.service.js';
import { ParticipantsService } from '../participants/participants.service.js';
import { readSeedCatalog } from './catalog-seed.js';

/**
 * On the first start of a hub (an empty catalog), loads the shipped departments and catalog from
 * `schemas/catalog` (or CATALOG_SEED_DIR). Later starts leave the catalog to its stewards:
 * CATALOG_SEED=off skips even the first load.
 */
@Injectable()
export class CatalogSeeder implements OnApplicationBootstrap {
  private readonly log = createLogger('catalog.seed');

  constructor(
    private readonly participants: ParticipantsService,
    private readonly catalog: CatalogService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.CATALOG_SEED === 'off') return;
    const seed = await readSeedCatalog();
    const departments = await this.participants.seed(seed.departments);
    const resources = await this.catalog.seed(seed.resources, seed.departments);
    if (departments || resources) {
      this.log.info({ departments: seed.departments.length, resources: seed.resources.length }, 'loaded the shipped catalog into an empty catalog');
    }
  }
}
