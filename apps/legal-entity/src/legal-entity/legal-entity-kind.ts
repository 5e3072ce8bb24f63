import { registerEnumType } from '@nestjs/graphql';
import { LegalEntityKind } from '@hub/identifiers';

// The kinds are decoded from the USCC's registering authority and category (GB 32100 appendix A).
registerEnumType(LegalEntityKind, {
  name: 'LegalEntityKind',
  description: 'Kind of legal entity, decoded from the USCC where the category says it',
});

export { LegalEntityKind };
