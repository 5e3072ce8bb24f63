import { describe, expect, it } from 'vitest';
import { Role, type Principal } from '@hub/auth';
import { generateCitizenId, generateUscc, seededRandom } from '@hub/identifiers';
import { MaskingRule, SharingType, type PolicyGrant, type PolicyItem } from '@hub/policy';
import type { AccessRecordRow } from './audit.entities.js';
import { citizenIdMask, providesAbout, recordMasker } from './access-log-readers.js';
import { SupervisionConfig } from '@hub/subgraph';

const POLICE = '114406000070201359';
const SOCIAL_INSURANCE = '114406000070104202';
const NATURAL_RESOURCES = '11440600MB2C5218XK';
const TODAY = '2026-12-07';

const item = (over: Partial<PolicyItem>): PolicyItem => ({
  id: '101001001/000001#1',
  no: 1,
  name: '公民身份号码',
  resourceCode: '101001001/000001',
  resourceName: '人口基本信息',
  providerUscc: POLICE,
  sharingType: SharingType.UNCONDITIONAL,
  fields: ['Person.idNumber'],
  sensitivity: 'PERSONAL',
  masking: MaskingRule.CITIZEN_ID,
  ...over,
});
const ID_ITEM = item({});
const LOCATION_ITEM = item({
  id: '103004002/000001#1',
  resourceCode: '103004002/000001',
  providerUscc: NATURAL_RESOURCES,
  sharingType: SharingType.CONDITIONAL,
  fields: ['Person.location', 'SpatialHit.id'],
});
const steward = (departmentUscc: string | null): Principal => ({
  keyId: 'abcdefghijk2',
  roles: [Role.STEWARD],
  departmentUscc,
  systemCode: null,
  name: 'steward',
});

const random = seededRandom(4711);
const asked = generateCitizenId(random, { areaCode: '440604', birthDate: '1980-02-29' });
const other = generateCitizenId(random, { areaCode: '330106', birthDate: '1975-07-01' });
const company = generateUscc(random);
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

const row = (over: Partial<AccessRecordRow>): AccessRecordRow => ({
  seq: '1',
  recordedAt: new Date(),
  requestId: 'req-1',
  keyId: 'abcdefghijk2',
  systemCode: 'fs-hrss-insurance',
  departmentUscc: SOCIAL_INSURANCE,
  holderName: '社保系统',
  roles: ['SYSTEM'],
  purpose: null,
  caseNumber: null,
  operationType: 'query',
  operationName: null,
  fields: ['Query.persons', 'Person.name'],
  subjects: [],
  outcome: 'ALLOWED',
  errorCode: null,
  refusal: null,
  startedAt: new Date(),
  durationMs: 1,
  timings: {},
  hashAlg: 'hmac-sha256',
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
  ...over,
});

describe('who provides data about a kind of subject', () => {
  it("is the provider of a published item governing a field of the subject's own type", () => {
    const items = [ID_ITEM, LOCATION_ITEM, item({ providerUscc: '11440600MB2C50125L', fields: ['LegalEntity.name'] })];
    expect(providesAbout(items, POLICE, 'PERSON')).toBe(true);
    expect(providesAbout(items, NATURAL_RESOURCES, 'PERSON')).toBe(true);
    expect(providesAbout(items, POLICE, 'LEGAL_ENTITY')).toBe(false);
    expect(providesAbout(items, '11440600MB2C50125L', 'LEGAL_ENTITY')).toBe(true);
    expect(providesAbout(items, SOCIAL_INSURANCE, 'PERSON')).toBe(false);
    // A type that merely starts alike is another type.
    expect(
      providesAbout(
        [item({ providerUscc: SOCIAL_INSURANCE, fields: ['PersonAddress.text'] })],
        SOCIAL_INSURANCE,
        'PERSON',
      ),
    ).toBe(false);
  });

  it('has the data bureau of the shipped catalog as the default supervising department', () => {
    expect(new SupervisionConfig().HUB_SUPERVISING_DEPARTMENT).toBe('11440600MB2C731081');
  });
});

