/** The departments of the shipped catalog the suites act as. */
export const DEPARTMENTS = {
  dataBureau: '11440600MB2C731081',
  publicSecurity: '114406000070201359',
  marketRegulation: '11440600MB2C50125L',
  credit: '114406000070101807',
  naturalResources: '11440600MB2C5218XK',
  humanResources: '114406000070104202',
  tax: '11440600MB2C10190D',
  window: '11440604MB2D07312X',
} as const;

/**
 * The systems that send each base library's records in the suites (their keys are in
 * test-access.ts): a record's source department and system are its sender's own.
 */
export const SENDERS = {
  legalEntity: { sourceDepartment: DEPARTMENTS.marketRegulation, sourceSystem: 'fs-amr-registration' },
  population: { sourceDepartment: DEPARTMENTS.publicSecurity, sourceSystem: 'fs-psb-hukou' },
  credit: { sourceDepartment: DEPARTMENTS.credit, sourceSystem: 'fs-drc-credit' },
  geospatial: { sourceDepartment: DEPARTMENTS.naturalResources, sourceSystem: 'fs-nr-address' },
} as const;
