import type { SignedAccess } from '@hub/auth';
import { Args, Context, Mutation, ObjectType, Field, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { InjectRegisterWrites, WriteResultOutcome, type RegisterWrites } from '@hub/register';
import { AnyCaller, ProviderOnly, InputError, loaderFor, type HubContext, CallerAccess } from '@hub/subgraph';
import { divisionLoader } from '../division/division.resolver.js';
import { DivisionService } from '../division/division.service.js';
import { IN_GEOSPATIAL_SCHEMA } from '../geospatial.graphql-scope.js';
import { AdminDivision, GeocodeResult, StandardAddress } from '../geospatial.models.js';
import { AddressReader } from './address.reader.js';
import { StandardAddressInput } from './dto/standard-address.input.js';
import { geocode } from './geocoder.js';
import { STANDARD_ADDRESS_REGISTER } from './standard-address.register.js';

@ObjectType({ ...IN_GEOSPATIAL_SCHEMA })
export class StandardAddressWriteResult {
  @Field(() => WriteResultOutcome)
  outcome: WriteResultOutcome;

  @Field(() => StandardAddress)
  standardAddress: StandardAddress;
}

function addressLoader(context: HubContext, reader: AddressReader) {
  return loaderFor<string, StandardAddress>(context, 'geo.address', (ids) => reader.byIds(ids));
}

@Resolver(() => StandardAddress)
export class AddressResolver {
  constructor(
    private readonly reader: AddressReader,
    private readonly divisions: DivisionService,
    @InjectRegisterWrites(STANDARD_ADDRESS_REGISTER) private readonly writes: RegisterWrites<StandardAddressInput>,
  ) {}

  @AnyCaller()
  @Query(() => StandardAddress, { nullable: true })
  standardAddress(
    @Args('addressId') addressId: string,
    @Context() context: HubContext,
  ): Promise<StandardAddress | null> {
    return addressLoader(context, this.reader).load(addressId);
  }

  @AnyCaller()
  @Query(() => GeocodeResult, {
    description: 'Geocodes a free-text address against the standard addresses (exact, then normalised match)',
  })
  async geocode(
    @Args('address') address: string,
    @Args('divisionCode', {
      type: () => String,
      nullable: true,
      description: 'The division the address is known to be in, completing a text that omits it',
    })
    divisionCode: string | undefined,
    @Context() context: HubContext,
  ): Promise<GeocodeResult> {
    if (address.trim() === '' || address.length > 500)
      throw new InputError([{ field: 'address', code: 'INVALID_VALUE', message: '1–500 characters' }]);
    const match = await geocode(this.reader.dataSource, address, divisionCode);
    return {
      status: match.status,
      method: match.method,
      confidence: match.confidence,
      reason: match.reason,
      addressKey: match.addressKey,
      divisionCode: match.divisionCode,
      point: match.longitude === undefined ? undefined : { longitude: match.longitude, latitude: match.latitude! },
      standardAddress: match.addressId
        ? ((await addressLoader(context, this.reader).load(match.addressId)) ?? undefined)
        : undefined,
    };
  }

  @ResolveField(() => AdminDivision, { nullable: true })
  division(@Parent() address: StandardAddress, @Context() context: HubContext): Promise<AdminDivision | null> {
    return divisionLoader(context, this.divisions).load(address.divisionCode);
  }

  @ProviderOnly('addresses')
  @Mutation(() => StandardAddressWriteResult, {
    description: 'Registers a standard address from its source; GCJ-02 coordinates are converted, never stored',
  })
  async registerStandardAddress(
    @Args('input') input: StandardAddressInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<StandardAddressWriteResult> {
    const { outcome, key } = await this.writes.register(input, caller);
    return { outcome, standardAddress: (await this.reader.byIds([key]))[0]! };
  }

  @ProviderOnly('addresses')
  @Mutation(() => StandardAddressWriteResult, {
    description: 'Stores a new version of a standard address (the whole record)',
  })
  async changeStandardAddress(
    @Args('input') input: StandardAddressInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<StandardAddressWriteResult> {
    const { addressId, sourceDepartment, sourceSystem, sourceRecordId, version, ...patch } = input;
    const { outcome, key } = await this.writes.change(
      addressId,
      { sourceDepartment, sourceSystem, sourceRecordId, version },
      caller,
      patch,
    );
    return { outcome, standardAddress: (await this.reader.byIds([key]))[0]! };
  }
}
