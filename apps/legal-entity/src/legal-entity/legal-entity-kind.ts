import { registerEnumType } from '@nestjs/graphql';
import { LegalEntityKind } from '@hub/identifiers';
import { IN_LEGAL_ENTITY_SCHEMA } from '../legal-entity.graphql-scope.js';

// The kinds are decoded from the USCC's registering authority and category (GB 32100 appendix A).
registerEnumType(LegalEntityKind, {
  ...IN_LEGAL_ENTITY_SCHEMA,
  name: 'LegalEntityKind',
  description: 'Kind of legal entity, decoded from the USCC where the category says it',
});

export { LegalEntityKind };
