import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, formatELicenceId } from '@hub/identifiers';
import { ArchiveService } from '../apps/once-only/src/archive/archive.service.js';
import { ONCE_ONLY_EVENT, ONCE_ONLY_MATERIAL_TOPIC } from '@hub/contracts';
import { schemaErrors } from './support/event-schemas.js';
import { REGISTER, REGISTER_PERSON, aLegalEntity, aPerson } from './support/fixtures.js';
import { DEPARTMENTS } from './support/test-access.js';
import { TestHub, type EventCollector, type GraphQLResponse } from './support/test-hub.js';
import { addDays } from './support/days.js';

const MAX_CONTENT_BYTES = 4096;
/** The e-licence arc (GB/T 36904): 1.2.156.3005.2 */
const E_LICENCE_ID_PREFIX = '1.2.156.3005.2';

const MATERIAL_FIELDS = `id subjectType subjectId kind materialType materialTypeName title issuerUscc licenceId issuedOn validUntil status
  supersededBy contentSha256 contentSize contentType contentStored caseNumber serviceItemCode filedByDepartment filedAt`;
const HISTORY = `statusHistory { from to reason changedAt changedByDepartment supersededBy }`;
const FILE = `mutation File($input: FileMaterialInput!) { fileMaterial(input: $input) { ${MATERIAL_FIELDS} } }`;
const CHANGE = `mutation Change($input: ChangeMaterialStatusInput!) { changeMaterialStatus(input: $input) { ${MATERIAL_FIELDS} } }`;
const MATERIAL = `query Material($id: ID!) { material(id: $id) { ${MATERIAL_FIELDS} ${HISTORY} } }`;
const MATERIALS = `query Materials($subject: String!, $kind: MaterialKind, $status: MaterialStatus) {
  materials(subject: $subject, kind: $kind, status: $status) { id kind status ${HISTORY} }
}`;
const ACCESS_LOG = `query($t: AccessSubjectType!, $id: String!) {
  accessLog(subjectType: $t, subjectId: $id, first: 100) { nodes { systemCode operationName fields subjects outcome errorCode purpose } }
}`;

interface StatusChange {
  from: string | null;
  to: string;
  reason: string | null;
  changedAt: string;
  changedByDepartment: string | null;
  supersededBy: string | null;
}
interface Material {
  id: string;
  subjectType: string;
  subjectId: string;
  kind: string;
  materialType: string;
  materialTypeName: string;
  title: string;
  issuerUscc: string;
  licenceId: string | null;
  issuedOn: string;
  validUntil: string | null;
  status: string;
  supersededBy: string | null;
  contentSha256: string | null;
  contentSize: number | null;
  contentType: string | null;
  contentStored: boolean;
  caseNumber: string | null;
  serviceItemCode: string | null;
  filedByDepartment: string;
  statusHistory?: StatusChange[];
}

/** A small but well-formed PDF: what a department scans a licence to. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let serials = 0;
/** A valid identifier of a licence of this type issued by this department (GB/T 36904, with its check character). */
function licenceId(
  typeCode: string,
  issuerUscc: string,
  version = '001',
  serial = `2026${String(++serials).padStart(6, '0')}`,
): string {
  return formatELicenceId({ typeCode, issuerUscc, serial, version });
}

