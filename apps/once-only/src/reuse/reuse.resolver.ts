import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { AnyCaller, type HubContext } from '@hub/subgraph';
import { PrefilledField, ReuseAnswer } from './reuse.model.js';
import { ReuseService } from './reuse.service.js';

@Resolver()
export class ReuseResolver {
  constructor(private readonly reuse: ReuseService) {}

  @AnyCaller()
  @Query(() => ReuseAnswer, {
    description:
      "For an application to a service item: each required material satisfied from what the hub holds (licences and materials on file, recognised review results, base-library data — read with the caller's own rights), with the evidence, and what the applicant still has to bring",
  })
  reuseFor(
    @Args('serviceItem', { description: 'The service item code' }) serviceItem: string,
    @Args('subject', { description: "The applicant: a citizen ID or a company's USCC" }) subject: string,
    @Context() context: HubContext,
  ): Promise<ReuseAnswer> {
    return this.reuse.reuseFor(serviceItem, subject, context);
  }

  @AnyCaller()
  @Query(() => [PrefilledField], {
    description:
      "The item's form, with the fields the hub can fill from the base libraries filled — under the caller's rights",
  })
  prefillForm(
    @Args('serviceItem') serviceItem: string,
    @Args('subject') subject: string,
    @Context() context: HubContext,
  ): Promise<PrefilledField[]> {
    return this.reuse.prefill(serviceItem, subject, context);
  }
}
