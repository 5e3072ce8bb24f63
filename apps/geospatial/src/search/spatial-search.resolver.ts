import { Args, Query, Resolver } from '@nestjs/graphql';
import { SpatialHitConnection, SpatialSearchArgs } from './spatial-search.dto.js';
import { SpatialSearchService } from './spatial-search.service.js';

@Resolver()
export class SpatialSearchResolver {
  constructor(private readonly search: SpatialSearchService) {}

  @Query(() => SpatialHitConnection, { description: 'Addresses, legal entities or persons within a division, a GeoJSON polygon or a radius' })
  spatialSearch(@Args() args: SpatialSearchArgs): Promise<SpatialHitConnection> {
    return this.search.search(args);
  }
}
