import { ArgsType, Field, Float, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject, PageInfo, CursorField } from '@hub/register';
import { DEFAULT_PAGE_SIZE, IsDivisionCode, PageSizeField } from '@hub/subgraph';
import { CoordinateSystemEnum } from '../address/dto/standard-address.input.js';
import { IN_GEOSPATIAL_SCHEMA } from '../geospatial.graphql-scope.js';
import { GeoPoint, LegalEntityRef, PersonRef, StandardAddress } from '../geospatial.models.js';

export enum SpatialSearchKind {
  ADDRESS = 'ADDRESS',
  LEGAL_ENTITY = 'LEGAL_ENTITY',
  PERSON = 'PERSON',
}

registerEnumType(SpatialSearchKind, { ...IN_GEOSPATIAL_SCHEMA, name: 'SpatialSearchKind' });

@InputType('CircleInput', {
  ...IN_GEOSPATIAL_SCHEMA,
  description: 'A circle on the ground: centre and radius in metres',
})
export class CircleInput {
  @Field(() => Float)
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude: number;

  @Field(() => Float)
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude: number;

  @Field(() => Float, { description: '1 m to 100 km' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100_000)
  radiusMetres: number;

  @Field(() => CoordinateSystemEnum, { nullable: true, description: 'Defaults to CGCS2000' })
  @IsOptional()
  @IsEnum(CoordinateSystemEnum)
  coordinateSystem?: CoordinateSystemEnum;
}

@InputType('SpatialFilterInput', {
  ...IN_GEOSPATIAL_SCHEMA,
  description: 'Exactly one of: a division, a GeoJSON polygon, a circle',
})
export class SpatialFilterInput {
  @Field({ nullable: true, description: 'Everything within this division (its boundary)' })
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'A GeoJSON Polygon or MultiPolygon in CGCS2000 (at most 10,000 positions)',
  })
  @IsOptional()
  @IsObject()
  polygon?: Record<string, unknown>;

  @Field(() => CircleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CircleInput)
  circle?: CircleInput;
}

@ArgsType({ ...IN_GEOSPATIAL_SCHEMA })
export class SpatialSearchArgs {
  @Field(() => SpatialSearchKind)
  @IsEnum(SpatialSearchKind)
  kind: SpatialSearchKind;

  @Field(() => SpatialFilterInput)
  @ValidateNested()
  @Type(() => SpatialFilterInput)
  within: SpatialFilterInput;

  @PageSizeField()
  first: number = DEFAULT_PAGE_SIZE;

  @CursorField()
  after?: string;
}

@ObjectType({ ...IN_GEOSPATIAL_SCHEMA, description: 'One thing found by a spatial search' })
export class SpatialHit {
  @Field(() => SpatialSearchKind)
  kind: SpatialSearchKind;

  @Field(() => ID, { description: 'Address id, USCC or citizen ID' })
  id: string;

  @Field(() => GeoPoint)
  point: GeoPoint;

  @Field(() => StandardAddress, { nullable: true })
  standardAddress?: StandardAddress;

  @Field(() => LegalEntityRef, { nullable: true })
  legalEntity?: LegalEntityRef;

  @Field(() => PersonRef, { nullable: true })
  person?: PersonRef;
}

@ObjectType({ ...IN_GEOSPATIAL_SCHEMA, description: 'A page of spatial search hits, ordered by id' })
export class SpatialHitConnection {
  @Field(() => [SpatialHit])
  nodes: SpatialHit[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
