import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { chinaDate, formatELicenceId } from '@hub/identifiers';
import { HubError } from '@hub/subgraph';
import { ArchiveService } from '../../once-only/src/archive/archive.service.js';
import { MaterialKind } from '../../once-only/src/archive/archive.model.js';
import type { FileMaterialInput } from '../../once-only/src/archive/archive.inputs.js';
import { ReviewOutcome } from '../../once-only/src/recognition/recognition.model.js';
import type { RecordReviewResultInput } from '../../once-only/src/recognition/recognition.inputs.js';
import { RecognitionService } from '../../once-only/src/recognition/recognition.service.js';
import { demoPrincipal } from './demo-access.js';

/** The case with which the demo company's first food-business licence application was handled. */
const FIRST_CASE = 'FS-SPJY-DEMO-000001';

/**
 * The demo company of once-only: the first active company of the synthetic city registered in
 * Foshan whose name says it runs restaurants (餐饮), or else the first active company there.
 */
export function demoOnceOnlyCompany(legalEntities: ReadonlyArray<Record<string, unknown>>): DemoCompany | undefined {
  const candidates = legalEntities
    .map((e) => ({
      uscc: String(e.uscc),
      name: String(e.name),
      status: e.status ?? 'ACTIVE',
      division: String(e.registeredAddressDivisionCode),
      establishedOn: e.establishedOn as string | undefined,
    }))
    .filter((e) => e.uscc.startsWith('91') && e.status === 'ACTIVE' && e.division.startsWith('4406'));
  return candidates.find((e) => e.name.includes('餐饮')) ?? candidates[0];
}

export interface DemoCompany {
  uscc: string;
  name: string;
  establishedOn?: string;
}

/**
 * Gives the demo company a past in the archive, as if it had applied once for a food-business
 * licence: market regulation's business licence (an e-licence), the one-stop window's check of the
 * legal representative's ID against the originals, and the food-safety rules it handed in. So
 * `reuseFor(serviceItem: "FS-AMR-SPJY-001", subject: <its USCC>)` shows reuse out of the box.
 * Nothing is filed twice: a company with anything on file is left as it is.
 */
export async function loadDemoOnceOnly(onceOnly: INestApplication, company: DemoCompany, log: Logger): Promise<void> {
  const archive = onceOnly.get(ArchiveService);
  const recognition = onceOnly.get(RecognitionService);
  if ((await archive.materials(company.uscc)).length > 0) return;
  const registration = { ...demoPrincipal('registration'), departmentUscc: '11440600MB2C50125L' };
  const window = { ...demoPrincipal('window'), departmentUscc: '11440604MB2D07312X' };
  const today = chinaDate(new Date());
  // The once-only app learns of the company from the legal-entity library's events: wait for it.
  const whenKnown = async <T>(write: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (!(error instanceof HubError && error.code === 'SUBJECT_UNKNOWN') || attempt >= 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const licence: Partial<FileMaterialInput> = {
    subject: company.uscc,
    kind: MaterialKind.ELICENCE,
    materialType: 'YYZZ',
    title: '营业执照',
    licenceId: formatELicenceId({
      typeCode: 'YYZZ',
      issuerUscc: registration.departmentUscc,
      serial: company.uscc,
      version: '001',
    }),
    issuedOn: company.establishedOn ?? '2020-01-02',
  };
  await whenKnown(() => archive.file(licence as FileMaterialInput, registration));
  await archive.file(
    {
      subject: company.uscc,
      kind: MaterialKind.MATERIAL,
      materialType: 'FOOD_SAFETY_RULES',
      title: '食品安全管理制度',
      issuedOn: today,
      caseNumber: FIRST_CASE,
      serviceItemCode: 'FS-AMR-SPJY-001',
    } as FileMaterialInput,
    window,
  );
  const result: Partial<RecordReviewResultInput> = {
    subject: company.uscc,
    resultType: 'LEGAL_REP_IDENTITY_VERIFIED',
    serviceItemCode: 'FS-AMR-SPJY-001',
    caseNumber: FIRST_CASE,
    outcome: ReviewOutcome.PASSED,
    reviewer: '禅城区行政服务中心 综合窗口 07 号',
    validUntil: chinaDate(new Date(Date.now() + 300 * 86_400_000)),
  };
  await recognition.record(result as RecordReviewResultInput, window);
  log.info(
    { company: company.uscc, name: company.name },
    'demo once-only: the company has a business licence, a recognised identity check and its food-safety rules on file',
  );
}
