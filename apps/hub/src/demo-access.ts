import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { Role, hashSecret, type Principal } from '@hub/auth';
import { chinaDate } from '@hub/identifiers';
import { CatalogService } from '../../catalog/src/catalog/catalog.service.js';
import { ParticipantsService, type PresetKey } from '../../catalog/src/participants/participants.service.js';
import { SharingService } from '../../catalog/src/sharing/sharing.service.js';

/**
 * The demo's keys. Their secrets are derived from their ids, in public source code: they exist only
 * in a demo (the embedded start, or HUB_DEMO_DATA=true) and must never be loaded into a real hub.
 */
export const DEMO_KEYS = {
  admin: { id: 'demoadminkey', roles: [Role.ADMIN], departmentUscc: null, systemCode: null, holderName: '演示管理员 demo admin' },
  steward: { id: 'demostewards', roles: [Role.STEWARD], departmentUscc: null, systemCode: null, holderName: '演示数据管理员（全市） demo hub-wide steward' },
  psbSteward: { id: 'demopsbstewd', roles: [Role.STEWARD], departmentUscc: '114406000070201359', systemCode: null, holderName: '公安局数据管理员 demo steward' },
  amrSteward: { id: 'demoamrstewd', roles: [Role.STEWARD], departmentUscc: '11440600MB2C50125L', systemCode: null, holderName: '市场监管局数据管理员 demo steward' },
  // The supervising department's steward (HUB_SUPERVISING_DEPARTMENT): the one demo key that reads every access log.
  supervisor: { id: 'demogsdbstwd', roles: [Role.STEWARD], departmentUscc: '11440600MB2C731081', systemCode: null, holderName: '政务服务数据管理局数据管理员（监督） demo supervising steward' },
  registration: { id: 'demoamrregis', roles: [Role.SYSTEM], departmentUscc: '11440600MB2C50125L', systemCode: 'fs-amr-registration', holderName: '佛山市商事登记系统' },
  hukou: { id: 'demopsbhukou', roles: [Role.SYSTEM], departmentUscc: '114406000070201359', systemCode: 'fs-psb-hukou', holderName: '佛山市人口户籍管理系统' },
  window: { id: 'demowindowcc', roles: [Role.SYSTEM], departmentUscc: '11440604MB2D07312X', systemCode: 'fs-cc-one-window', holderName: '禅城区一窗受理系统' },
  insurance: { id: 'demohrssinsu', roles: [Role.SYSTEM], departmentUscc: '114406000070104202', systemCode: 'fs-hrss-insurance', holderName: '佛山市社会保险业务系统' },
} as const;

/** The one-window system of the demo reads these conditional resources under approved grants. */
const WINDOW_GRANTS = [
  { resourceCode: '10202001/000001', steward: 'amrSteward' },
  { resourceCode: '10404001/000001', steward: 'steward' },
  { resourceCode: '10304002/000001', steward: 'steward' },
] as const;

export function demoKey(name: keyof typeof DEMO_KEYS): string {
  return `hubk_${DEMO_KEYS[name].id}_${demoSecret(DEMO_KEYS[name].id)}`;
}

function demoSecret(id: string): string {
  return createHash('sha256').update(`hub demo key ${id}`).digest('base64url');
}

export function demoPrincipal(name: keyof typeof DEMO_KEYS): Principal {
  const k = DEMO_KEYS[name];
  return { keyId: k.id, roles: [...k.roles], departmentUscc: k.departmentUscc, systemCode: k.systemCode, name: k.holderName };
}

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
  if (made > 0 || granted > 0) log.warn({ keys: made, grants: granted }, 'demo keys and grants loaded: their secrets are public, never use them on a real hub');
}

async function catalogItems(catalog: INestApplication, resourceCode: string): Promise<number[]> {
  const resource = await catalog.get(CatalogService).resource(resourceCode);
  if (!resource) throw new Error(`the demo grants need catalog resource ${resourceCode}, which the catalog does not have`);
  return resource.items.map((i) => i.no);
}
