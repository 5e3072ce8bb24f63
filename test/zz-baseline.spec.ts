import { writeFileSync } from 'node:fs';
import { extractFieldsOf } from '@hub/register';
import { REGISTER_SQL } from '../scripts/register-sql.js';
import { PersonRecordInput } from '../apps/population/src/person/dto/person-record.input.js';
import { LegalEntityRecordInput } from '../apps/legal-entity/src/legal-entity/dto/legal-entity-record.input.js';
const LEGAL_ENTITY_EXTRACT_FIELDS = new Set(JSON.parse(require('node:fs').readFileSync('/tmp/reg-baseline.json','utf8')).extract[1][0] as string[]);
import { CreditRecordInput } from '../apps/credit/src/credit-record/dto/credit-record.input.js';
import { StandardAddressInput } from '../apps/geospatial/src/address/dto/standard-address.input.js';
const PERSON_EXTRACT_FIELDS = new Set(JSON.parse(require('node:fs').readFileSync('/tmp/reg-baseline.json','utf8')).extract[0][0] as string[]);
const CREDIT_RECORD_EXTRACT_FIELDS = new Set(JSON.parse(require('node:fs').readFileSync('/tmp/reg-baseline.json','utf8')).extract[2][0] as string[]);
const STANDARD_ADDRESS_EXTRACT_FIELDS = new Set(JSON.parse(require('node:fs').readFileSync('/tmp/reg-baseline.json','utf8')).extract[3][0] as string[]);
it('dumps', () => {
  const out = {
    specs: REGISTER_SQL.map(({ spec }) => ({ table: spec.table, columns: spec.columns, business: spec.businessFields, originals: !!spec.keepsOriginals })),
    extract: [
      [[...PERSON_EXTRACT_FIELDS].sort(), [...extractFieldsOf(PersonRecordInput)].sort()],
      [[...LEGAL_ENTITY_EXTRACT_FIELDS].sort(), [...extractFieldsOf(LegalEntityRecordInput)].sort()],
      [[...CREDIT_RECORD_EXTRACT_FIELDS].sort(), [...extractFieldsOf(CreditRecordInput)].sort()],
      [[...STANDARD_ADDRESS_EXTRACT_FIELDS].sort(), [...extractFieldsOf(StandardAddressInput)].sort()],
    ],
  };
  writeFileSync(process.env.OUT ?? '/tmp/reg-baseline.json', JSON.stringify(out, null, 1));
  for (const [a, b] of out.extract) expect(b).toEqual(a);
});
