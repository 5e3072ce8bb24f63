import type { INestApplication } from '@nestjs/common';
import { Role, generateApiKey, type Principal } from '@hub/auth';
import { ResourceStatus, SharingType } from '@hub/policy';
import { CatalogService } from '../../apps/catalog/src/catalog/catalog.service.js';
import { ParticipantsService } from '../../apps/catalog/src/participants/participants.service.js';
import { SharingService } from '../../apps/catalog/src/sharing/sharing.service.js';

import { DEPARTMENTS } from './departments.js';

export { DEPARTMENTS };

export interface TestKey {
  key: string;
  principal: Principal;
}

/** The provider system that sends each register's extracts (POST /ingest/<register>). */
export const INGEST_SENDER: Record<string, keyof TestKeys> = {
  'legal-entities': 'legalEntity',
  persons: 'population',
  'credit-records': 'credit',
  addresses: 'geospatial',
};

/** The provider system that writes each base-library register by mutation. */
export const MUTATION_SENDER: Record<string, keyof TestKeys> = {
  registerLegalEntity: 'legalEntity',
  changeLegalEntity: 'legalEntity',
  changeLegalEntityStatus: 'legalEntity',
  registerPerson: 'population',
  changePerson: 'population',
  changePersonStatus: 'population',
  recordCredit: 'credit',
  changeCreditRecordStatus: 'credit',
  registerStandardAddress: 'geospatial',
  changeStandardAddress: 'geospatial',
};

/** Keys of one test hub (fresh secrets per hub). */
export interface TestKeys {
  /** The data bureau's exchange system, with full-value grants on everything it may apply for: what the library suites read with. */
  harness: TestKey;
  /** Provider systems: their own not-shared data (e.g. history) is theirs to read. */
  population: TestKey;
  legalEntity: TestKey;
  credit: TestKey;
  geospatial: TestKey;
  /** Consumer systems without any grant. */
  humanResources: TestKey;
  tax: TestKey;
  window: TestKey;
  /** Stewards and an admin. */
  hubSteward: TestKey;
  psbSteward: TestKey;
  /** A steward of the data bureau, the supervising department: reads every access log. */
  supervisor: TestKey;
  admin: TestKey;
}

const SPECS: Record<
  keyof TestKeys,
  { roles: Role[]; departmentUscc: string | null; systemCode: string | null; name: string }
> = {
  harness: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.dataBureau,
    systemCode: 'fs-gsdb-hub',
    name: 'test harness (exchange platform)',
  },
  population: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.publicSecurity,
    systemCode: 'fs-psb-hukou',
    name: 'test hukou system',
  },
  legalEntity: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.marketRegulation,
    systemCode: 'fs-amr-registration',
    name: 'test registration system',
  },
  credit: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.credit,
    systemCode: 'fs-drc-credit',
    name: 'test credit system',
  },
  geospatial: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.naturalResources,
    systemCode: 'fs-nr-address',
    name: 'test address system',
  },
  humanResources: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.humanResources,
    systemCode: 'fs-hrss-insurance',
    name: 'test social insurance system',
  },
  tax: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.tax,
    systemCode: 'fs-tax-collection',
    name: 'test tax system',
  },
  window: {
    roles: [Role.SYSTEM],
    departmentUscc: DEPARTMENTS.window,
    systemCode: 'fs-cc-one-window',
    name: 'test one-window system',
  },
  hubSteward: { roles: [Role.STEWARD], departmentUscc: null, systemCode: null, name: 'test hub-wide steward' },
  psbSteward: {
    roles: [Role.STEWARD],
    departmentUscc: DEPARTMENTS.publicSecurity,
    systemCode: null,
    name: 'test PSB steward',
  },
  supervisor: {
    roles: [Role.STEWARD],
    departmentUscc: DEPARTMENTS.dataBureau,
    systemCode: null,
    name: 'test data-bureau steward (supervisor)',
  },
  admin: { roles: [Role.ADMIN], departmentUscc: null, systemCode: null, name: 'test admin' },
};

/**
 * Issues the keys of a test hub, and gives the harness system (and the provider systems, for the
 * hub-wide change records) full-value grants, applied for and approved through the catalog like any
 * other, so that the library suites read what they test, unmasked.
 */
export async function provisionTestAccess(catalog: INestApplication): Promise<TestKeys> {
  const participants = catalog.get(ParticipantsService);
  const keys = {} as TestKeys;
  for (const [name, spec] of Object.entries(SPECS) as Array<[keyof TestKeys, (typeof SPECS)[keyof TestKeys]]>) {
    const issued = generateApiKey();
    await participants.ensurePresetKeys([
      {
        issued,
        roles: spec.roles,
        departmentUscc: spec.departmentUscc,
        systemCode: spec.systemCode,
        holderName: spec.name,
      },
    ]);
    keys[name] = {
      key: issued.key,
      principal: {
        keyId: issued.id,
        roles: spec.roles,
        departmentUscc: spec.departmentUscc,
        systemCode: spec.systemCode,
        name: spec.name,
      },
    };
  }
  const sharing = catalog.get(SharingService);
  const resources = await catalog.get(CatalogService).specs(undefined, ResourceStatus.PUBLISHED);
  const today = new Date().toISOString().slice(0, 10);
  const until = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
  const grant = async (to: TestKey, resourceCode: string, items: number[]) => {
    const application = await sharing.apply(
      {
        resourceCode,
        items,
        purpose: 'automated tests of the hub',
        legalBasis: 'test',
        requestedFrom: today,
        requestedTo: until,
        fullValues: true,
      },
      to.principal,
    );
    await sharing.approve({ applicationId: application.id }, keys.hubSteward.principal);
  };
  for (const r of resources) {
    const masked = r.items.filter((i) => i.masking).map((i) => i.no);
    const wanted =
      r.sharingType === SharingType.CONDITIONAL
        ? r.items.map((i) => i.no)
        : r.sharingType === SharingType.UNCONDITIONAL
          ? masked
          : [];
    if (wanted.length === 0) continue;
    for (const to of [keys.harness, keys.population, keys.legalEntity, keys.credit, keys.geospatial]) {
      if (to.principal.departmentUscc !== r.provider) await grant(to, r.code, wanted);
    }
  }
  return keys;
}
