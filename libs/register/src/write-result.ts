import { registerEnumType } from '@nestjs/graphql';

/** What a single write did. The same enum in every library's subgraph. */
export enum WriteResultOutcome {
  REGISTERED = 'REGISTERED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
  REPLAYED = 'REPLAYED',
}

registerEnumType(WriteResultOutcome, {
  name: 'WriteOutcome',
  description: 'What a write to a base library did',
  valuesMap: {
    REGISTERED: { description: 'Stored as a new record; a registered event was emitted' },
    CHANGED: { description: 'Stored; changed and/or status-changed events were emitted' },
    UNCHANGED: { description: 'A newer version with the same content: the version was recorded, nothing emitted' },
    REPLAYED: { description: 'This exact version was already stored: nothing changed, nothing emitted' },
  },
});
