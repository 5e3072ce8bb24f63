import type { SignedAccess } from '@hub/auth';
import {
  Args,
  ArgsType,
  Context,
  Field,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { chinaDate } from '@hub/identifiers';
import { InjectRegisterWrites, type RegisterWrites } from '@hub/register';
import {
  AnyCaller,
  ProviderOnly,
  IsCalendarDate,
  loaderFor,
  touchSubjects,
  type HubContext,
  type SubjectKind,
  CallerAccess,
} from '@hub/subgraph';
import { SubjectType } from './credit-enums.js';
import {
  CreditProfile,
  CreditRecord,
  CreditRecordWriteResult,
  LegalEntityCredit,
  PersonCredit,
} from './credit-record.model.js';
import { CreditRecordReader } from './credit-record.reader.js';
import { CREDIT_RECORD_REGISTER } from './credit-record.register.js';
import { ChangeCreditRecordStatusInput } from './dto/change-credit-record-status.input.js';
import { CreditRecordInput } from './dto/credit-record.input.js';
import { IN_CREDIT_SCHEMA } from '../credit.graphql-scope.js';

@ArgsType({ ...IN_CREDIT_SCHEMA })
export class AsOfArgs {
  @Field({ nullable: true, description: 'The day to assess, YYYY-MM-DD; today (China Standard Time) when absent' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

/**
 * All of creditProfile's arguments in one class: validated as one object (whitelisted), a separate
 * @Args() AsOfArgs beside @Args('subjectType') was handed the whole object and refused the others
 * (UNKNOWN_FIELD), so the query never answered.
 */
@ArgsType({ ...IN_CREDIT_SCHEMA })
export class CreditProfileArgs {
  @Field(() => SubjectType)
  @IsEnum(SubjectType)
  subjectType: SubjectType;

  @Field()
  @IsString()
  @MaxLength(32)
  subjectId: string;

  @Field({ nullable: true, description: 'The day to assess, YYYY-MM-DD; today (China Standard Time) when absent' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

// The hub's days are China's: before 08:00 CST the UTC date is still yesterday.
const today = () => chinaDate(new Date());

function profileLoader(context: HubContext, reader: CreditRecordReader, subjectType: SubjectType, asOf: string) {
  return loaderFor<string, CreditProfile>(context, `credit.profile.${subjectType}.${asOf}`, async (ids) => {
    const profiles = await reader.profiles(subjectType, ids, asOf);
    // A profile is made for any identifier, so only one that holds something serves a subject: the
    // gateway counts a lookup whose subject nobody reports as a miss of the caller's lookup budget
    // (docs/catalog.md §3a), or asking which candidate ID has records would cost nothing.
    touchSubjects(
      context,
      subjectType as SubjectKind,
      profiles.filter(holdsData).map((p) => p.subjectId),
    );
    return profiles;
  });
}

function holdsData(profile: CreditProfile): boolean {
  const { licences, penalties, redListEntries, blackListEntries, commitments, registrationStanding } = profile;
  return (
    registrationStanding != null ||
    [licences, penalties, redListEntries, blackListEntries, commitments].some((records) => records.length > 0)
  );
}

@Resolver(() => CreditRecord)
export class CreditRecordResolver {
  constructor(
    private readonly reader: CreditRecordReader,
    @InjectRegisterWrites(CREDIT_RECORD_REGISTER) private readonly writes: RegisterWrites<CreditRecordInput>,
  ) {}

  @AnyCaller()
  @Query(() => CreditRecord, {
    nullable: true,
    description: 'One credit record by id (kind:authority USCC:decision number)',
  })
  creditRecord(
    @Args('recordId', { type: () => ID }) recordId: string,
    @Context() context: HubContext,
  ): Promise<CreditRecord | null> {
    return loaderFor<string, CreditRecord>(context, 'credit.record', async (ids) => {
      const records = await this.reader.byIds(ids);
      for (const r of records) if (r) touchSubjects(context, r.subjectType as SubjectKind, [r.subjectId]);
      return records;
    }).load(recordId);
  }

  @AnyCaller()
  @Query(() => CreditProfile, { description: 'The credit profile and assessment of a legal entity or a person' })
  async creditProfile(
    @Args() { subjectType, subjectId, asOf }: CreditProfileArgs,
    @Context() context: HubContext,
  ): Promise<CreditProfile> {
    return (await profileLoader(context, this.reader, subjectType, asOf ?? today()).load(subjectId.toUpperCase()))!;
  }

  @ProviderOnly('credit-records')
  @Mutation(() => CreditRecordWriteResult, {
    description: 'Records a licence, penalty, list entry or commitment from its deciding authority',
  })
  async recordCredit(
    @Args('input') input: CreditRecordInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<CreditRecordWriteResult> {
    const { outcome, key } = await this.writes.register(input, caller);
    return { outcome, record: (await this.reader.byIds([key]))[0]! };
  }

  @ProviderOnly('credit-records')
  @Mutation(() => CreditRecordWriteResult, {
    description: 'Stores a new version with a changed status (revoked, removed from a list, repaired…)',
  })
  async changeCreditRecordStatus(
    @Args('input') input: ChangeCreditRecordStatusInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<CreditRecordWriteResult> {
    const { recordId, sourceDepartment, sourceSystem, sourceRecordId, version, ...patch } = input;
    const { outcome, key } = await this.writes.change(
      recordId,
      { sourceDepartment, sourceSystem, sourceRecordId, version },
      caller,
      patch,
    );
    return { outcome, record: (await this.reader.byIds([key]))[0]! };
  }
}

/** The credit library's part of LegalEntity: its credit profile. */
@Resolver(() => LegalEntityCredit)
export class LegalEntityCreditResolver {
  constructor(private readonly reader: CreditRecordReader) {}

  @ResolveReference()
  resolveReference(reference: { uscc: string }): LegalEntityCredit {
    return { uscc: reference.uscc };
  }

  @ResolveField(() => CreditProfile, { description: 'Credit records and assessment (社会信用库)' })
  async credit(
    @Parent() entity: LegalEntityCredit,
    @Args() { asOf }: AsOfArgs,
    @Context() context: HubContext,
  ): Promise<CreditProfile> {
    return (await profileLoader(context, this.reader, SubjectType.LEGAL_ENTITY, asOf ?? today()).load(entity.uscc))!;
  }
}

/** The credit library's part of Person: its credit profile. */
@Resolver(() => PersonCredit)
export class PersonCreditResolver {
  constructor(private readonly reader: CreditRecordReader) {}

  @ResolveReference()
  resolveReference(reference: { idNumber: string }): PersonCredit {
    return { idNumber: reference.idNumber };
  }

  @ResolveField(() => CreditProfile, { description: 'Credit records and assessment (社会信用库)' })
  async credit(
    @Parent() person: PersonCredit,
    @Args() { asOf }: AsOfArgs,
    @Context() context: HubContext,
  ): Promise<CreditProfile> {
    return (await profileLoader(context, this.reader, SubjectType.PERSON, asOf ?? today()).load(person.idNumber))!;
  }
}
