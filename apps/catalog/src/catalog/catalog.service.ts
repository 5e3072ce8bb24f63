import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@hub/auth';
import { UnitOfWork, type Transaction } from '@hub/events';
import { chinaDate } from '@hub/identifiers';
import {
  ResourceStatus,
  SharingType,
  checkGovernance,
  dataItemId,
  parseResourceCode,
  type CatalogResourceSpec,
  type DataItemSpec,
  type DepartmentSpec,
} from '@hub/policy';
import { decodeCursor, encodeCursor } from '@hub/register';
import { HubError, InputError } from '@hub/subgraph';
import { DepartmentRepository } from '../participants/department.repository.js';
import { GrantRepository } from '../sharing/grant.repository.js';
import {
  CatalogChangeImpact,
  CatalogResource,
  CatalogResourceConnection,
  CatalogResourceVersion,
  DataItem,
  type CatalogGrantImpact,
} from './catalog.model.js';
import {
  CatalogChangeKind,
  CatalogSortField,
  SortDirection,
  type CatalogOrderBy,
  type CatalogResourceInput,
  type CatalogSearchFilter,
  type DataItemInput,
  type UpdateCatalogResourceInput,
} from './catalog.inputs.js';
import type { DataItemRow, ResourceRow } from './catalog.entities.js';
import { resourceChangedEvent } from './resource.events.js';
import { ResourceRepository, type ResourceOrder } from './resource.repository.js';

/** The supergraph SDL, to check that published items govern real fields, each exactly once. */
export const SUPERGRAPH_SDL = Symbol('SUPERGRAPH_SDL');

/** Properties of a resource a change may touch (besides its items). */
/**
 * Problems a change (and the seed) may leave behind: a field or argument nobody governs yet is
 * refused by the gateway (fail closed) and flagged by `npm run catalog:check`.
 */
const TOLERATED: ReadonlySet<string> = new Set(['FIELD_UNGOVERNED', 'ARGUMENT_UNGOVERNED']);

const EDITABLE = [
  'name',
  'summary',
  'format',
  'sharingType',
  'sharingConditions',
  'sharingMethod',
  'openAttribute',
  'updateCycle',
  'relatedCodes',
] as const;

