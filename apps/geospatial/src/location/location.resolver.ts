import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { loaderFor, type HubContext } from '@hub/subgraph';
import { LegalEntityLocation, Location, PersonLocation } from '../geospatial.models.js';
import { LocationReader } from './location.reader.js';

function locationLoader(context: HubContext, reader: LocationReader, type: 'LEGAL_ENTITY' | 'PERSON') {
  return loaderFor<string, Location>(context, `geo.location.${type}`, (ids) => reader.of(type, ids), { subjects: type });
}

/** The geospatial library's part of LegalEntity: where its registered address is. */
@Resolver(() => LegalEntityLocation)
export class LegalEntityLocationResolver {
  constructor(private readonly reader: LocationReader) {}

  @ResolveReference()
  resolveReference(reference: { uscc: string }): LegalEntityLocation {
    return { uscc: reference.uscc };
  }

  @ResolveField(() => Location, { nullable: true, description: 'The registered address located (地理空间库); null until the library has seen it' })
  location(@Parent() entity: LegalEntityLocation, @Context() context: HubContext): Promise<Location | null> {
    return locationLoader(context, this.reader, 'LEGAL_ENTITY').load(entity.uscc);
  }
}

/** The geospatial library's part of Person: where the household address is. */
@Resolver(() => PersonLocation)
export class PersonLocationResolver {
  constructor(private readonly reader: LocationReader) {}

  @ResolveReference()
  resolveReference(reference: { idNumber: string }): PersonLocation {
    return { idNumber: reference.idNumber };
  }

  @ResolveField(() => Location, { nullable: true, description: 'The household address located (地理空间库); null until the library has seen it' })
  location(@Parent() person: PersonLocation, @Context() context: HubContext): Promise<Location | null> {
    return locationLoader(context, this.reader, 'PERSON').load(person.idNumber);
  }
}
