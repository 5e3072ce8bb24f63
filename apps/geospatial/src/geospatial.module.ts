import { Module } from '@nestjs/common';
import { RegisterModule } from '@hub/register';
import { AddressResolver } from './address/address.resolver.js';
import { StandardAddressInput } from './address/dto/standard-address.input.js';
import { AddressReader } from './address/address.reader.js';
import { toAddressRecord } from './address/standard-address.record.js';
import { STANDARD_ADDRESS_REGISTER } from './address/standard-address.register.js';
import { DivisionResolver } from './division/division.resolver.js';
import { DivisionService } from './division/division.service.js';
import { LegalEntityLocationResolver, PersonLocationResolver } from './location/location.resolver.js';
import { LocationReader } from './location/location.reader.js';
import { SpatialSearchResolver } from './search/spatial-search.resolver.js';
import { SpatialSearchService } from './search/spatial-search.service.js';

/** Divisions, standard addresses, geocoding, locations and spatial search (the GraphQL side of the library), and bulk ingest of standard addresses at POST /ingest/addresses. */
@Module({
  imports: [
    RegisterModule.forFeature({
      spec: STANDARD_ADDRESS_REGISTER,
      input: StandardAddressInput,
      toRecord: toAddressRecord,
      ingestPath: 'addresses',
    }),
  ],
  providers: [
    DivisionService,
    DivisionResolver,
    AddressReader,
    AddressResolver,
    LocationReader,
    LegalEntityLocationResolver,
    PersonLocationResolver,
    SpatialSearchService,
    SpatialSearchResolver,
  ],
})
export class GeospatialModule {}
