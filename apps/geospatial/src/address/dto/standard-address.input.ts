import { Field, Float, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RegisterRecordInput } from '@hub/register';
import { IsDivisionCode, IsNotBlank } from '@hub/subgraph';
import { IN_GEOSPATIAL_SCHEMA } from '../../geospatial.graphql-scope.js';

export enum CoordinateSystemEnum {
  CGCS2000 = 'CGCS2000',
  WGS84 = 'WGS84',
  GCJ02 = 'GCJ02',
}

registerEnumType(CoordinateSystemEnum, {
  ...IN_GEOSPATIAL_SCHEMA,
  name: 'CoordinateSystem',
  description:
    'The system input coordinates are in. The library stores CGCS2000 only; GCJ-02 (web-map) input is converted first.',
  valuesMap: {
    CGCS2000: { description: 'China Geodetic Coordinate System 2000 (EPSG:4490), the default' },
    WGS84: { description: 'WGS 84 (GPS); numerically within centimetres of CGCS2000' },
    GCJ02: { description: 'GCJ-02, the offset system of Chinese web maps; converted to CGCS2000 before use' },
  },
});

/** One standard address (标准地址) from its source (e.g. natural resources / civil affairs). */
@InputType('StandardAddressInput', {
  ...IN_GEOSPATIAL_SCHEMA,
  description: 'A standard address from its source department',
})
export class StandardAddressInput extends RegisterRecordInput {
  @Field({ description: 'The address id in the address register, e.g. "330106-000123"' })
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'INVALID_FORMAT: 1–64 letters, digits, ".", "_", ":" or "-"' })
  addressId: string;

  @Field({ description: 'The full address text, from the province down' })
  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  fullText: string;

  @Field({ description: 'The GB/T 2260 division (in force) the address lies in' })
  @IsDivisionCode()
  divisionCode: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  township?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  road?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  houseNumber?: string;

  @Field(() => Float)
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude: number;

  @Field(() => Float)
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude: number;

  @Field(() => CoordinateSystemEnum, { nullable: true, description: 'Defaults to CGCS2000' })
  @IsOptional()
  @IsEnum(CoordinateSystemEnum)
  coordinateSystem?: CoordinateSystemEnum;
}
