// The contracts are types first: the expectTypeOf and @ts-expect-error lines below are checked by
// the typecheck (npm run typecheck), the rest runs.
import { Transaction, createCloudEvent, type CloudEvent } from '@hub/events';
import type { EntityManager } from 'typeorm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CATALOG_POLICY_TOPIC,
  LEGAL_ENTITY_EVENT,
  LEGAL_ENTITY_TOPIC,
  POPULATION_EVENT,
  POPULATION_PERSON_TOPIC,
  contractEvent,
  eventConsumer,
  type Combined,
  type EventPayloads,
  type PopulationRegistered,
  type PopulationStatusChanged,
  type TopicEvent,
  type TopicOf,
} from './index.js';

const provenance = {
  sourceDepartment: '11440600MB2C50125L',
  sourceSystem: 'hukou',
  sourceRecordId: 'r1',
  version: 2,
  receivedAt: '2026-05-01T00:00:00.000Z',
};

describe('@hub/contracts', () => {
  it('topics and event types are the literal names', () => {
    expect(POPULATION_PERSON_TOPIC).toBe('hub.population.person.v1');
    expect(POPULATION_EVENT.statusChanged).toBe('hub.population.status-changed.v1');
    expectTypeOf<typeof POPULATION_PERSON_TOPIC>().toEqualTypeOf<'hub.population.person.v1'>();
    expectTypeOf<typeof CATALOG_POLICY_TOPIC>().toEqualTypeOf<'hub.catalog.policy.v1'>();
    expectTypeOf<TopicOf<typeof LEGAL_ENTITY_EVENT.legalRepresentativeDeceased>>().toEqualTypeOf<
      typeof LEGAL_ENTITY_TOPIC
    >();
  });

  it('payloads are the schemas: required, nullable, enumerated, optional', () => {
    expectTypeOf<PopulationStatusChanged['to']>().toEqualTypeOf<'LIVING' | 'DECEASED' | 'MOVED_OUT'>();
    expectTypeOf<PopulationStatusChanged['effectiveOn']>().toEqualTypeOf<string | null>();
    expectTypeOf<PopulationRegistered['record']['gender']>().toEqualTypeOf<'MALE' | 'FEMALE'>();
    expectTypeOf<EventPayloads['hub.credit.registered.v1']['record']['penaltyType']>().toEqualTypeOf<
      null | 'WARNING' | 'FINE' | 'CONFISCATION' | 'SUSPENSION' | 'LICENCE_REVOKED' | 'DETENTION' | 'OTHER'
    >();
    // hub.catalog.access-recorded.v1: hashAlg is not required (absent from events before the log was keyed).
    expectTypeOf<EventPayloads['hub.catalog.access-recorded.v1']['hashAlg']>().toEqualTypeOf<
      'hmac-sha256' | 'sha256' | undefined
    >();
    // A changed event names only the fields of its library.
    expectTypeOf<keyof EventPayloads['hub.legal-entity.changed.v1']['changes']>().toEqualTypeOf<
      | 'name'
      | 'kind'
      | 'statusEffectiveOn'
      | 'statusReason'
      | 'establishedOn'
      | 'registeredCapitalAmount'
      | 'registeredCapitalCurrency'
      | 'registrationAuthorityName'
      | 'registrationAuthorityUscc'
      | 'registeredAddress'
      | 'registeredAddressDivisionCode'
      | 'businessScope'
      | 'legalRepresentativeIdNumber'
    >();
  });

  it("a topic's events narrow their data by type", () => {
    const statusOf = (event: TopicEvent<typeof POPULATION_PERSON_TOPIC>): string | undefined => {
      switch (event.type) {
        case POPULATION_EVENT.registered:
          expectTypeOf(event.data).toEqualTypeOf<PopulationRegistered>();
          return event.data.record.status;
        case POPULATION_EVENT.statusChanged:
          expectTypeOf(event.data).toEqualTypeOf<PopulationStatusChanged>();
          return event.data.to;
        default:
          // @ts-expect-error a changed event carries no status
          return event.data.to;
      }
    };
    const death = createCloudEvent({
      topic: POPULATION_PERSON_TOPIC,
      type: POPULATION_EVENT.statusChanged,
      source: '/test',
      subject: '110101199003077777',
      data: {
        idNumber: '110101199003077777',
        version: 2,
        from: 'LIVING',
        to: 'DECEASED',
        effectiveOn: '2026-05-01',
        reason: null,
        provenance,
      },
    });
    expect(statusOf(death as TopicEvent<typeof POPULATION_PERSON_TOPIC>)).toBe('DECEASED');
  });

  it('contractEvent checks a produced event against its contract', () => {
    const data = {
      uscc: '91440604MA4UXXXX0X',
      legalRepresentativeIdNumber: '110101199003077777',
      deceasedOn: null,
      populationEventId: '9b2f7c1e-3c1d-4a47-9d1e-2f0a8b6c4d11',
    };
    const event = contractEvent({
      topic: LEGAL_ENTITY_TOPIC,
      type: LEGAL_ENTITY_EVENT.legalRepresentativeDeceased,
      source: '/test',
      subject: data.uscc,
      data,
    });
    expect(event.data).toBe(data);
    contractEvent({
      // @ts-expect-error the event type is carried by another topic
      topic: POPULATION_PERSON_TOPIC,
      type: LEGAL_ENTITY_EVENT.legalRepresentativeDeceased,
      source: '/test',
      subject: data.uscc,
      data,
    });
    contractEvent({
      topic: LEGAL_ENTITY_TOPIC,
      type: LEGAL_ENTITY_EVENT.legalRepresentativeDeceased,
      source: '/test',
      subject: data.uscc,
      // @ts-expect-error the payload misses a required property
      data: { uscc: data.uscc },
    });
  });

  it('Combined reads several payloads through one view: shared properties required, the others optional', () => {
    type Status = Combined<PopulationRegistered | PopulationStatusChanged>;
    expectTypeOf<Status['idNumber']>().toEqualTypeOf<string>();
    expectTypeOf<Status['to']>().toEqualTypeOf<'LIVING' | 'DECEASED' | 'MOVED_OUT' | undefined>();
    expectTypeOf<Status['record']>().toEqualTypeOf<PopulationRegistered['record'] | undefined>();
  });

  it('eventConsumer hands the handler its topics’ events, typed, and subscribes to those topics', async () => {
    const seen: string[] = [];
    const consumer = eventConsumer({
      name: 'spec',
      topics: [POPULATION_PERSON_TOPIC, LEGAL_ENTITY_TOPIC],
      async handle(event) {
        expectTypeOf(event).toEqualTypeOf<TopicEvent<typeof POPULATION_PERSON_TOPIC | typeof LEGAL_ENTITY_TOPIC>>();
        if (event.type === LEGAL_ENTITY_EVENT.statusChanged) seen.push(event.data.uscc);
        else if (event.type === POPULATION_EVENT.statusChanged) seen.push(event.data.idNumber);
      },
    });
    expect(consumer.topics).toEqual([POPULATION_PERSON_TOPIC, LEGAL_ENTITY_TOPIC]);
    const event: CloudEvent = createCloudEvent({
      topic: LEGAL_ENTITY_TOPIC,
      type: LEGAL_ENTITY_EVENT.statusChanged,
      source: '/test',
      subject: 'x',
      data: { uscc: '91440604MA4UXXXX0X' },
    });
    // The handler here reads nothing from its transaction: one that answers every statement with no rows.
    await consumer.handle(event, new Transaction({ query: async () => [] } as unknown as EntityManager, 'spec'));
    expect(seen).toEqual(['91440604MA4UXXXX0X']);
  });
});
