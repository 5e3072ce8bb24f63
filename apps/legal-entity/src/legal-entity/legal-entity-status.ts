import { registerEnumType } from '@nestjs/graphql';
import { IN_LEGAL_ENTITY_SCHEMA } from '../legal-entity.graphql-scope.js';

/**
 * Registration status of a legal entity, as market regulation and the other registering
 * authorities record it. Deregistration is final and a revoked entity can only be deregistered
 * afterwards (enforced by LegalEntityWriter).
 */
export enum LegalEntityStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  LIQUIDATING = 'LIQUIDATING',
  MOVED_OUT = 'MOVED_OUT',
  REVOKED = 'REVOKED',
  DEREGISTERED = 'DEREGISTERED',
}

registerEnumType(LegalEntityStatus, {
  ...IN_LEGAL_ENTITY_SCHEMA,
  name: 'LegalEntityStatus',
  description: 'Registration status of a legal entity',
  valuesMap: {
    ACTIVE: { description: '存续（在业） active' },
    SUSPENDED: { description: '停业 business suspended' },
    LIQUIDATING: { description: '清算 in liquidation' },
    MOVED_OUT: { description: '迁出 registration moved to another authority' },
    REVOKED: { description: '吊销 business licence revoked; can only be deregistered afterwards' },
    DEREGISTERED: { description: '注销 deregistered; final' },
  },
});
