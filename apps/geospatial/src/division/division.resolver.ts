import { Args, Context, Float, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AnyCaller, InputError, loaderFor, type HubContext } from '@hub/subgraph';
import { CoordinateSystemEnum } from '../address/dto/standard-address.input.js';
import { AdminDivision, DivisionSource } from '../geospatial.models.js';
import { DivisionService } from './division.service.js';

export function divisionLoader(context: HubContext, divisions: DivisionService) {
  return loaderFor<string, AdminDivision>(context, 'geo.division', (codes) => divisions.byCodes(codes));
}

@Resolver(() => AdminDivision)
export class DivisionResolver {
  constructor(private readonly divisions: DivisionService) {}

  @AnyCaller()
  @Query(() => AdminDivision, {
    nullable: true,
    description:
      'A division by GB/T 2260 code (6 digits) or township code (9 digits); retired codes resolve too, with their validity; null for a code the table does not have',
  })
  adminDivision(@Args('code') code: string, @Context() context: HubContext): Promise<AdminDivision | null> {
    if (!/^(\d{6}|\d{9})$/.test(code)) {
      throw new InputError([
        { field: 'code', code: 'DIVISION_CODE_FORMAT', message: 'a division code has 6 digits (9 for a township)' },
      ]);
    }
    return divisionLoader(context, this.divisions).load(code);
  }

  @AnyCaller()
  @Query(() => [AdminDivision], {
    description: 'The divisions in force containing the point, most specific first (county, prefecture, province)',
  })
  divisionAt(
    @Args('longitude', { type: () => Float }) longitude: number,
    @Args('latitude', { type: () => Float }) latitude: number,
    @Args('coordinateSystem', { type: () => CoordinateSystemEnum, defaultValue: CoordinateSystemEnum.CGCS2000 })
    system: CoordinateSystemEnum,
  ): Promise<AdminDivision[]> {
    return this.divisions.at(longitude, latitude, system);
  }

  @ResolveReference()
  resolveReference(reference: { code: string }, context: HubContext): Promise<AdminDivision | null> {
    return divisionLoader(context, this.divisions).load(reference.code);
  }

  @ResolveField(() => AdminDivision, { nullable: true })
  parent(@Parent() division: AdminDivision, @Context() context: HubContext): Promise<AdminDivision | null> {
    return division.parentCode
      ? divisionLoader(context, this.divisions).load(division.parentCode)
      : Promise.resolve(null);
  }

  @ResolveField(() => DivisionSource)
  async source(@Parent() division: AdminDivision, @Context() context: HubContext): Promise<DivisionSource> {
    // divisionAt reads rows without their source; the loader has it.
    const source = division.source ?? (await divisionLoader(context, this.divisions).load(division.code))?.source;
    if (!source) throw new Error(`division ${division.code} has no source`);
    return source;
  }

  @ResolveField(() => [AdminDivision], { description: 'The divisions that replaced a retired one' })
  async successors(@Parent() division: AdminDivision, @Context() context: HubContext): Promise<AdminDivision[]> {
    const found = await divisionLoader(context, this.divisions).loadMany(division.successorCodes);
    return found.filter((d): d is AdminDivision => d !== null && !(d instanceof Error));
  }
}
