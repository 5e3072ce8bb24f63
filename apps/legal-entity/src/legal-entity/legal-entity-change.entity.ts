import { historyEntity } from '@hub/register';

/** The change history of legal entities (see historyEntity). */
export const LegalEntityChangeRow = historyEntity('legal_entity_change', {
  property: 'uscc',
  column: 'uscc',
  length: 18,
});
