import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Role, type Principal } from '@hub/auth';
import { AccessPolicy, SharingType, baseLibraryMutations, type PolicyItem } from '@hub/policy';
import { INGEST_ANCHORS, REGISTER_WRITES, writeRefusal } from './register-writes.js';

const AMR = '11440600MB2C50125L';
const PSB = '114406000070201359';
const anchorItem = (field: string, providerUscc: string): PolicyItem => ({
  id: `${field}#1`,
  no: 1,
  name: field,
  resourceCode: '102001001/000001',
  resourceName: 'register',
  providerUscc,
  sharingType: SharingType.UNCONDITIONAL,
  fields: [field],
  sensitivity: 'PUBLIC',
  masking: null,
});
const policy = new AccessPolicy(
  [anchorItem('LegalEntity.uscc', AMR), anchorItem('Person.idNumber', PSB)],
  [],
  new Set(),
);
const principal = (roles: Role[], departmentUscc: string | null): Principal => ({
  keyId: 'k1',
  roles,
  departmentUscc,
  systemCode: departmentUscc ? 'sys' : null,
  name: 'caller',
});
const writes = (...fields: string[]) => new Map(fields.map((f) => [f, REGISTER_WRITES[f]]));

describe('register writes', () => {
  it('maps every base-library mutation of the committed supergraph to its register', () => {
    const mutations = baseLibraryMutations(readFileSync('schemas/graphql/supergraph.graphql', 'utf8'));
    expect(mutations.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(REGISTER_WRITES).sort()).toEqual(mutations);
    expect(new Set(Object.values(INGEST_ANCHORS))).toEqual(new Set(Object.values(REGISTER_WRITES)));
  });

  it("lets only systems of the register's provider department, and admins, write it", () => {
    expect(writeRefusal(principal([Role.SYSTEM], AMR), policy, writes('Mutation.registerLegalEntity'))).toBeNull();
    expect(writeRefusal(principal([Role.ADMIN], null), policy, writes('Mutation.changePersonStatus'))).toBeNull();
    const other = writeRefusal(
      principal([Role.SYSTEM], PSB),
      policy,
      writes('Mutation.registerLegalEntity', 'Mutation.changePersonStatus'),
    );
    expect(other).toMatchObject({
      code: 'WRITE_FORBIDDEN',
      refused: [{ field: 'Mutation.registerLegalEntity', providerUscc: AMR }],
    });
    // A steward of the provider department manages its catalog entries; it does not write records.
    expect(writeRefusal(principal([Role.STEWARD], AMR), policy, writes('Mutation.registerLegalEntity'))?.code).toBe(
      'WRITE_FORBIDDEN',
    );
  });

  it('refuses a write to a register whose provider the catalog does not name (fail closed)', () => {
    const refusal = writeRefusal(
      principal([Role.SYSTEM], AMR),
      policy,
      new Map([
        ['Mutation.recordCredit', REGISTER_WRITES['Mutation.recordCredit']],
        ['Mutation.unknown', undefined],
      ]),
    );
    expect(refusal?.refused).toEqual([
      { field: 'Mutation.recordCredit', providerUscc: null },
      { field: 'Mutation.unknown', providerUscc: null },
    ]);
  });
});
