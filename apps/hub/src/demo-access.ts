import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { hashSecret } from '@hub/auth';
import { chinaDate } from '@hub/identifiers';
import { CatalogService } from '../../catalog/src/catalog/catalog.service.js';
import { ParticipantsService, type PresetKey } from '../../catalog/src/participants/participants.service.js';
import { SharingService } from '../../catalog/src/sharing/sharing.service.js';
import { DEMO_KEYS, demoPrincipal, demoSecret } from './demo-keys.js';

export { DEMO_KEYS, demoKey, demoPrincipal } from './demo-keys.js';

/** The one-window system of the demo reads these conditional resources under approved grants. */
const WINDOW_GRANTS = [
  { resourceCode: '102002001/000001', steward: 'amrSteward' },
  { resourceCode: '104004001/000001', steward: 'steward' },
  { resourceCode: '103004002/000001', steward: 'steward' },
] as const;

/**
 * Gives the demo its keys and the one-window system its grants (applied for and approved through
 * the catalog like any other), so GraphiQL shows allowed, masked and refused data out of the box.
 */
export async function loadDemoAccess(catalog: INestApplication, log: Logger): Promise<void> {
  const participants = catalog.get(ParticipantsService);
  const keys: PresetKey[] = Object.values(DEMO_KEYS).map((k) => ({
    issued: { id: k.id, key: `hubk_${k.id}_${demoSecret(k.id)}`, secretHash: hashSecret(demoSecret(k.id)) },
    roles: [...k.roles],
    departmentUscc: k.departmentUscc,
    systemCode: k.systemCode,
    holderName: k.holderName,
  }));
  const made = await participants.ensurePresetKeys(keys);
  const sharing = catalog.get(SharingService);
  const existing = await sharing.grants(demoPrincipal('admin'), { systemCode: DEMO_KEYS.window.systemCode });
  let granted = 0;
  for (const { resourceCode, steward } of WINDOW_GRANTS) {
    if (existing.some((g) => g.resourceCode === resourceCode && g.status === 'ACTIVE')) continue;
    const resource = await catalogItems(catalog, resourceCode);
    const today = chinaDate(new Date());
    const application = await sharing.apply(
      {
        resourceCode,
        items: resource,
        purpose: '一窗受理：核验申请人及法定代表人信息（演示）',
        legalBasis: '《优化营商环境条例》第三十五条；《广东省政务数据管理办法》',
        requestedFrom: today,
        requestedTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
        fullValues: false,
      },
      demoPrincipal('window'),
    );
    await sharing.approve({ applicationId: application.id }, demoPrincipal(steward));
    granted++;
  }
  if (made > 0 || granted > 0)
    log.warn(
      { keys: made, grants: granted },
      'demo keys and grants loaded: their secrets are public, never use them on a real hub',
    );
}

async function catalogItems(catalog: INestApplication, resourceCode: string): Promise<number[]> {
  const resource = await catalog.get(CatalogService).resource(resourceCode);
  if (!resource)
    throw new Error(`the demo grants need catalog resource ${resourceCode}, which the catalog does not have`);
  return resource.items.map((i) => i.no);
}
