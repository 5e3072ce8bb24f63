import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { AnyCaller, touchSubjects, type HubContext } from '@hub/subgraph';
import { SpatialHitConnection, SpatialSearchArgs, SpatialSearchKind } from './spatial-search.dto.js';
import { SpatialSearchService } from './spatial-search.service.js';

@Resolver()
export class SpatialSearchResolver {
  constructor(private readonly search: SpatialSearchService) {}

  @AnyCaller()
  @Query(() => SpatialHitConnection, {
    description: 'Addresses, legal entities or persons within a division, a GeoJSON polygon or a radius',
  })
  async spatialSearch(@Args() args: SpatialSearchArgs, @Context() context: HubContext): Promise<SpatialHitConnection> {
    const page = await this.search.search(args);
    // Where a person or a company is, is their data: each hit is a subject of the read.
    if (args.kind !== SpatialSearchKind.ADDRESS)
      touchSubjects(
        context,
        args.kind === SpatialSearchKind.PERSON ? 'PERSON' : 'LEGAL_ENTITY',
        page.nodes.map((h) => h.id),
      );
    return page;
  }
}
