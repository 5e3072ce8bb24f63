import type { SignedAccess } from '@hub/auth';
import { RecordChange, decodeCursor, encodeCursor } from '@hub/register';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { parseUscc } from '@hub/identifiers';
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
import { ChangeLegalEntityInput, ChangeLegalEntityStatusInput } from './dto/change-legal-entity.input.js';
import { SearchLegalEntitiesArgs } from './dto/legal-entity-queries.args.js';
import { LegalEntityRecordInput } from './dto/legal-entity-record.input.js';
import { LegalEntityConnection } from './legal-entity-connection.model.js';
import { LegalEntityWriteResult } from './legal-entity-write-result.model.js';
import { LegalEntity, LegalRepresentativeStatus } from './legal-entity.model.js';
import { LegalEntityReader } from './legal-entity.reader.js';
import { LegalEntityService } from './legal-entity.service.js';

/** The most USCCs one `legalEntities` call may ask for. */
export const MAX_USCCS_PER_CALL = 1000;

@Resolver(() => LegalEntity)
export class LegalEntityResolver {
  constructor(
    private readonly reader: LegalEntityReader,
    private readonly service: LegalEntityService,
  ) {}

  @AnyCaller()
  @Query(() => LegalEntity, { nullable: true, description: 'One legal entity by USCC; null when the library has none' })
  legalEntity(@Args('uscc') uscc: string, @Context() context: HubContext): Promise<LegalEntity | null> {
    return this.byUscc(context).load(checkedUsccs([uscc], 'uscc')[0]);
  }

  @AnyCaller()
  @Query(() => [LegalEntity], {
    nullable: 'items',
    description: `Legal entities by USCC, in the order asked (at most ${MAX_USCCS_PER_CALL}); null for each one the library has none of`,
  })
  async legalEntities(
    @Args('usccs', { type: () => [String] }) usccs: string[],
    @Context() context: HubContext,
  ): Promise<Array<LegalEntity | null>> {
    if (usccs.length > MAX_USCCS_PER_CALL) {
      throw new InputError([
        {
          field: 'usccs',
          code: 'TOO_MANY',
          message: `at most ${MAX_USCCS_PER_CALL} USCCs per call, got ${usccs.length}`,
        },
      ]);
    }
    const results = await this.byUscc(context).loadMany(checkedUsccs(usccs, 'usccs'));
    return results.map((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  }

  @AnyCaller()
  @Query(() => LegalEntityConnection, {
    description: 'Search by part of the name, status and division; ordered by USCC, paginated',
  })
  async searchLegalEntities(
    @Args() args: SearchLegalEntitiesArgs,
    @Context() context: HubContext,
  ): Promise<LegalEntityConnection> {
    const after = args.after === undefined ? undefined : decodeCursor('le', args.after, (k) => parseUscc(k).ok);
    const page = await this.reader.search({ ...args.filter, after, first: args.first });
    touchSubjects(
      context,
      'LEGAL_ENTITY',
      page.items.map((e) => e.uscc),
    );
    const edges = page.items.map((node) => ({ cursor: encodeCursor('le', node.uscc), node }));
    return { edges, nodes: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor } };
  }

  @ResolveReference()
  resolveReference(reference: { uscc: string }, context: HubContext): Promise<LegalEntity | null> {
    const parsed = parseUscc(reference.uscc);
    return parsed.ok ? this.byUscc(context).load(parsed.value.uscc) : Promise.resolve(null);
  }

  @ResolveField(() => [RecordChange], { description: 'The latest changes, newest first' })
  history(
    @Parent() entity: LegalEntity,
    @Args('last', pageSizeArg('How many changes')) last: number,
    @Context() context: HubContext,
  ): Promise<RecordChange[]> {
    checkPageSize(last, 'last');
    const loader = loaderFor<string, RecordChange[]>(
      context,
      `legalEntity.history.${last}`,
      (keys) => this.reader.historyOf(keys, last),
      { subjects: 'LEGAL_ENTITY' },
    );
    return loader.load(entity.uscc) as Promise<RecordChange[]>;
  }

  @ResolveField(() => LegalRepresentativeStatus, {
    nullable: true,
    description:
      'Whether the population library reported the legal representative deceased; null when it reported nothing',
  })
  legalRepresentativeStatus(
    @Parent() entity: LegalEntity,
    @Context() context: HubContext,
  ): Promise<LegalRepresentativeStatus | null> {
    const id = entity.legalRepresentative?.idNumber;
    if (!id) return Promise.resolve(null);
    return loaderFor<string, LegalRepresentativeStatus>(
      context,
      'legalEntity.representative',
      (ids) => this.reader.representativeStatuses(ids),
      { subjects: 'PERSON' },
    ).load(id);
  }

  @ProviderOnly('legal-entities')
  @Mutation(() => LegalEntityWriteResult, {
    description: 'Registers a legal entity from its source department; replaying the same version changes nothing',
  })
  registerLegalEntity(
    @Args('input') input: LegalEntityRecordInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<LegalEntityWriteResult> {
    return this.service.register(input, caller);
  }

  @ProviderOnly('legal-entities')
  @Mutation(() => LegalEntityWriteResult, { description: 'Stores a new version with changed fields' })
  changeLegalEntity(
    @Args('input') input: ChangeLegalEntityInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<LegalEntityWriteResult> {
    return this.service.change(input, caller);
  }

  @ProviderOnly('legal-entities')
  @Mutation(() => LegalEntityWriteResult, {
    description: 'Stores a new version with a changed status (e.g. 吊销 revoked, 注销 deregistered)',
  })
  changeLegalEntityStatus(
    @Args('input') input: ChangeLegalEntityStatusInput,
    @CallerAccess() caller: SignedAccess,
  ): Promise<LegalEntityWriteResult> {
    return this.service.changeStatus(input, caller);
  }

  private byUscc(context: HubContext) {
    return loaderFor<string, LegalEntity>(context, 'legalEntity.byUscc', (keys) => this.reader.byUsccs(keys), {
      subjects: 'LEGAL_ENTITY',
    });
  }
}

/** Normalised USCCs, or one InputError naming every invalid one by position. */
function checkedUsccs(values: string[], field: string): string[] {
  const violations: InputViolation[] = [];
  const usccs = values.map((value, i) => {
    const parsed = parseUscc(value);
    if (parsed.ok) return parsed.value.uscc;
    violations.push({
      field: values.length === 1 && field === 'uscc' ? field : `${field}[${i}]`,
      code: parsed.error.code,
      message: parsed.error.message,
    });
    return value;
  });
  if (violations.length > 0) throw new InputError(violations);
  return usccs;
}
