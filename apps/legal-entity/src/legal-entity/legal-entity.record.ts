import { convertCitizenId15To18, parseUscc } from '@hub/identifiers';
import { normaliseAddressFields } from '@hub/geo';
import { contentHash } from '@hub/register';
import type { InputViolation } from '@hub/subgraph';
import type { LegalEntityRecordInput } from './dto/legal-entity-record.input.js';
import type { LegalEntityRow } from './legal-entity.entity.js';
import { LEGAL_ENTITY_REGISTER } from './legal-entity.register.js';
import { LegalEntityKind } from './legal-entity-kind.js';
import { LegalEntityStatus } from './legal-entity-status.js';

/**
 * A validated record in the form the writer stores it: the register's columns (LegalEntityRow)
 * and its provenance. Both the GraphQL mutations and bulk ingest produce these, and the register
 * writer applies them with the same SQL, so the versioning rules exist once.
 */
export type LegalEntityRecord = Omit<
  LegalEntityRow,
  'kind' | 'status' | 'receivedAt' | 'registeredAt' | 'updatedAt'
> & {
  kind: LegalEntityKind;
  status: LegalEntityStatus;
};

/**
 * Turns validated input into a stored record: upper-cases identifiers, converts a 15-digit
 * citizen ID, derives the kind from the USCC, defaults the status and the currency, and hashes
 * the business fields. Returns violations for rules that need more than one field.
 */
export function toRecord(
  input: LegalEntityRecordInput,
): { ok: true; record: LegalEntityRecord } | { ok: false; violations: InputViolation[] } {
  const uscc = parseUscc(input.uscc);
  if (!uscc.ok)
    return { ok: false, violations: [{ field: 'uscc', code: uscc.error.code, message: uscc.error.message }] };
  const decoded = uscc.value.kind;
  if (input.kind && decoded !== LegalEntityKind.OTHER && input.kind !== decoded) {
    return {
      ok: false,
      violations: [
        { field: 'kind', code: 'KIND_MISMATCH', message: `the USCC says ${decoded}, the record says ${input.kind}` },
      ],
    };
  }
  const address = normaliseAddressFields({ registeredAddress: input.registeredAddress });
  if (address.violations.length > 0) return { ok: false, violations: address.violations };
  const text = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  const rep = text(input.legalRepresentativeIdNumber)?.toUpperCase() ?? null;
  const amount = text(input.registeredCapitalAmount);
  const fields = {
    uscc: uscc.value.uscc,
    name: input.name.trim(),
    kind: decoded === LegalEntityKind.OTHER && input.kind ? input.kind : decoded,
    status: input.status ?? LegalEntityStatus.ACTIVE,
    statusEffectiveOn: text(input.statusEffectiveOn),
    statusReason: text(input.statusReason),
    establishedOn: text(input.establishedOn),
    registeredCapitalAmount: amount === null ? null : normaliseAmount(amount),
    registeredCapitalCurrency: amount === null ? null : (text(input.registeredCapitalCurrency) ?? 'CNY'),
    registrationAuthorityName: text(input.registrationAuthorityName),
    registrationAuthorityUscc: text(input.registrationAuthorityUscc)?.toUpperCase() ?? null,
    registeredAddress: address.values.registeredAddress as string,
    registeredAddressDivisionCode: input.registeredAddressDivisionCode.slice(0, 6),
    businessScope: text(input.businessScope),
    legalRepresentativeIdNumber: rep && rep.length === 15 ? convertCitizenId15To18(rep) : rep,
    sourceDepartment: input.sourceDepartment.toUpperCase(),
    sourceSystem: input.sourceSystem,
    sourceRecordId: input.sourceRecordId.trim(),
    version: input.version,
  };
  return {
    ok: true,
    record: {
      ...fields,
      contentHash: contentHash(fields, LEGAL_ENTITY_REGISTER.businessFields),
      originals: address.originals,
    },
  };
}

/** "5000000" and "5000000.00" are the same capital: store and hash one spelling of it. */
function normaliseAmount(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}