/**
 * The data-sharing catalog: resources with their data items, their lifecycle (draft → published →
 * retired) and every version. A resource is published only if the catalog stays sound: its items
 * name real fields of the graph, no field is governed twice, masking rules fit their fields.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly departments: DepartmentRepository,
    private readonly grants: GrantRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(SUPERGRAPH_SDL) private readonly supergraphSdl: string,
  ) {}

  async resource(code: string): Promise<CatalogResource | null> {
    const [resource] = await this.load([code]);
    return resource ?? null;
  }

  async search(
    filter: CatalogSearchFilter,
    first: number,
    after?: string,
    orderBy?: CatalogOrderBy,
  ): Promise<CatalogResourceConnection> {
    const order = SORTS[orderBy?.field ?? CatalogSortField.CODE];
    const direction = orderBy?.direction ?? SortDirection.ASC;
    // Keyset paging: the cursor holds the last row's sort value and code, sealed with the order it
    // belongs to, so a cursor of one order is refused by another instead of skipping rows.
    const kind = `res.${order}.${direction}`;
    let cursor: { value?: string; code: string } | undefined;
    if (after) {
      if (order === 'code') cursor = { code: decodeCursor(kind, after, (k) => parseResourceCode(k).ok) };
      else {
        const [value, code] = JSON.parse(decodeCursor(kind, after, isSortKey)) as [string, string];
        cursor = { value, code };
      }
    }
    const rows = await this.resources.search({
      status: filter.status ?? ResourceStatus.PUBLISHED,
      text: filter.text || undefined,
      providerUscc: filter.providerUscc || undefined,
      classification: filter.classification || undefined,
      sharingType: filter.sharingType || undefined,
      updateCycle: filter.updateCycle || undefined,
      order,
      direction: direction === SortDirection.ASC ? 'ASC' : 'DESC',
      after: cursor,
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    const last = page.at(-1);
    const nodes = await this.load(page.map((r) => r.code));
    const endCursor = last
      ? encodeCursor(kind, order === 'code' ? last.code : JSON.stringify([last.sort_value, last.code]))
      : undefined;
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor } };
  }

  /**
   * What a change would do to the grants on a resource, before a steward makes it: a retirement
   * takes every granted item away; an update takes away the granted items it removes, and a change
   * to NOT_SHARED leaves the rest granted but unreadable. Grants revoked or run out are left out.
   */
  async changeImpact(
    code: string,
    change: CatalogChangeKind,
    update: UpdateCatalogResourceInput | undefined,
    allowed: (provider: string) => void,
    now = new Date(),
  ): Promise<CatalogChangeImpact> {
    const row = await this.resources.findByCode(code);
    if (!row) throw new HubError('RESOURCE_UNKNOWN', `no resource ${code}`);
    allowed(row.providerUscc);
    if (update && update.code !== code)
      throw new InputError([
        { field: 'update.code', code: 'CODE_MISMATCH', message: 'the update is for another resource' },
      ]);
    const grants = await this.grants.liveOn(code, chinaDate(now));
    const systems = await this.departments.systemsByCodes([...new Set(grants.map((g) => g.consumerSystemCode))]);
    const departments = await this.departments.byUsccs([...new Set(systems.map((s) => s.departmentUscc))]);
    const systemOf = new Map(systems.map((s) => [s.code, s]));
    const departmentName = new Map(departments.map((d) => [d.uscc, d.name]));
    const kept = update?.items ? new Set(update.items.map((i) => i.no)) : undefined;
    const notShared =
      change === CatalogChangeKind.UPDATE && (update?.sharingType ?? row.sharingType) === SharingType.NOT_SHARED;
    const impacts: CatalogGrantImpact[] = [];
    for (const g of grants) {
      const lostItems =
        change === CatalogChangeKind.RETIRE
          ? [...g.items]
          : change === CatalogChangeKind.UPDATE && kept
            ? g.items.filter((no) => !kept.has(no))
            : [];
      const notSharedItems = notShared ? g.items.filter((no) => !lostItems.includes(no)) : [];
      if (lostItems.length === 0 && notSharedItems.length === 0) continue;
      const system = systemOf.get(g.consumerSystemCode);
      impacts.push({
        grantId: g.id,
        consumerSystemCode: g.consumerSystemCode,
        consumerSystemName: system?.name ?? null,
        consumerDepartmentName: system ? (departmentName.get(system.departmentUscc) ?? null) : null,
        validTo: g.validTo,
        lostItems,
        notSharedItems,
        losesAll: lostItems.length + notSharedItems.length === g.items.length,
      });
    }
    return { code, version: row.version, grants: impacts };
  }

  async history(code: string): Promise<CatalogResourceVersion[]> {
    const rows = await this.resources.versions(code);
    return rows.map((r) => ({ ...r }));
  }

  /** A new resource, as a draft of the provider department's steward. */
  async create(input: CatalogResourceInput, by: Principal): Promise<CatalogResource> {
    const code = parseResourceCode(input.code);
    if (!code.ok) throw new InputError([{ field: 'input.code', code: code.code, message: code.message }]);
    checkItems(input.items, 'input.items');
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.departments.exists(input.providerUscc, tx))) {
        throw new InputError([
          { field: 'input.providerUscc', code: 'DEPARTMENT_UNKNOWN', message: `no department ${input.providerUscc}` },
        ]);
      }
      if (await this.resources.exists(input.code, tx)) {
        throw new HubError('RESOURCE_EXISTS', `a resource ${input.code} exists already`);
      }
      await this.resources.insert(
        tx,
        {
          code: input.code,
          classification: code.classification,
          name: input.name,
          providerUscc: input.providerUscc,
          summary: input.summary,
          format: input.format,
          sharingType: input.sharingType,
          sharingConditions: input.sharingConditions ?? null,
          sharingMethod: input.sharingMethod,
          openAttribute: input.openAttribute,
          updateCycle: input.updateCycle,
          publishedOn: null,
          relatedCodes: input.relatedCodes ?? [],
          status: ResourceStatus.DRAFT,
          version: 1,
        },
        input.items.map((i) => itemRow(input.code, i)),
      );
      await this.recordVersion(tx, input.code, 'created', [], by);
    });
    return (await this.resource(input.code))!;
  }

  async update(
    input: UpdateCatalogResourceInput,
    by: Principal,
    allowed: (provider: string) => void,
  ): Promise<CatalogResource> {
    if (input.items) checkItems(input.items, 'input.items');
    await this.unitOfWork.run(async (tx) => {
      const row = await this.locked(tx, input.code, input.expectedVersion);
      allowed(row.providerUscc);
      if (row.status === ResourceStatus.RETIRED)
        throw new HubError('RESOURCE_RETIRED', `resource ${row.code} is retired and cannot change`);
      const changed: string[] = [];
      for (const key of EDITABLE) {
        const value = input[key];
        if (value === undefined || JSON.stringify(value) === JSON.stringify(row[key])) continue;
        (row as unknown as Record<string, unknown>)[key] = value;
        changed.push(key);
      }
      if (input.items) {
        const before = await this.resources.itemsOf(row.code, tx);
        const after = input.items.map((i) => itemRow(row.code, i)).sort((a, b) => a.no - b.no);
        if (JSON.stringify(before.map(itemSpecOf)) !== JSON.stringify(after.map(itemSpecOf))) {
          await this.resources.replaceItems(tx, row.code, after);
          changed.push('items');
        }
      }
      if (changed.length === 0) return;
      row.version++;
      await this.resources.save(tx, row);
      if (row.status === ResourceStatus.PUBLISHED) await this.assertSound(tx, row.code);
      await this.recordVersion(tx, row.code, 'updated', changed, by);
    });
    return (await this.resource(input.code))!;
  }

  async publish(
    code: string,
    expectedVersion: number,
    by: Principal,
    allowed: (provider: string) => void,
  ): Promise<CatalogResource> {
    await this.transition(
      code,
      expectedVersion,
      by,
      allowed,
      ResourceStatus.DRAFT,
      ResourceStatus.PUBLISHED,
      'published',
    );
    return (await this.resource(code))!;
  }

  async retire(
    code: string,
    expectedVersion: number,
    by: Principal,
    allowed: (provider: string) => void,
  ): Promise<CatalogResource> {
    await this.transition(
      code,
      expectedVersion,
      by,
      allowed,
      ResourceStatus.PUBLISHED,
      ResourceStatus.RETIRED,
      'retired',
    );
    return (await this.resource(code))!;
  }

  async providerOf(code: string): Promise<string | null> {
    return (await this.resources.findByCode(code))?.providerUscc ?? null;
  }

  /** Loads the shipped catalog into an empty one; true when it did. The seed must be sound. */
  async seed(resources: CatalogResourceSpec[], departments: DepartmentSpec[]): Promise<boolean> {
    // A field nobody governs yet is refused by the gateway (fail closed) and flagged by
    // `npm run catalog:check`; anything else wrong with the seed would be enforced wrongly.
    const problems = checkGovernance(this.supergraphSdl, { departments, resources }).filter(
      (p) => !TOLERATED.has(p.code),
    );
    if (problems.length > 0) {
      throw new Error(
        `the shipped catalog is not sound (${problems.length} problems), first: ${problems[0].code} ${problems[0].message}`,
      );
    }
    const loaded = await this.unitOfWork.run(async (tx) => {
      if ((await this.resources.count(tx)) > 0) return false;
      for (const r of resources) {
        const code = parseResourceCode(r.code);
        if (!code.ok) throw new Error(`seed resource ${r.code}: ${code.message}`);
        await this.resources.insert(
          tx,
          {
            code: r.code,
            classification: code.classification,
            name: r.name,
            providerUscc: r.provider,
            summary: r.summary,
            format: r.format,
            sharingType: r.sharingType,
            sharingConditions: r.sharingConditions,
            sharingMethod: r.sharingMethod,
            openAttribute: r.openAttribute,
            updateCycle: r.updateCycle,
            publishedOn: r.publishedOn,
            relatedCodes: r.relatedCodes,
            status: r.status,
            version: 1,
          },
          r.items.map((i) => itemRow(r.code, i)),
        );
        await this.recordVersion(tx, r.code, 'created', [], null);
      }
      await tx.publish([resourceChangedEvent('seeded', 'catalog', 1, ResourceStatus.PUBLISHED)]);
      return true;
    });
    return loaded;
  }

  /** Every resource as catalog specs (for soundness checks and the policy snapshot). */
  async specs(tx?: Transaction, status?: ResourceStatus): Promise<CatalogResourceSpec[]> {
    const rows = await this.resources.list(status, tx);
    const items = await this.resources.items(undefined, tx);
    return rows.map((r) =>
      specOf(
        r,
        items.filter((i) => i.resourceCode === r.code),
      ),
    );
  }

  async departmentSpecs(tx?: Transaction): Promise<DepartmentSpec[]> {
    // One after the other: inside a transaction tx is one connection, and pg cannot run two queries
    // on one client at once (pg 8 warns "client.query() while another query runs", pg 9 throws).
    const departments = await this.departments.all(tx);
    const systems = await this.departments.systems(tx);
    return departments.map((d) => ({
      uscc: d.uscc,
      name: d.name,
      divisionCode: d.divisionCode,
      systems: systems.filter((s) => s.departmentUscc === d.uscc).map((s) => ({ code: s.code, name: s.name })),
    }));
  }

  private async transition(
    code: string,
    expectedVersion: number,
    by: Principal,
    allowed: (provider: string) => void,
    from: ResourceStatus,
    to: ResourceStatus,
    change: string,
  ): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const row = await this.locked(tx, code, expectedVersion);
      allowed(row.providerUscc);
      if (row.status !== from)
        throw new HubError(
          'INVALID_STATUS_TRANSITION',
          `resource ${code} is ${row.status}; only a ${from} resource can be ${change}`,
        );
      row.status = to;
      row.version++;
      if (to === ResourceStatus.PUBLISHED) row.publishedOn ??= chinaDate(new Date());
      await this.resources.save(tx, row);
      if (to === ResourceStatus.PUBLISHED) await this.assertSound(tx, code);
      await this.recordVersion(tx, code, change, ['status'], by);
    });
  }

  private async locked(tx: Transaction, code: string, expectedVersion: number): Promise<ResourceRow> {
    const row = await this.resources.findLocked(tx, code);
    if (!row) throw new HubError('RESOURCE_UNKNOWN', `no resource ${code}`);
    if (row.version !== expectedVersion) {
      throw new HubError(
        'VERSION_CONFLICT',
        `resource ${code} is at version ${row.version}, not ${expectedVersion}: reload it and apply your change again`,
        {
          currentVersion: row.version,
        },
      );
    }
    return row;
  }

  /**
   * Refuses a published change that makes the catalog unsound for this resource: an item naming a
   * field the graph does not have, a field another published item governs already, a masking rule
   * that does not fit its field. (Publishing serialises on the catalog: concurrent publications of
   * two resources claiming one field cannot both pass.)
   */
  private async assertSound(tx: Transaction, code: string): Promise<void> {
    await this.resources.lockPublications(tx);
    const resources = await this.specs(tx, ResourceStatus.PUBLISHED);
    const mine = resources.find((r) => r.code === code);
    const fields = new Set(mine?.items.flatMap((i) => [...i.fields, ...(i.arguments ?? [])]) ?? []);
    const problems = checkGovernance(this.supergraphSdl, {
      departments: await this.departmentSpecs(tx),
      resources,
    }).filter(
      (p) =>
        !TOLERATED.has(p.code) && (p.resource === code || (p.coordinate !== undefined && fields.has(p.coordinate))),
    );
    if (problems.length > 0) {
      throw new HubError(
        'CATALOG_UNSOUND',
        `resource ${code} cannot be published as it is: ${problems.map((p) => `${p.code} ${p.message}`).join('; ')}`,
        {
          problems,
        },
      );
    }
  }

  private async recordVersion(
    tx: Transaction,
    code: string,
    change: string,
    changedFields: string[],
    by: Principal | null,
  ): Promise<void> {
    const [resource] = await this.load([code], tx);
    await this.resources.insertVersion(tx, {
      resourceCode: code,
      version: resource.version,
      change,
      snapshot: JSON.parse(JSON.stringify(resource)) as never,
      changedFields,
      changedBy: by?.keyId ?? null,
      changedByName: by?.name ?? 'hub seed',
      changedAt: new Date(),
    });
    await tx.publish([resourceChangedEvent(change, code, resource.version, resource.status)]);
  }

  private async load(codes: string[], tx?: Transaction): Promise<CatalogResource[]> {
    if (codes.length === 0) return [];
    const rows = await this.resources.findByCodes(codes, tx);
    const providers = await this.departments.byUsccs([...new Set(rows.map((r) => r.providerUscc))], tx);
    const providerName = new Map(providers.map((d) => [d.uscc, d.name]));
    const items = await this.resources.items(codes, tx);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.flatMap((code) => {
      const r = byCode.get(code);
      if (!r) return [];
      return [
        {
          ...r,
          providerName: providerName.get(r.providerUscc) ?? null,
          format: r.format as CatalogResource['format'],
          sharingType: r.sharingType as SharingType,
          sharingMethod: r.sharingMethod as CatalogResource['sharingMethod'],
          openAttribute: r.openAttribute as CatalogResource['openAttribute'],
          updateCycle: r.updateCycle as CatalogResource['updateCycle'],
          status: r.status as ResourceStatus,
          items: items.filter((i) => i.resourceCode === code).map(toDataItem),
        },
      ];
    });
  }
}

