import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RegisterReader, provenanceOf } from '@hub/register';
import type { StandardAddress } from '../geospatial.models.js';
import { STANDARD_ADDRESS_REGISTER } from './standard-address.register.js';

@Injectable()
export class AddressReader {
  private readonly register = new RegisterReader(STANDARD_ADDRESS_REGISTER);

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[]): Promise<Array<StandardAddress | null>> {
    return (await this.register.rowsByKeys(this.dataSource, ids)).map((r) => (r ? toStandardAddress(r) : null));
  }
}

export function toStandardAddress(r: Record<string, unknown>): StandardAddress {
  const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  return {
    addressId: r.address_id as string,
    fullText: r.full_text as string,
    township: text(r.township),
    road: text(r.road),
    houseNumber: text(r.house_number),
    divisionCode: r.division_code as string,
    point: { longitude: Number(r.longitude), latitude: Number(r.latitude) },
    provenance: provenanceOf(r),
  };
}
