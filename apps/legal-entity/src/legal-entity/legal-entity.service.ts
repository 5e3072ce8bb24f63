import { Injectable } from '@nestjs/common';
import { InjectRegisterWrites, sourceOfWrite, type RegisterWrites, type WriteCaller } from '@hub/register';
import {
  CHANGEABLE_FIELDS,
  type ChangeLegalEntityInput,
  type ChangeLegalEntityStatusInput,
} from './dto/change-legal-entity.input.js';
import type { LegalEntityRecordInput } from './dto/legal-entity-record.input.js';
import type { LegalEntityWriteResult } from './legal-entity-write-result.model.js';
import { LegalEntityReader } from './legal-entity.reader.js';
import { LEGAL_ENTITY_REGISTER } from './legal-entity.register.js';

/** Fields a change may not clear. */
const REQUIRED = ['name', 'registeredAddress', 'registeredAddressDivisionCode'];

/** Single writes from department systems (GraphQL mutations), answered with the stored entity. */
@Injectable()
export class LegalEntityService {
  constructor(
    @InjectRegisterWrites(LEGAL_ENTITY_REGISTER) private readonly writes: RegisterWrites<LegalEntityRecordInput>,
    private readonly reader: LegalEntityReader,
  ) {}

  async register(input: LegalEntityRecordInput, caller: WriteCaller): Promise<LegalEntityWriteResult> {
    return this.answer(await this.writes.register(input, caller));
  }

  async change(input: ChangeLegalEntityInput, caller: WriteCaller): Promise<LegalEntityWriteResult> {
    const patch: Partial<LegalEntityRecordInput> = {};
    for (const field of CHANGEABLE_FIELDS)
      if (field in input)
        (patch as Record<string, unknown>)[field] = (input as unknown as Record<string, unknown>)[field];
    return this.answer(
      await this.writes.change(input.uscc.toUpperCase(), sourceOfWrite(input), caller, patch, REQUIRED),
    );
  }

  async changeStatus(input: ChangeLegalEntityStatusInput, caller: WriteCaller): Promise<LegalEntityWriteResult> {
    const patch = {
      status: input.status,
      statusEffectiveOn: input.statusEffectiveOn,
      statusReason: input.statusReason,
    };
    return this.answer(await this.writes.change(input.uscc.toUpperCase(), sourceOfWrite(input), caller, patch));
  }

  private async answer({
    outcome,
    key,
  }: {
    outcome: LegalEntityWriteResult['outcome'];
    key: string;
  }): Promise<LegalEntityWriteResult> {
    const [legalEntity] = await this.reader.byUsccs([key]);
    return { outcome, legalEntity: legalEntity! };
  }
}