describe('the archive (一档): e-licences and materials, their content and their lifecycle', () => {
  let hub: TestHub;
  let events: EventCollector;
  let archiveDir: string;
  const person = aPerson().build();
  const company = aLegalEntity().build();
  const today = chinaDate(new Date());
  let businessLicence: Material;

  const file = (input: Record<string, unknown>, key: string) =>
    hub.graphql<{ fileMaterial: Material }>(FILE, { input }, {}, { key });
  const change = (input: Record<string, unknown>, key: string) =>
    hub.graphql<{ changeMaterialStatus: Material }>(CHANGE, { input }, {}, { key });
  const read = async (id: string) => {
    const answer = await hub.graphql<{ material: Material | null }>(MATERIAL, { id }, {}, { key: hub.keys.window.key });
    expect(answer.errors).toBeUndefined();
    return answer.data!.material!;
  };
  const codeOf = (answer: GraphQLResponse) => answer.errors?.[0]?.extensions?.code;
  const violationOf = (answer: GraphQLResponse) => ({
    code: codeOf(answer),
    field: answer.errors?.[0]?.extensions?.field,
    reason: answer.errors?.[0]?.extensions?.reason,
  });

  /** Files as soon as the once-only app has learnt of the subject from the base library's event. */
  async function fileWhenKnown(input: Record<string, unknown>, key: string): Promise<Material> {
    const answer = await hub.eventually(async () => {
      const attempt = await file(input, key);
      if (codeOf(attempt) === 'SUBJECT_UNKNOWN')
        throw new Error(`${String(input.subject)} is not known to the once-only app yet`);
      return attempt;
    }, 30_000);
    expect(answer.errors).toBeUndefined();
    return answer.data!.fileMaterial;
  }

  const contentUrl = (id: string) => `${hub.gatewayUrl}/archive/materials/${id}/content`;
  const purpose = { 'x-hub-purpose': encodeURIComponent('一档管理自动化测试') };
  const upload = (
    id: string,
    body: Buffer | string | ReadableStream<Uint8Array>,
    type: string,
    key: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(contentUrl(id), {
      method: 'PUT',
      headers: { 'content-type': type, ...hub.auth(key), ...purpose, ...headers },
      body,
      duplex: 'half',
    } as RequestInit);
  const download = (id: string, key: string | null, headers: Record<string, string> = {}) =>
    fetch(contentUrl(id), { headers: { ...hub.auth(key), ...purpose, ...headers } });

  /** The status and error code of a refused request. */
  const refusal = async (response: Response): Promise<[number, string]> => [
    response.status,
    ((await response.json()) as { code: string }).code,
  ];

  /** The events about one material, each checked against its JSON Schema. */
  async function eventsAbout(
    materialId: string,
    count: number,
  ): Promise<Array<{ type: string; subject: string; data: Record<string, unknown> }>> {
    const about = () => events.events<Record<string, unknown>>().filter((e) => e.data.materialId === materialId);
    await events.waitFor(() => about().length >= count);
    const found = about();
    for (const event of found) expect(schemaErrors(event.type, event.data), event.type).toEqual([]);
    return found.map((e) => ({ type: e.type, subject: e.subject!, data: e.data }));
  }

  beforeAll(async () => {
    archiveDir = mkdtempSync(join(tmpdir(), 'hub-archive-'));
    hub = await TestHub.start({
      env: { ARCHIVE_MAX_CONTENT_BYTES: String(MAX_CONTENT_BYTES), ARCHIVE_DIR: archiveDir },
    });
    events = await hub.collect(ONCE_ONLY_MATERIAL_TOPIC);
    expect((await hub.graphql(REGISTER_PERSON, { input: person })).errors).toBeUndefined();
    expect((await hub.graphql(REGISTER, { input: company })).errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await events?.close();
    await hub?.close();
    if (archiveDir) rmSync(archiveDir, { recursive: true, force: true });
  });

  it('files the business licence the market regulator issued, and reads it back with its status history', async () => {
    const id = licenceId('YYZZ', DEPARTMENTS.marketRegulation);
    businessLicence = await fileWhenKnown(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'YYZZ',
        title: `${String(company.name)}营业执照`,
        licenceId: id,
        issuedOn: '2018-06-01',
        caseNumber: 'FS-AMR-2018-000001',
      },
      hub.keys.legalEntity.key,
    );
    expect(businessLicence).toMatchObject({
      subjectType: 'LEGAL_ENTITY',
      subjectId: company.uscc,
      kind: 'ELICENCE',
      materialType: 'YYZZ',
      materialTypeName: '营业执照',
      issuerUscc: DEPARTMENTS.marketRegulation,
      licenceId: id,
      issuedOn: '2018-06-01',
      validUntil: null,
      status: 'VALID',
      contentStored: false,
      filedByDepartment: DEPARTMENTS.marketRegulation,
    });

    // Any department system reads the archive (the one-window system here).
    const stored = await read(businessLicence.id);
    expect(stored.statusHistory).toEqual([
      {
        from: null,
        to: 'VALID',
        reason: null,
        changedAt: expect.any(String),
        changedByDepartment: DEPARTMENTS.marketRegulation,
        supersededBy: null,
      },
    ]);
    const archive = await hub.graphql<{ materials: Material[] }>(
      MATERIALS,
      { subject: company.uscc, kind: 'ELICENCE' },
      {},
      { key: hub.keys.window.key },
    );
    expect(archive.data!.materials.map((m) => m.id)).toContain(businessLicence.id);

    const [filed] = await eventsAbout(businessLicence.id, 1);
    expect(filed).toMatchObject({
      type: ONCE_ONLY_EVENT.materialFiled,
      subject: company.uscc,
      data: { licenceId: id, status: 'VALID', supersedes: null },
    });
  });

  it('refuses identifiers that are malformed, fail their check or name an invalid issuer, each with its code', async () => {
    const good = licenceId('YYZZ', DEPARTMENTS.marketRegulation);
    const last = good.at(-1)!;
    const wrongCheck = `${good.slice(0, -1)}${last === '0' ? '1' : '0'}`;
    const badIssuer = `${DEPARTMENTS.marketRegulation.slice(0, -1)}${DEPARTMENTS.marketRegulation.endsWith('L') ? 'M' : 'L'}`;
    // The issuer is judged before the check character.
    const wrongIssuer = `${E_LICENCE_ID_PREFIX}.YYZZ.${badIssuer}.2026999999.001.0`;
    const wrongPrefix = good.replace(E_LICENCE_ID_PREFIX, '1.2.156.3005.3');
    const cases: Array<[string, string]> = [
      [wrongCheck, 'ELICENCE_ID_CHECK'],
      [wrongIssuer, 'ELICENCE_ID_ISSUER'],
      [wrongPrefix, 'ELICENCE_ID_FORMAT'],
    ];
    for (const [identifier, reason] of cases) {
      const answer = await file(
        {
          subject: company.uscc,
          kind: 'ELICENCE',
          materialType: 'YYZZ',
          title: '营业执照',
          licenceId: identifier,
          issuedOn: '2020-01-01',
        },
        hub.keys.legalEntity.key,
      );
      expect(violationOf(answer), identifier).toEqual({ code: 'BAD_USER_INPUT', field: 'input.licenceId', reason });
    }
    // A licence of another type than the one filed.
    const foodLicence = await file(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'YYZZ',
        title: '营业执照',
        licenceId: licenceId('SPJYXKZ', DEPARTMENTS.marketRegulation),
        issuedOn: '2020-01-01',
      },
      hub.keys.legalEntity.key,
    );
    expect(violationOf(foodLicence)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.licenceId',
      reason: 'ELICENCE_TYPE_MISMATCH',
    });
    // An e-licence needs its identifier; a material has none.
    const withoutId = await file(
      { subject: company.uscc, kind: 'ELICENCE', materialType: 'YYZZ', title: '营业执照', issuedOn: '2020-01-01' },
      hub.keys.legalEntity.key,
    );
    expect(violationOf(withoutId).reason).toBe('REQUIRED');
    const materialWithId = await file(
      {
        subject: company.uscc,
        kind: 'MATERIAL',
        materialType: 'FLOOR_PLAN',
        title: '平面图',
        licenceId: good,
        issuedOn: '2020-01-01',
      },
      hub.keys.window.key,
    );
    expect(violationOf(materialWithId).reason).toBe('LICENCE_ID_NOT_ALLOWED');
  });

  it('files only the licences a department issued itself, of types it issues', async () => {
    // A market-regulation system filing a licence the natural-resources bureau issued.
    const theirs = await file(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'BDCQZS',
        title: '不动产权证书',
        licenceId: licenceId('BDCQZS', DEPARTMENTS.naturalResources),
        issuedOn: '2021-03-01',
      },
      hub.keys.legalEntity.key,
    );
    expect(codeOf(theirs)).toBe('ISSUER_MISMATCH');
    // Its own identifier, but for a licence type only natural resources issues.
    const notIssuer = await file(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'BDCQZS',
        title: '不动产权证书',
        licenceId: licenceId('BDCQZS', DEPARTMENTS.marketRegulation),
        issuedOn: '2021-03-01',
      },
      hub.keys.legalEntity.key,
    );
    expect(codeOf(notIssuer)).toBe('ISSUER_MISMATCH');
    // The same licence twice.
    const again = await file(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'YYZZ',
        title: '营业执照',
        licenceId: businessLicence.licenceId,
        issuedOn: '2018-06-01',
      },
      hub.keys.legalEntity.key,
    );
    expect(codeOf(again)).toBe('LICENCE_ID_TAKEN');
  });

  it('refuses subjects it does not know, types it does not know or that do not fit, and dates that do not hold', async () => {
    const stranger = aLegalEntity().build().uscc;
    const unknown = await file(
      {
        subject: stranger,
        kind: 'ELICENCE',
        materialType: 'YYZZ',
        title: '营业执照',
        licenceId: licenceId('YYZZ', DEPARTMENTS.marketRegulation),
        issuedOn: '2020-01-01',
      },
      hub.keys.legalEntity.key,
    );
    expect(codeOf(unknown)).toBe('SUBJECT_UNKNOWN');
    const base = { subject: company.uscc, kind: 'MATERIAL', title: '材料', issuedOn: '2024-01-01' };
    expect(violationOf(await file({ ...base, materialType: 'NO_SUCH_TYPE' }, hub.keys.window.key)).reason).toBe(
      'MATERIAL_TYPE_UNKNOWN',
    );
    // 亲属关系证明 is a person's.
    expect(violationOf(await file({ ...base, materialType: 'RELATIONSHIP_PROOF' }, hub.keys.window.key)).reason).toBe(
      'MATERIAL_TYPE_SUBJECT_MISMATCH',
    );
    expect(
      violationOf(await file({ ...base, materialType: 'FLOOR_PLAN', issuedOn: addDays(today, 2) }, hub.keys.window.key))
        .reason,
    ).toBe('DATE_IN_FUTURE');
    expect(
      violationOf(await file({ ...base, materialType: 'FLOOR_PLAN', validUntil: '2023-12-31' }, hub.keys.window.key))
        .reason,
    ).toBe('PERIOD_INVALID');
    expect(
      violationOf(
        await file({ ...base, materialType: 'FLOOR_PLAN', serviceItemCode: 'NO-SUCH-ITEM' }, hub.keys.window.key),
      ).reason,
    ).toBe('SERVICE_ITEM_UNKNOWN');
    // Only a department system files.
    expect(codeOf(await file({ ...base, materialType: 'FLOOR_PLAN' }, hub.keys.psbSteward.key))).toBe('FORBIDDEN');
  });

  it('stores an uploaded PDF by its SHA-256 and serves it back through the gateway, recorded in the access log', async () => {
    const stored = await upload(businessLicence.id, PDF, 'application/pdf', hub.keys.legalEntity.key);
    expect(stored.status).toBe(200);
    expect((await stored.json()) as object).toMatchObject({
      contentSha256: sha256(PDF),
      contentSize: PDF.length,
      contentType: 'application/pdf',
    });
    expect(await read(businessLicence.id)).toMatchObject({
      contentStored: true,
      contentSha256: sha256(PDF),
      contentSize: PDF.length,
      contentType: 'application/pdf',
    });
    // Content-addressed: the file's name is its hash.
    expect(readdirSync(join(archiveDir, sha256(PDF).slice(0, 2)))).toEqual([sha256(PDF)]);

    const fetched = await download(businessLicence.id, hub.keys.window.key);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('etag')).toBe(`"${sha256(PDF)}"`);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
    const unchanged = await download(businessLicence.id, hub.keys.window.key, { 'if-none-match': `"${sha256(PDF)}"` });
    expect(unchanged.status).toBe(304);
    const head = await fetch(contentUrl(businessLicence.id), {
      method: 'HEAD',
      headers: { ...hub.auth(hub.keys.window.key), ...purpose },
    });
    expect([head.status, head.headers.get('etag'), head.headers.get('x-hub-subjects')]).toEqual([
      200,
      `"${sha256(PDF)}"`,
      null,
    ]);

    // Stored once: a second upload is refused, and only the filing department uploads.
    const twice = await upload(businessLicence.id, PDF, 'application/pdf', hub.keys.legalEntity.key);
    expect(await refusal(twice)).toEqual([409, 'CONTENT_ALREADY_STORED']);
    const other = await upload(businessLicence.id, PDF, 'application/pdf', hub.keys.window.key);
    expect(await refusal(other)).toEqual([403, 'FORBIDDEN']);

    // A download of a company's file is an access to its data: the record names it.
    const log = await hub.graphql<{
      accessLog: {
        nodes: Array<{
          systemCode: string;
          operationName: string;
          fields: string[];
          subjects: string[];
          outcome: string;
          errorCode: string | null;
          purpose: string | null;
        }>;
      };
    }>(ACCESS_LOG, { t: 'LEGAL_ENTITY', id: company.uscc }, {}, { key: hub.keys.supervisor.key });
    const archiveRecords = log.data!.accessLog.nodes.filter((r) => r.fields.includes('Material.content'));
    expect(archiveRecords).toContainEqual(
      expect.objectContaining({
        systemCode: 'fs-cc-one-window',
        operationName: `GET /archive/materials/${businessLicence.id}/content`,
        subjects: [`LEGAL_ENTITY:${company.uscc}`],
        outcome: 'ALLOWED',
        purpose: '一档管理自动化测试',
      }),
    );
    expect(archiveRecords).toContainEqual(
      expect.objectContaining({
        systemCode: 'fs-amr-registration',
        operationName: `PUT /archive/materials/${businessLicence.id}/content`,
        subjects: [`LEGAL_ENTITY:${company.uscc}`],
        outcome: 'ALLOWED',
      }),
    );
  });

  it('refuses other types (415), oversized content (413, nothing stored) and content that does not match its declared hash (422)', async () => {
    const declared = Buffer.alloc(600, 7);
    const plan = await fileWhenKnown(
      {
        subject: company.uscc,
        kind: 'MATERIAL',
        materialType: 'FLOOR_PLAN',
        title: '经营场所平面布局图',
        issuedOn: '2025-05-01',
        contentSha256: sha256(declared),
      },
      hub.keys.window.key,
    );

    const text = await upload(plan.id, 'a plan, as text', 'text/plain', hub.keys.window.key);
    expect(await refusal(text)).toEqual([415, 'CONTENT_TYPE_NOT_ALLOWED']);

    // Declared too large: refused before a byte is read.
    const large = await upload(plan.id, Buffer.alloc(MAX_CONTENT_BYTES + 1, 1), 'image/png', hub.keys.window.key);
    expect(await refusal(large)).toEqual([413, 'CONTENT_TOO_LARGE']);
    // Sent without a length, growing past the limit while it streams.
    const chunks = [Buffer.alloc(2048, 1), Buffer.alloc(2048, 2), Buffer.alloc(2048, 3)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const growing = await upload(plan.id, stream, 'image/png', hub.keys.window.key);
    expect(await refusal(growing)).toEqual([413, 'CONTENT_TOO_LARGE']);

    const empty = await upload(plan.id, Buffer.alloc(0), 'image/png', hub.keys.window.key);
    expect(await refusal(empty)).toEqual([400, 'CONTENT_EMPTY']);
    const mismatch = await upload(plan.id, PDF, 'application/pdf', hub.keys.window.key);
    expect(await refusal(mismatch)).toEqual([422, 'CONTENT_HASH_MISMATCH']);

    // Nothing of those was kept, and the material still waits for its content.
    expect(await read(plan.id)).toMatchObject({
      contentStored: false,
      contentSize: null,
      contentType: null,
      contentSha256: sha256(declared),
    });
    expect(readdirSync(join(archiveDir, 'tmp'))).toEqual([]);
    const none = await download(plan.id, hub.keys.window.key);
    expect(await refusal(none)).toEqual([404, 'CONTENT_NOT_STORED']);

    // The declared bytes are taken.
    const right = await upload(plan.id, declared, 'image/png', hub.keys.window.key);
    expect(right.status).toBe(200);
    expect((await download(plan.id, hub.keys.legalEntity.key)).headers.get('etag')).toBe(`"${sha256(declared)}"`);

    const unknown = await upload('00000000-0000-4000-8000-000000000000', PDF, 'application/pdf', hub.keys.window.key);
    expect(await refusal(unknown)).toEqual([404, 'MATERIAL_UNKNOWN']);
  });

  it('answers only the gateway: a request without its signed principal is refused', async () => {
    const direct = await fetch(`${hub.subgraphUrls['once-only']}/archive/materials/${businessLicence.id}/content`);
    expect(await refusal(direct)).toEqual([401, 'ACCESS_SIGNATURE_MISSING']);
    const directUpload = await fetch(
      `${hub.subgraphUrls['once-only']}/archive/materials/${businessLicence.id}/content`,
      { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: PDF },
    );
    expect(await refusal(directUpload)).toEqual([401, 'ACCESS_SIGNATURE_MISSING']);
    const noKey = await download(businessLicence.id, null);
    expect(noKey.status).toBe(401);
  });

  it('revokes a licence with its reason — only its department, only once, never without a reason', async () => {
    const licence = await fileWhenKnown(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'SPJYXKZ',
        title: '食品经营许可证',
        licenceId: licenceId('SPJYXKZ', DEPARTMENTS.marketRegulation),
        issuedOn: '2024-02-01',
        validUntil: addDays(today, 1500),
      },
      hub.keys.legalEntity.key,
    );
    const withoutReason = await change({ id: licence.id, status: 'REVOKED' }, hub.keys.legalEntity.key);
    expect(violationOf(withoutReason)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
      reason: 'REASON_REQUIRED',
    });
    expect(
      violationOf(await change({ id: licence.id, status: 'REVOKED', reason: '  ' }, hub.keys.legalEntity.key)).reason,
    ).toBe('REASON_REQUIRED');
    const byOthers = await change(
      { id: licence.id, status: 'REVOKED', reason: '以欺骗手段取得许可' },
      hub.keys.window.key,
    );
    expect(codeOf(byOthers)).toBe('FORBIDDEN');
    const otherSteward = await change(
      { id: licence.id, status: 'REVOKED', reason: '以欺骗手段取得许可' },
      hub.keys.psbSteward.key,
    );
    expect(codeOf(otherSteward)).toBe('FORBIDDEN');

    // Two changes at once: the row lock lets exactly one through.
    const [revoke, cancel] = await Promise.all([
      change({ id: licence.id, status: 'REVOKED', reason: '以欺骗手段取得许可' }, hub.keys.legalEntity.key),
      change({ id: licence.id, status: 'CANCELLED', reason: '经营者申请注销' }, hub.keys.legalEntity.key),
    ]);
    const won = [revoke, cancel].filter((a) => !a.errors);
    const lost = [revoke, cancel].filter((a) => a.errors);
    expect(won).toHaveLength(1);
    expect(lost.map(codeOf)).toEqual(['INVALID_STATUS_TRANSITION']);
    const winner = won[0].data!.changeMaterialStatus;
    const to = winner.status;
    const reason = to === 'REVOKED' ? '以欺骗手段取得许可' : '经营者申请注销';

    const after = await read(licence.id);
    expect(after.statusHistory!.map((c) => [c.from, c.to, c.reason, c.changedByDepartment])).toEqual([
      [null, 'VALID', null, DEPARTMENTS.marketRegulation],
      ['VALID', to, reason, DEPARTMENTS.marketRegulation],
    ]);
    const [, changed] = await eventsAbout(licence.id, 2);
    expect(changed).toMatchObject({
      type: ONCE_ONLY_EVENT.materialStatusChanged,
      subject: company.uscc,
      data: {
        materialId: licence.id,
        subjectType: 'LEGAL_ENTITY',
        subjectId: company.uscc,
        kind: 'ELICENCE',
        materialType: 'SPJYXKZ',
        licenceId: licence.licenceId,
        from: 'VALID',
        to,
        reason,
        supersededBy: null,
      },
    });
    // Revoked stays revoked.
    expect(
      codeOf(await change({ id: licence.id, status: 'CANCELLED', reason: '经营者申请注销' }, hub.keys.legalEntity.key)),
    ).toBe('INVALID_STATUS_TRANSITION');
    const valid = await hub.graphql<{ materials: Material[] }>(
      MATERIALS,
      { subject: company.uscc, status: 'VALID' },
      {},
      { key: hub.keys.window.key },
    );
    expect(valid.data!.materials.map((m) => m.id)).not.toContain(licence.id);
  });

  it('replaces a licence by its reissue: the old one is SUPERSEDED in the same transaction', async () => {
    const serial = '2026777777';
    const first = await fileWhenKnown(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'YYZZ',
        title: '营业执照（副本）',
        licenceId: licenceId('YYZZ', DEPARTMENTS.marketRegulation, '001', serial),
        issuedOn: '2019-01-01',
      },
      hub.keys.legalEntity.key,
    );
    const reissued = await file(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'YYZZ',
        title: '营业执照（副本，换发）',
        licenceId: licenceId('YYZZ', DEPARTMENTS.marketRegulation, '002', serial),
        issuedOn: today,
        supersedes: first.id,
      },
      hub.keys.legalEntity.key,
    );
    expect(reissued.errors).toBeUndefined();
    const second = reissued.data!.fileMaterial;

    const old = await read(first.id);
    expect(old).toMatchObject({ status: 'SUPERSEDED', supersededBy: second.id });
    expect(old.statusHistory!.at(-1)).toMatchObject({
      from: 'VALID',
      to: 'SUPERSEDED',
      supersededBy: second.id,
      changedByDepartment: DEPARTMENTS.marketRegulation,
    });
    const [filed] = await eventsAbout(second.id, 1);
    expect(filed.data).toMatchObject({ supersedes: first.id, status: 'VALID' });
    const [, superseded] = await eventsAbout(first.id, 2);
    expect(superseded.data).toMatchObject({ from: 'VALID', to: 'SUPERSEDED', supersededBy: second.id });

    // Only a VALID one of the same subject and type is replaced.
    const replacedAgain = await file(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'YYZZ',
        title: '营业执照',
        licenceId: licenceId('YYZZ', DEPARTMENTS.marketRegulation, '003', serial),
        issuedOn: today,
        supersedes: first.id,
      },
      hub.keys.legalEntity.key,
    );
    expect(codeOf(replacedAgain)).toBe('INVALID_STATUS_TRANSITION');
    const otherType = await file(
      {
        subject: company.uscc,
        kind: 'ELICENCE',
        materialType: 'SPJYXKZ',
        title: '食品经营许可证',
        licenceId: licenceId('SPJYXKZ', DEPARTMENTS.marketRegulation),
        issuedOn: today,
        supersedes: second.id,
      },
      hub.keys.legalEntity.key,
    );
    expect(violationOf(otherType).reason).toBe('SUPERSEDES_MISMATCH');
  });

  it("expires a citizen's material the day after its last day of validity", async () => {
    const lastDay = addDays(today, 1);
    const proof = await fileWhenKnown(
      {
        subject: person.idNumber,
        kind: 'MATERIAL',
        materialType: 'RELATIONSHIP_PROOF',
        title: '亲属关系证明',
        issuedOn: today,
        validUntil: lastDay,
        serviceItemCode: 'FS-AMR-GTDJ-001',
      },
      hub.keys.window.key,
    );
    expect(proof).toMatchObject({
      subjectType: 'PERSON',
      kind: 'MATERIAL',
      issuerUscc: DEPARTMENTS.window,
      validUntil: lastDay,
      status: 'VALID',
    });

    const archive = hub.app('once-only').get(ArchiveService);
    // On its last day it is still valid; the day after, the sweep ends it.
    expect(await archive.expireDue(new Date(`${lastDay}T12:00:00+08:00`))).toBe(0);
    expect(await archive.expireDue(new Date(`${addDays(lastDay, 1)}T00:30:00+08:00`))).toBe(1);

    const expired = await read(proof.id);
    expect(expired.status).toBe('EXPIRED');
    expect(expired.statusHistory!.at(-1)).toMatchObject({
      from: 'VALID',
      to: 'EXPIRED',
      reason: `validity ended on ${lastDay}`,
      changedByDepartment: null,
    });
    const [, event] = await eventsAbout(proof.id, 2);
    expect(event).toMatchObject({
      type: ONCE_ONLY_EVENT.materialStatusChanged,
      subject: person.idNumber,
      data: { subjectType: 'PERSON', licenceId: null, from: 'VALID', to: 'EXPIRED', changedByDepartment: null },
    });
  });
});
