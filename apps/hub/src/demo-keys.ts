import { createHash } from 'node:crypto';
import { Role, type Principal } from '@hub/auth';

/**
 * The demo's keys. Their secrets are derived from their ids, in public source code: they exist only
 * in a demo (the embedded start, or HUB_DEMO_DATA=true) and must never be loaded into a real hub.
 */
export const DEMO_KEYS = {
  admin: {
    id: 'demoadminkey',
    roles: [Role.ADMIN],
    departmentUscc: null,
    systemCode: null,
    holderName: '演示管理员 demo admin',
  },
  steward: {
    id: 'demostewards',
    roles: [Role.STEWARD],
    departmentUscc: null,
    systemCode: null,
    holderName: '演示数据管理员（全市） demo hub-wide steward',
  },
  psbSteward: {
    id: 'demopsbstewd',
    roles: [Role.STEWARD],
    departmentUscc: '114406000070201359',
    systemCode: null,
    holderName: '公安局数据管理员 demo steward',
  },
  amrSteward: {
    id: 'demoamrstewd',
    roles: [Role.STEWARD],
    departmentUscc: '11440600MB2C50125L',
    systemCode: null,
    holderName: '市场监管局数据管理员 demo steward',
  },
  // The supervising department's steward (HUB_SUPERVISING_DEPARTMENT): the one demo key that reads every access log.
  supervisor: {
    id: 'demogsdbstwd',
    roles: [Role.STEWARD],
    departmentUscc: '11440600MB2C731081',
    systemCode: null,
    holderName: '政务服务数据管理局数据管理员（监督） demo supervising steward',
  },
  registration: {
    id: 'demoamrregis',
    roles: [Role.SYSTEM],
    departmentUscc: '11440600MB2C50125L',
    systemCode: 'fs-amr-registration',
    holderName: '佛山市商事登记系统',
  },
  hukou: {
    id: 'demopsbhukou',
    roles: [Role.SYSTEM],
    departmentUscc: '114406000070201359',
    systemCode: 'fs-psb-hukou',
    holderName: '佛山市人口户籍管理系统',
  },
  window: {
    id: 'demowindowcc',
    roles: [Role.SYSTEM],
    departmentUscc: '11440604MB2D07312X',
    systemCode: 'fs-cc-one-window',
    holderName: '禅城区一窗受理系统',
  },
  // The providers of standard addresses and credit records, so the README's ingest walkthrough
  // loads every register with a demo key (only a system of a register's provider may send it).
  address: {
    id: 'demonraddres',
    roles: [Role.SYSTEM],
    departmentUscc: '11440600MB2C5218XK',
    systemCode: 'fs-nr-address',
    holderName: '佛山市标准地址管理系统',
  },
  credit: {
    id: 'demodrccredt',
    roles: [Role.SYSTEM],
    departmentUscc: '114406000070101807',
    systemCode: 'fs-drc-credit',
    holderName: '信用佛山公共信用信息平台',
  },
  insurance: {
    id: 'demohrssinsu',
    roles: [Role.SYSTEM],
    departmentUscc: '114406000070104202',
    systemCode: 'fs-hrss-insurance',
    holderName: '佛山市社会保险业务系统',
  },
} as const;

export function demoKey(name: keyof typeof DEMO_KEYS): string {
  return `hubk_${DEMO_KEYS[name].id}_${demoSecret(DEMO_KEYS[name].id)}`;
}

export function demoSecret(id: string): string {
  return createHash('sha256').update(`hub demo key ${id}`).digest('base64url');
}

export function demoPrincipal(name: keyof typeof DEMO_KEYS): Principal {
  const k = DEMO_KEYS[name];
  return {
    keyId: k.id,
    roles: [...k.roles],
    departmentUscc: k.departmentUscc,
    systemCode: k.systemCode,
    name: k.holderName,
  };
}
