import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import { Caller, InputError, Roles, loaderFor, touchSubjects, type HubContext, type SubjectKind } from '@hub/subgraph';
import { requireSystem } from '../access-guard.js';
import { parseSubject } from '../subjects/subject.js';
import { ChangeMaterialStatusInput, FileMaterialInput } from './archive.inputs.js';
import { Material, MaterialKind, MaterialStatus, MaterialStatusChange } from './archive.model.js';
import { ArchiveService } from './archive.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every material answered names its subject in the access record. */
function touched<T extends Material | null>(context: HubContext, material: T): T {
  if (material) touchSubjects(context, material.subjectType as SubjectKind, [material.subjectId]);
  return material;
}

@Resolver()
export class ArchiveResolver {
  constructor(private readonly archive: ArchiveService) {}

  @Roles(Role.SYSTEM)
  @Mutation(() => Material, {
    description:
      'A department system files an e-licence it issued, or a material it received, for a subject the hub knows (一档); the content is uploaded after (PUT /archive/materials/{id}/content)',
  })
  async fileMaterial(
    @Args('input') input: FileMaterialInput,
    @Caller() caller: Principal,
    @Context() context: HubContext,
  ): Promise<Material> {
    return touched(context, await this.archive.file(input, requireSystem(caller)));
  }

  @Roles(Role.SYSTEM, Role.STEWARD)
  @Mutation(() => Material, {
    description:
      'A system or steward of the filing department revokes (撤销) or cancels (注销) a VALID material, with the reason',
  })
  async changeMaterialStatus(
    @Args('input') input: ChangeMaterialStatusInput,
    @Caller() caller: Principal,
    @Context() context: HubContext,
  ): Promise<Material> {
    return touched(context, await this.archive.changeStatus(input, caller));
  }

  @Roles(Role.SYSTEM, Role.STEWARD)
  @Query(() => Material, { nullable: true, description: 'One material or e-licence of the archive' })
  async material(@Args('id', { type: () => ID }) id: string, @Context() context: HubContext): Promise<Material | null> {
    if (!UUID.test(id))
      throw new InputError([{ field: 'id', code: 'INVALID_FORMAT', message: 'a material id is a UUID' }]);
    return touched(context, await this.archive.material(id.toLowerCase()));
  }

  @Roles(Role.SYSTEM, Role.STEWARD)
  @Query(() => [Material], { description: "A subject's archive: its e-licences and materials, newest first" })
  async materials(
    @Args('subject', { description: 'A citizen ID or a USCC' }) subjectInput: string,
    @Context() context: HubContext,
    @Args('kind', { type: () => MaterialKind, nullable: true }) kind?: MaterialKind,
    @Args('status', { type: () => MaterialStatus, nullable: true }) status?: MaterialStatus,
  ): Promise<Material[]> {
    const subject = parseSubject(subjectInput, 'subject');
    const materials = await this.archive.materials(subject.id, kind, status);
    await this.archive.touchKnown(context, subject);
    return materials;
  }
}

@Resolver(() => Material)
export class MaterialResolver {
  constructor(private readonly archive: ArchiveService) {}

  @ResolveField(() => [MaterialStatusChange])
  statusHistory(@Parent() material: Material, @Context() context: HubContext): Promise<MaterialStatusChange[]> {
    if (material.statusHistory) return Promise.resolve(material.statusHistory);
    return loaderFor<string, MaterialStatusChange[]>(context, 'material-status-history', (ids) =>
      this.archive.histories(ids),
    )
      .load(material.id)
      .then((history) => history ?? []);
  }
}
