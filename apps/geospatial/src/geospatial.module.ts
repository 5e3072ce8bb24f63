import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { RegisterWrites } from '@hub/register';
import { ADDRESS_WRITES, AddressResolver } from './address/address.resolver.js';
import { AddressReader } from './address/address.reader.js';
import { toAddressRecord } from './address/standard-address.record.js';
import { STANDARD_ADDRESS_REGISTER } from './address/standard-address.register.js';
import { DivisionResolver } from './division/division.resolver.js';
import { DivisionService } from './division/division.service.js';
import { LegalEntityLocationResolver, PersonLocationResolver } from './location/location.resolver.js';
import { LocationReader } from './location/location.reader.js';
import { SpatialSearchResolver } from './search/spatial-search.resolver.js';
import { SpatialSearchService } from './search/spatial-search.service.js';

/** Divisions, standard addresses, geocoding, locations and spatial search (the GraphQL side of the library). */
@Module({
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
    {
      provide: ADDRESS_WRITES,
      inject: [getDataSourceToken(), EventPublisher],
      useFactory: (dataSource: DataSource, events: EventPublisher) => new RegisterWrites(STANDARD_ADDRESS_REGISTER, dataSource, events, toAddressRecord),
    },
  ],
})
export class GeospatialModule {}
