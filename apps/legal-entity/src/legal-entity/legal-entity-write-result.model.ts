import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LegalEntity } from './legal-entity.model.js';

export enum LegalEntityWriteOutcome {
  REGISTERED = 'REGISTERED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
  REPLAYED = 'REPLAYED',
}

registerEnumType(LegalEntityWriteOutcome, {
  name: 'LegalEntityWriteOutcome',
  valuesMap: {
    REGISTERED: { description: 'Stored as a new legal entity; a registered event was emitted' },
    CHANGED: { description: 'Stored; changed and/or status-changed events were emitted' },
    UNCHANGED: { description: 'A newer version with the same content: the version was recorded, nothing emitted' },
    REPLAYED: { description: 'This exact version was already stored: nothing changed, nothing emitted' },
  },
});

@ObjectType()
export class LegalEntityWriteResult {
  @Field(() => LegalEntityWriteOutcome)
  outcome: LegalEntityWriteOutcome;

  @Field(() => LegalEntity)
  legalEntity: LegalEntity;
}
