import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AnyCaller } from '@hub/subgraph';
import {
  ONCE_ONLY_SEED,
  type OnceOnlySeed,
  type RequiredMaterialSpec,
  type ServiceItemSpec,
} from './once-only-seed.js';
import {
  DataSubjectType,
  MaterialSourceKind,
  MaterialType,
  RequiredMaterial,
  ServiceItem,
} from './service-items.model.js';

/** The shipped service items and material types: public reference data (the recognition rules are the catalog's). */
@Resolver()
export class ServiceItemsResolver {
  constructor(@Inject(ONCE_ONLY_SEED) private readonly seed: OnceOnlySeed) {}

  @AnyCaller()
  @Query(() => [ServiceItem], {
    description: 'Service items (政务服务事项) with their required materials, in code order',
  })
  serviceItems(
    @Args('department', { nullable: true, description: 'Only the items of this department (USCC)' })
    department?: string,
  ): ServiceItem[] {
    return this.seed.serviceItems
      .filter((i) => !department || i.department === department)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(toServiceItem);
  }

  @AnyCaller()
  @Query(() => ServiceItem, { nullable: true })
  serviceItem(@Args('code') code: string): ServiceItem | null {
    const item = this.seed.serviceItems.find((i) => i.code === code);
    return item ? toServiceItem(item) : null;
  }

  @AnyCaller()
  @Query(() => [MaterialType], { description: 'The e-licence and material types the archive knows' })
  materialTypes(): MaterialType[] {
    return this.seed.materialTypes.map((t) => ({
      ...t,
      subjectType: (t.subjectType as DataSubjectType | null) ?? undefined,
      issuers: t.issuers ?? undefined,
    }));
  }
}

export function toServiceItem(item: ServiceItemSpec): ServiceItem {
  return {
    ...item,
    subjectType: item.subjectType as DataSubjectType,
    materials: item.materials.map(toRequiredMaterial),
    formFields: item.formFields.map((f) => ({ ...f, path: f.path ?? undefined })),
  };
}

export function toRequiredMaterial(material: RequiredMaterialSpec): RequiredMaterial {
  return {
    ...material,
    satisfiedBy: material.satisfiedBy.map((s) => ({
      ...s,
      kind: s.kind as MaterialSourceKind,
      condition: 'condition' in s ? (s.condition ?? undefined) : undefined,
    })),
  };
}
