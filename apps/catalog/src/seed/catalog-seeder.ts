import { rm, writeFile } from 'node:fs/promises';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createLogger } from '@hub/observability';
import { CatalogService } from '../catalog/catalog.service.js';
import { ParticipantsService } from '../participants/participants.service.js';
import { RecognitionRulesService } from '../recognition/recognition-rules.service.js';
import { readSeedCatalog } from './catalog-seed.js';

/**
 * On the first start of a hub (an empty catalog), loads the shipped departments and catalog from
 * `schemas/catalog` (or CATALOG_SEED_DIR). Later starts leave the catalog to its stewards:
 * CATALOG_SEED=off skips even the first load.
 *
 * With HUB_ADMIN_KEY_FILE set and no admin key in force, it also issues a first admin key (valid
 * 30 days: issue personal keys with it, then let it expire or revoke it) and writes it to that file,
 * readable by its owner only — never to the log. An existing file is not overwritten.
 */
@Injectable()
export class CatalogSeeder implements OnApplicationBootstrap {
  private readonly log = createLogger('catalog.seed');

  constructor(
    private readonly participants: ParticipantsService,
    private readonly catalog: CatalogService,
    private readonly recognitionRules: RecognitionRulesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.CATALOG_SEED !== 'off') await this.seed();
    const adminKeyFile = process.env.HUB_ADMIN_KEY_FILE;
    if (adminKeyFile) await this.bootstrapAdmin(adminKeyFile);
  }

  private async seed(): Promise<void> {
    const seed = await readSeedCatalog();
    const departments = await this.participants.seed(seed.departments);
    const resources = await this.catalog.seed(seed.resources, seed.departments);
    const rules = await this.recognitionRules.seed();
    if (rules) this.log.info({ rules }, 'loaded the shipped recognition rules');
    if (departments || resources) {
      this.log.info(
        { departments: seed.departments.length, resources: seed.resources.length },
        'loaded the shipped catalog into an empty catalog',
      );
    }
  }

  private async bootstrapAdmin(file: string): Promise<void> {
    let written = false;
    try {
      const keyId = await this.participants.bootstrapAdminKey(
        'bootstrap admin (HUB_ADMIN_KEY_FILE)',
        async (issued) => {
          // 'wx': an existing file (perhaps another hub's key) is never overwritten.
          await writeFile(file, `${issued.key}\n`, { mode: 0o600, flag: 'wx' });
          written = true;
        },
      );
      if (keyId)
        this.log.warn(
          { file, keyId },
          'issued a first admin key (valid 30 days) into HUB_ADMIN_KEY_FILE: issue personal keys with it, then delete the file',
        );
    } catch (error) {
      // Not stored, so not in force: a key in the file would only mislead.
      if (written) await rm(file, { force: true });
      this.log.error(
        { err: error, file },
        'could not issue a first admin key into HUB_ADMIN_KEY_FILE (an existing file is never overwritten)',
      );
    }
  }
}