describe("how a reader sees other citizens' IDs", () => {
  const snapshot = (items: PolicyItem[], grants: PolicyGrant[] = []) => ({ items, grants });

  it("follows the reader's own rights on the citizen-ID item: full for its provider, masked for others, redacted when unreadable or ungoverned", () => {
    expect(citizenIdMask(steward(POLICE), snapshot([ID_ITEM]), TODAY)(other)).toBe(other);
    expect(citizenIdMask(steward(SOCIAL_INSURANCE), snapshot([ID_ITEM]), TODAY)(other)).toBe(masked(other));
    expect(citizenIdMask(steward(null), snapshot([ID_ITEM]), TODAY)(other)).toBe(masked(other));
    expect(
      citizenIdMask(
        steward(SOCIAL_INSURANCE),
        snapshot([item({ sharingType: SharingType.CONDITIONAL })]),
        TODAY,
      )(other),
    ).toBe('******');
    expect(
      citizenIdMask(steward(SOCIAL_INSURANCE), snapshot([item({ sharingType: SharingType.NOT_SHARED })]), TODAY)(other),
    ).toBe('******');
    expect(citizenIdMask(steward(POLICE), snapshot([]), TODAY)(other)).toBe('******');
  });
});

describe('a record as a reader of one subject sees it', () => {
  const show = recordMasker(`PERSON:${asked}`, masked);

  it('keeps the subject asked for and masks every other citizen, leaving companies whole', () => {
    const shown = show(row({ subjects: [`LEGAL_ENTITY:${company}`, `PERSON:${asked}`, `PERSON:${other}`] }));
    expect(shown.subjects).toEqual([`LEGAL_ENTITY:${company}`, `PERSON:${asked}`, `PERSON:${masked(other)}`]);
    expect(JSON.stringify(shown)).not.toContain(other);
  });

  it('masks other citizen IDs in the free text a caller chose, and only valid citizen IDs', () => {
    const notAnId = `${other.slice(0, 17)}${other.endsWith('0') ? '1' : '0'}`;
    const legacy = `${other.slice(0, 6)}${other.slice(8, 17)}`;
    const shown = show(
      row({
        purpose: `核对${other}与${asked}的关系，流水号${notAnId}`,
        caseNumber: other.toLowerCase(),
        operationName: `Q${other}`,
        requestId: `r-${other}`,
        holderName: `经办人 ${other}`,
      }),
    );
    expect(shown.purpose).toBe(`核对${masked(other)}与${asked}的关系，流水号${notAnId}`);
    expect(shown.caseNumber).toBe(masked(other.toLowerCase()));
    expect(shown.operationName).toBe(`Q${masked(other)}`);
    expect(shown.requestId).toBe(`r-${masked(other)}`);
    expect(shown.holderName).toBe(`经办人 ${masked(other)}`);
    // A legacy 15-digit number (someone born in the 1900s) is a citizen ID too.
    expect(show(row({ purpose: `旧号${legacy}` })).purpose).toBe(`旧号${masked(legacy)}`);
    expect(show(row({ purpose: `旧号${asked.slice(0, 6)}${asked.slice(8, 17)}` })).purpose).toBe(
      `旧号${asked.slice(0, 6)}${asked.slice(8, 17)}`,
    );
    // Part of a longer number is not an ID.
    expect(show(row({ purpose: `1${other}1` })).purpose).toBe(`1${other}1`);
  });

  it("masks every citizen in a company's log", () => {
    const shown = recordMasker(
      `LEGAL_ENTITY:${company}`,
      masked,
    )(row({ subjects: [`LEGAL_ENTITY:${company}`, `PERSON:${asked}`], purpose: asked }));
    expect(shown.subjects).toEqual([`LEGAL_ENTITY:${company}`, `PERSON:${masked(asked)}`]);
    expect(shown.purpose).toBe(masked(asked));
  });
});
