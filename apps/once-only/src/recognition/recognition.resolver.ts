import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Principal, type SignedAccess } from '@hub/auth';
import { AnyCaller, Caller, CallerAccess, Roles, loaderFor, touchSubjects, type HubContext } from '@hub/subgraph';
import { requireSystem } from '../access-guard.js';
import { RecordReviewResultInput } from './recognition.inputs.js';
import { ReviewEvidence, ReviewResult } from './recognition.model.js';
import { RecognitionService } from './recognition.service.js';

/** Every subject whose results an answer holds goes into the gateway's access record. */
function touched<T extends ReviewResult | null>(context: HubContext, results: T[]): T[] {
  for (const r of results) if (r) touchSubjects(context, r.subjectType, [r.subjectId]);
  return results;
}

@Resolver(() => ReviewResult)
export class RecognitionResolver {
  constructor(private readonly recognition: RecognitionService) {}

  @Roles(Role.SYSTEM)
  @Mutation(() => ReviewResult, {
    description:
      "A department system records a review result (审查结果) for a known subject, with the evidence it relied on; the reviewing department is the caller's",
  })
  async recordReviewResult(
    @Args('input') input: RecordReviewResultInput,
    @Caller() caller: Principal,
    @Context() context: HubContext,
  ): Promise<ReviewResult> {
    const result = await this.recognition.record(input, requireSystem(caller));
    return touched(context, [result])[0];
  }

  @AnyCaller()
  @Query(() => [ReviewResult], {
    description:
      'The results `forDepartment` may accept instead of checking again (互认): valid today, passed, of a type the recognition rules say it accepts; newest first. A system asks for its own department; stewards and admins for any',
  })
  async recognizedResults(
    @Args('subject', { description: 'Citizen ID or USCC' }) subject: string,
    @Args('forDepartment', { description: 'The accepting department (USCC)' }) forDepartment: string,
    @CallerAccess() access: SignedAccess,
    @Context() context: HubContext,
  ): Promise<ReviewResult[]> {
    const results = touched(
      context,
      await this.recognition.recognizedFor(subject, forDepartment, access, context.requestId),
    );
    if (results.length === 0) await this.recognition.touchKnown(context, subject);
    return results;
  }

  @AnyCaller()
  @Query(() => [ReviewResult], {
    description:
      'Every review result about a subject, in any state, newest first: its history, invalidated ones with the reason',
  })
  async reviewResults(
    @Args('subject', { description: 'Citizen ID or USCC' }) subject: string,
    @Context() context: HubContext,
  ): Promise<ReviewResult[]> {
    const results = touched(context, await this.recognition.ofSubject(subject));
    if (results.length === 0) await this.recognition.touchKnown(context, subject);
    return results;
  }

  @AnyCaller()
  @Query(() => ReviewResult, { nullable: true })
  async reviewResult(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: HubContext,
  ): Promise<ReviewResult | null> {
    return touched(context, [await this.recognition.one(id)])[0];
  }

  @ResolveField(() => [ReviewEvidence], {
    description: 'What the check relied on (materials and e-licences in the archive)',
  })
  async evidence(@Parent() result: ReviewResult, @Context() context: HubContext): Promise<ReviewEvidence[]> {
    const loader = loaderFor<string, ReviewEvidence[]>(context, 'reviewResultEvidence', (ids) =>
      this.recognition.evidenceOf(ids),
    );
    return (await loader.load(result.id)) ?? [];
  }
}