function checkItems(items: DataItemInput[], field: string): void {
  const seen = new Set<number>();
  items.forEach((item, i) => {
    if (seen.has(item.no))
      throw new InputError([
        { field: `${field}.${i}.no`, code: 'ITEM_NUMBER_DUPLICATE', message: `item number ${item.no} is used twice` },
      ]);
    seen.add(item.no);
  });
}

function itemRow(resourceCode: string, item: DataItemInput | DataItemSpec): DataItemRow {
  return {
    resourceCode,
    no: item.no,
    name: item.name,
    dataType: item.dataType,
    fields: [...item.fields],
    arguments: [...(item.arguments ?? [])],
    sensitivity: item.sensitivity,
    masking: item.masking ?? null,
    dataClass: item.dataClass,
    maskUnless: item.maskUnless ? { field: item.maskUnless.field, values: [...item.maskUnless.values] } : null,
    description: item.description ?? null,
  };
}

function itemSpecOf(row: DataItemRow): DataItemSpec {
  return {
    no: row.no,
    name: row.name,
    dataType: row.dataType as DataItemSpec['dataType'],
    arguments: row.arguments ?? [],
    fields: row.fields,
    sensitivity: row.sensitivity as DataItemSpec['sensitivity'],
    masking: (row.masking as DataItemSpec['masking']) ?? null,
    dataClass: row.dataClass as DataItemSpec['dataClass'],
    ...(row.maskUnless ? { maskUnless: row.maskUnless } : {}),
    ...(row.description ? { description: row.description } : {}),
  };
}

