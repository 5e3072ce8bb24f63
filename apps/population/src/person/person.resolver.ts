import type { SignedAccess } from '@hub/auth';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { parseCitizenId } from '@hub/identifiers';
import { RecordChange, decodeCursor, encodeCursor } from '@hub/register';
import {
  AnyCaller,
  ProviderOnly,
  InputError,
  checkPageSize,
  loaderFor,
  pageSizeArg,
  touchSubjects,
  type HubContext,
  type InputViolation,
  CallerAccess,
} from '@hub/subgraph';
import { ChangePersonInput, ChangePersonStatusInput } from './dto/change-person.input.js';
import { SearchPersonsArgs } from './dto/person-queries.args.js';
import { PersonRecordInput } from './dto/person-record.input.js';
import { PersonConnection, PersonWriteResult } from './person-connection.model.js';
import { Household, Person } from './person.model.js';
import { PersonReader } from './person.reader.js';
import { PersonService } from './person.service.js';

export const MAX_IDS_PER_CALL = 1000;

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly reader: PersonReader,
    private readonly service: PersonService,
  ) {}

  @AnyCaller()
  @Query(() => Person, { nullable: true, description: 'One person by citizen ID; null when the library has none' })
  person(@Args('idNumber') idNumber: string, @Context() context: HubContext): Promise<Person | null> {
    return personLoader(context, this.reader).load(checkedIdNumbers([idNumber], 'idNumber')[0]);
  }

  @AnyCaller()
  @Query(() => [Person], {
    nullable: 'items',
    description: `Persons by citizen ID, in the order asked (at most ${MAX_IDS_PER_CALL}); null for unknown ones`,
  })
  async persons(
    @Args('idNumbers', { type: () => [String] }) idNumbers: string[],
    @Context() context: HubContext,
  ): Promise<Array<Person | null>> {
    if (idNumbers.length > MAX_IDS_PER_CALL) {
      throw new InputError([
        {
          field: 'idNumbers',
          code: 'TOO_MANY',
          message: `at most ${MAX_IDS_PER_CALL} citizen IDs per call, got ${idNumbers.length}`,
        },
      ]);
    }
    const results = await personLoader(context, this.reader).loadMany(checkedIdNumbers(idNumbers, 'idNumbers'));
    return results.map((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  }

  @AnyCaller()
  @Query(() => PersonConnection, {
    description: 'Search by name (exact or part) within a division; ordered by citizen ID, paginated',
  })
  async searchPersons(@Args() args: SearchPersonsArgs, @Context() context: HubContext): Promise<PersonConnection> {
    if (!args.filter.name && !args.filter.nameContains && !args.filter.divisionCode) {
      throw new InputError([
        { field: 'filter', code: 'FILTER_REQUIRED', message: 'give a name, part of a name or a division' },
      ]);
    }
    const after = args.after === undefined ? undefined : decodeCursor('p', args.after, (k) => parseCitizenId(k).ok);
    const page = await this.reader.search({ ...args.filter, after, first: args.first });
    touchSubjects(
      context,
      'PERSON',
      page.items.map((p) => p.idNumber),
    );
    const edges = page.items.map((node) => ({ cursor: encodeCursor('p', node.idNumber), node }));
    return { edges, nodes: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor } };
  }

  @AnyCaller()
  @Query(() => Household, { nullable: true, description: 'A household (户) by its number' })
  household(@Args('number') number: string, @Context() context: HubContext): Promise<Household | null> {
    return householdLoader(context, this.reader).load(number);
  }

  @ResolveReference()
  resolveReference(reference: { idNumber: string }, context: HubContext): Promise<Person | null> {
    const parsed = parseCitizenId(reference.idNumber);
    return parsed.ok ? personLoader(context, this.reader).load(parsed.value.idNumber) : Promise.resolve(null);
  }

  @ResolveField('household', () => Household, {
    nullable: true,
    description: 'The household (户) the person is registered in',
  })
  householdOf(@Parent() person: Person, @Context() context: HubContext): Promise<Household | null> {
    return person.householdNumber
      ? householdLoader(context, this.reader).load(person.householdNumber)
      : Promise.resolve(null);
  }

  @ResolveField(() => [RecordChange], { description: 'The latest changes, newest first' })
  history(
    @Parent() person: Person,
    @Args('last', pageSizeArg('How many changes')) last: number,
    @Context() context: HubContext,
  ): Promise<RecordChange[]> {
    checkPageSize(last, 'last');
    const loader = loaderFor<string, RecordChange[]>(
      context,
      `person.history.${last}`,
      (keys) => this.reader.historyOf(keys, last),
      { subjects: 'PERSON' },
    );
    return loader.load(person.idNumber) as Promise<RecordChange[]>;
  }

  @ProviderOnly('persons')
  @Mutation(() => PersonWriteResult, {
    description: 'Registers a person from the source department; replaying the same version changes nothing',
  })
  registerPerson(
    @Args('input') input: PersonRecordInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<PersonWriteResult> {
    return this.service.register(input, caller);
  }

  @ProviderOnly('persons')
  @Mutation(() => PersonWriteResult, { description: 'Stores a new version with changed fields' })
  changePerson(
    @Args('input') input: ChangePersonInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<PersonWriteResult> {
    return this.service.change({ ...input, idNumber: normalisedIdNumber(input.idNumber) } as ChangePersonInput, caller);
  }

  @ProviderOnly('persons')
  @Mutation(() => PersonWriteResult, {
    description: 'Stores a new version with a changed status: a death (with its date) or a move',
  })
  changePersonStatus(
    @Args('input') input: ChangePersonStatusInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<PersonWriteResult> {
    return this.service.changeStatus(
      { ...input, idNumber: normalisedIdNumber(input.idNumber) } as ChangePersonStatusInput,
      caller,
    );
  }
}

function personLoader(context: HubContext, reader: PersonReader) {
  return loaderFor<string, Person>(context, 'person.byIdNumber', (keys) => reader.byIdNumbers(keys), {
    subjects: 'PERSON',
  });
}

function householdLoader(context: HubContext, reader: PersonReader) {
  // A household's data is its members' data: each member is a subject of the read.
  return loaderFor<string, Household>(context, 'person.household', async (keys) => {
    const households = await reader.households(keys);
    for (const h of households)
      if (h)
        touchSubjects(
          context,
          'PERSON',
          h.members.map((m) => m.person.idNumber),
        );
    return households;
  });
}

function normalisedIdNumber(value: string): string {
  const parsed = parseCitizenId(value);
  return parsed.ok ? parsed.value.idNumber : value;
}

/** Normalised (18-character) citizen IDs, or one InputError naming every invalid one by position. */
function checkedIdNumbers(values: string[], field: string): string[] {
  const violations: InputViolation[] = [];
  const ids = values.map((value, i) => {
    const parsed = parseCitizenId(value);
    if (parsed.ok) return parsed.value.idNumber;
    violations.push({
      field: values.length === 1 && field === 'idNumber' ? field : `${field}[${i}]`,
      code: parsed.error.code,
      message: parsed.error.message,
    });
    return value;
  });
  if (violations.length > 0) throw new InputError(violations);
  return ids;
}
