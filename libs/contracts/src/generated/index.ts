// Generated from schemas/events by scripts/generate-contracts.ts — do not edit: run `npm run contracts:generate`.
export * from './catalog.js';
export * from './credit.js';
export * from './geospatial.js';
export * from './legal-entity.js';
export * from './once-only.js';
export * from './population.js';

import { CATALOG_POLICY_TOPIC, CATALOG_SHARING_APPLICATION_TOPIC, CATALOG_ACCESS_RECORD_TOPIC, CATALOG_EVENT, type CatalogAccessLogCheckpoint, type CatalogAccessRecorded, type CatalogApiKeyChanged, type CatalogGrantChanged, type CatalogParticipantChanged, type CatalogRecognitionRuleChanged, type CatalogResourceChanged, type CatalogSharingApplicationChanged, type CatalogWorkingDayNoticeEntered } from './catalog.js';
import { CREDIT_RECORD_TOPIC, CREDIT_EVENT, type CreditChanged, type CreditRegistered, type CreditStatusChanged } from './credit.js';
import { GEOSPATIAL_STANDARD_ADDRESS_TOPIC, GEOSPATIAL_EVENT, type GeospatialAddressChanged, type GeospatialAddressRegistered } from './geospatial.js';
import { LEGAL_ENTITY_TOPIC, LEGAL_ENTITY_EVENT, type LegalEntityChanged, type LegalEntityLegalRepresentativeDeceased, type LegalEntityRegistered, type LegalEntityStatusChanged } from './legal-entity.js';
import { ONCE_ONLY_MATERIAL_TOPIC, ONCE_ONLY_REVIEW_RESULT_TOPIC, ONCE_ONLY_DATA_CORRECTION_TOPIC, ONCE_ONLY_EVENT, type OnceOnlyDataCorrectionChanged, type OnceOnlyMaterialFiled, type OnceOnlyMaterialStatusChanged, type OnceOnlyReviewResultInvalidated, type OnceOnlyReviewResultRecorded } from './once-only.js';
import { POPULATION_PERSON_TOPIC, POPULATION_EVENT, type PopulationChanged, type PopulationRegistered, type PopulationStatusChanged } from './population.js';

/** Each event type's payload (the CloudEvents data), by type. */
export interface EventPayloads {
  'hub.catalog.access-log-checkpoint.v1': CatalogAccessLogCheckpoint;
  'hub.catalog.access-recorded.v1': CatalogAccessRecorded;
  'hub.catalog.api-key-changed.v1': CatalogApiKeyChanged;
  'hub.catalog.grant-changed.v1': CatalogGrantChanged;
  'hub.catalog.participant-changed.v1': CatalogParticipantChanged;
  'hub.catalog.recognition-rule-changed.v1': CatalogRecognitionRuleChanged;
  'hub.catalog.resource-changed.v1': CatalogResourceChanged;
  'hub.catalog.sharing-application-changed.v1': CatalogSharingApplicationChanged;
  'hub.catalog.working-day-notice-entered.v1': CatalogWorkingDayNoticeEntered;
  'hub.credit.changed.v1': CreditChanged;
  'hub.credit.registered.v1': CreditRegistered;
  'hub.credit.status-changed.v1': CreditStatusChanged;
  'hub.geospatial.address-changed.v1': GeospatialAddressChanged;
  'hub.geospatial.address-registered.v1': GeospatialAddressRegistered;
  'hub.legal-entity.changed.v1': LegalEntityChanged;
  'hub.legal-entity.legal-representative-deceased.v1': LegalEntityLegalRepresentativeDeceased;
  'hub.legal-entity.registered.v1': LegalEntityRegistered;
  'hub.legal-entity.status-changed.v1': LegalEntityStatusChanged;
  'hub.once-only.data-correction-changed.v1': OnceOnlyDataCorrectionChanged;
  'hub.once-only.material-filed.v1': OnceOnlyMaterialFiled;
  'hub.once-only.material-status-changed.v1': OnceOnlyMaterialStatusChanged;
  'hub.once-only.review-result-invalidated.v1': OnceOnlyReviewResultInvalidated;
  'hub.once-only.review-result-recorded.v1': OnceOnlyReviewResultRecorded;
  'hub.population.changed.v1': PopulationChanged;
  'hub.population.registered.v1': PopulationRegistered;
  'hub.population.status-changed.v1': PopulationStatusChanged;
}

/** The event types each topic carries, by topic. */
export interface TopicEventTypes {
  [LEGAL_ENTITY_TOPIC]: typeof LEGAL_ENTITY_EVENT.registered | typeof LEGAL_ENTITY_EVENT.changed | typeof LEGAL_ENTITY_EVENT.statusChanged | typeof LEGAL_ENTITY_EVENT.legalRepresentativeDeceased;
  [POPULATION_PERSON_TOPIC]: typeof POPULATION_EVENT.registered | typeof POPULATION_EVENT.changed | typeof POPULATION_EVENT.statusChanged;
  [CREDIT_RECORD_TOPIC]: typeof CREDIT_EVENT.registered | typeof CREDIT_EVENT.changed | typeof CREDIT_EVENT.statusChanged;
  [GEOSPATIAL_STANDARD_ADDRESS_TOPIC]: typeof GEOSPATIAL_EVENT.addressRegistered | typeof GEOSPATIAL_EVENT.addressChanged;
  [CATALOG_POLICY_TOPIC]: typeof CATALOG_EVENT.resourceChanged | typeof CATALOG_EVENT.grantChanged | typeof CATALOG_EVENT.apiKeyChanged | typeof CATALOG_EVENT.participantChanged | typeof CATALOG_EVENT.recognitionRuleChanged | typeof CATALOG_EVENT.workingDayNoticeEntered;
  [CATALOG_SHARING_APPLICATION_TOPIC]: typeof CATALOG_EVENT.sharingApplicationChanged;
  [CATALOG_ACCESS_RECORD_TOPIC]: typeof CATALOG_EVENT.accessRecorded | typeof CATALOG_EVENT.accessLogCheckpoint;
  [ONCE_ONLY_MATERIAL_TOPIC]: typeof ONCE_ONLY_EVENT.materialFiled | typeof ONCE_ONLY_EVENT.materialStatusChanged;
  [ONCE_ONLY_REVIEW_RESULT_TOPIC]: typeof ONCE_ONLY_EVENT.reviewResultRecorded | typeof ONCE_ONLY_EVENT.reviewResultInvalidated;
  [ONCE_ONLY_DATA_CORRECTION_TOPIC]: typeof ONCE_ONLY_EVENT.dataCorrectionChanged;
}
