import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { loaderFor, type HubContext } from '@hub/subgraph';
import { LegalEntityRef, Location, PersonLocation, PersonRef } from '../geospatial.models.js';
import { LocationReader } from './location.reader.js';

function locationLoader(context: HubContext, reader: LocationReader, type: 'LEGAL_ENTITY' | 'PERSON') {
  return loaderFor<string, Location>(context, `geo.location.${type}`, (ids) => reader.of(type, ids), {
    subjects: type,
  });
}

/** The geospatial library's part of LegalEntity: where its registered address is. */
@Resolver(() => LegalEntityRef)
export class LegalEntityLocationResolver {
  constructor(private readonly reader: LocationReader) {}

  @ResolveReference()
  resolveReference(reference: { uscc: string }): LegalEntityRef {
    return { uscc: reference.uscc };
  }

  @ResolveField(() => Location, {
    nullable: true,
    description: 'The registered address located (地理空间库); null until the library has seen it',
  })
  location(@Parent() entity: LegalEntityRef, @Context() context: HubContext): Promise<Location | null> {
    return locationLoader(context, this.reader, 'LEGAL_ENTITY').load(entity.uscc);
  }
}

/** The geospatial library's part of Person: where the household address is. */
@Resolver(() => PersonRef)
export class PersonLocationResolver {
  constructor(private readonly reader: LocationReader) {}

  @ResolveReference()
  resolveReference(reference: { idNumber: string }): PersonRef {
    return { idNumber: reference.idNumber };
  }

  @ResolveField(() => PersonLocation, {
    nullable: true,
    description: 'The household address located (地理空间库); null until the library has seen it',
  })
  location(@Parent() person: PersonRef, @Context() context: HubContext): Promise<PersonLocation | null> {
    return locationLoader(context, this.reader, 'PERSON').load(person.idNumber);
  }
}