function specOf(r: ResourceRow, items: DataItemRow[]): CatalogResourceSpec {
  return {
    code: r.code,
    name: r.name,
    provider: r.providerUscc,
    summary: r.summary,
    format: r.format as CatalogResourceSpec['format'],
    sharingType: r.sharingType as SharingType,
    sharingConditions: r.sharingConditions,
    sharingMethod: r.sharingMethod as CatalogResourceSpec['sharingMethod'],
    openAttribute: r.openAttribute as CatalogResourceSpec['openAttribute'],
    updateCycle: r.updateCycle as CatalogResourceSpec['updateCycle'],
    publishedOn: r.publishedOn,
    relatedCodes: r.relatedCodes,
    status: r.status as ResourceStatus,
    items: items.map(itemSpecOf),
  };
}

function toDataItem(row: DataItemRow): DataItem {
  return {
    ...itemSpecOf(row),
    arguments: row.arguments ?? [],
    id: dataItemId(row.resourceCode, row.no),
    resourceCode: row.resourceCode,
    description: row.description,
  };
}

/** The orders searchCatalog offers (the repository's). */
const SORTS: Record<CatalogSortField, ResourceOrder> = {
  [CatalogSortField.CODE]: 'code',
  [CatalogSortField.NAME]: 'name',
  [CatalogSortField.UPDATED_AT]: 'updated',
};

function isSortKey(key: string): boolean {
  try {
    const parsed: unknown = JSON.parse(key);
    return (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every((v) => typeof v === 'string') &&
      parseResourceCode(parsed[1] as string).ok
    );
  } catch {
    return false;
  }
}
