import { Args, Context, Float, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AnyCaller, InputError, loaderFor, type HubContext } from '@hub/subgraph';
import { CoordinateSystemEnum } from '../address/dto/standard-address.input.js';
import { AdminDivision } from '../geospatial.models.js';
import { DivisionService } from './division.service.js';

export function divisionLoader(context: HubContext, divisions: DivisionService) {
  return loaderFor<string, AdminDivision>(context, 'geo.division', (codes) => divisions.byCodes(codes));
}

@Resolver(() => AdminDivision)
export class DivisionResolver {
  constructor(private readonly divisions: DivisionService) {}

  @AnyCaller()
  @Query(() => AdminDivision, { nullable: true, description: 'A division by GB/T 2260 code; retired codes resolve too, with their validity' })
  adminDivision(@Args('code') code: string, @Context() context: HubContext): Promise<AdminDivision | null> {
    if (!/^\d{6}$/.test(code)) throw new InputError([{ field: 'code', code: 'DIVISION_CODE_FORMAT', message: 'a division code has 6 digits' }]);
    return divisionLoader(context, this.divisions).load(code);
  }

  @AnyCaller()
  @Query(() => [AdminDivision], { description: 'The divisions in force containing the point, most specific first (county, prefecture, province)' })
  divisionAt(
    @Args('longitude', { type: () => Float }) longitude: number,
    @Args('latitude', { type: () => Float }) latitude: number,
    @Args('coordinateSystem', { type: () => CoordinateSystemEnum, defaultValue: CoordinateSystemEnum.CGCS2000 }) system: CoordinateSystemEnum,
  ): Promise<AdminDivision[]> {
    return this.divisions.at(longitude, latitude, system);
  }

  @ResolveReference()
  resolveReference(reference: { code: string }, context: HubContext): Promise<AdminDivision | null> {
    return divisionLoader(context, this.divisions).load(reference.code);
  }

  @ResolveField(() => AdminDivision, { nullable: true })
  parent(@Parent() division: AdminDivision, @Context() context: HubContext): Promise<AdminDivision | null> {
    return division.parentCode ? divisionLoader(context, this.divisions).load(division.parentCode) : Promise.resolve(null);
  }

  @ResolveField(() => [AdminDivision], { description: 'The divisions that replaced a retired one' })
  async successors(@Parent() division: AdminDivision, @Context() context: HubContext): Promise<AdminDivision[]> {
    const found = await divisionLoader(context, this.divisions).loadMany(division.successorCodes);
    return found.filter((d): d is AdminDivision => d !== null && !(d instanceof Error));
  }
}
