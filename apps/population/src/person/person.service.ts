import { Injectable } from '@nestjs/common';
import {
  InjectRegisterWrites,
  sourceOfWrite,
  type RegisterWrites,
  type WriteResultOutcome,
  type WriteCaller,
} from '@hub/register';
import {
  CHANGEABLE_PERSON_FIELDS,
  type ChangePersonInput,
  type ChangePersonStatusInput,
} from './dto/change-person.input.js';
import type { PersonRecordInput } from './dto/person-record.input.js';
import type { PersonWriteResult } from './person-connection.model.js';
import { PersonReader } from './person.reader.js';
import { PERSON_REGISTER } from './person.register.js';

const REQUIRED = ['name', 'gender', 'birthDate', 'ethnicityCode', 'householdAddress', 'householdDivisionCode'];

/** Single writes to the person register (GraphQL mutations), answered with the stored person. */
@Injectable()
export class PersonService {
  constructor(
    @InjectRegisterWrites(PERSON_REGISTER) private readonly writes: RegisterWrites<PersonRecordInput>,
    private readonly reader: PersonReader,
  ) {}

  async register(input: PersonRecordInput, caller: WriteCaller): Promise<PersonWriteResult> {
    return this.answer(await this.writes.register(input, caller));
  }

  async change(input: ChangePersonInput, caller: WriteCaller): Promise<PersonWriteResult> {
    const patch: Record<string, unknown> = {};
    for (const field of CHANGEABLE_PERSON_FIELDS)
      if (field in input) patch[field] = (input as unknown as Record<string, unknown>)[field];
    return this.answer(
      await this.writes.change(
        input.idNumber.toUpperCase(),
        sourceOfWrite(input),
        caller,
        patch as Partial<PersonRecordInput>,
        REQUIRED,
      ),
    );
  }

  async changeStatus(input: ChangePersonStatusInput, caller: WriteCaller): Promise<PersonWriteResult> {
    const patch = {
      status: input.status,
      statusEffectiveOn: input.statusEffectiveOn,
      statusReason: input.statusReason,
    };
    return this.answer(await this.writes.change(input.idNumber.toUpperCase(), sourceOfWrite(input), caller, patch));
  }

  private async answer({ outcome, key }: { outcome: WriteResultOutcome; key: string }): Promise<PersonWriteResult> {
    const [person] = await this.reader.byIdNumbers([key]);
    return { outcome, person: person! };
  }
}
