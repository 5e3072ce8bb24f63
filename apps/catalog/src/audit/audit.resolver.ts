import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@hub/auth';
import { parseCitizenId, parseUscc } from '@hub/identifiers';
import { decodeCursor, encodeCursor } from '@hub/register';
import { InputError, requireRole, touchSubjects, type HubContext } from '@hub/subgraph';
import { AccessLogArgs, AccessLogVerification, AccessOutcome, AccessRecord, AccessRecordConnection, AccessSubjectType, VerifyAccessLogArgs } from './audit.model.js';
import { AccessLog } from './audit.service.js';

const CURSOR_KIND = 'al';
const SEQ = /^[1-9][0-9]{0,18}$/;

@Resolver(() => AccessRecord)
export class AccessLogResolver {
  constructor(private readonly log: AccessLog) {}

  @Query(() => AccessRecordConnection, {
    description:
      'Who read the data of a citizen or a legal entity: when, from which system and why — newest first, refusals included. ' +
      'For data stewards and admins; a citizen-facing portal calls it on the citizen’s behalf, with its own steward key, once it has established who the citizen is.',
  })
  async accessLog(@Args() args: AccessLogArgs, @Context() context: HubContext): Promise<AccessRecordConnection> {
    requireRole(context, Role.STEWARD, Role.ADMIN);
    const id = normalisedSubjectId(args.subjectType, args.subjectId);
    const after = args.after === undefined ? undefined : decodeCursor(CURSOR_KIND, args.after, (k) => SEQ.test(k));
    const page = await this.log.accessLog(`${args.subjectType}:${id}`, { first: args.first, after });
    // Reading who read someone's data is itself a read of their data: it goes into their own log.
    touchSubjects(context, args.subjectType, [id]);
    const nodes = page.records.map((r): AccessRecord => ({ ...r, outcome: r.outcome as AccessOutcome }));
    return { nodes, pageInfo: { hasNextPage: page.hasNextPage, endCursor: nodes.length ? encodeCursor(CURSOR_KIND, nodes.at(-1)!.seq) : undefined } };
  }

  @Query(() => AccessLogVerification, {
    description:
      'Recomputes the access log chain (keyed MAC) over [fromSeq, toSeq] and names the first broken record; by default all of it, and then also the head ' +
      'and the signed checkpoints written outside the database (truncation, rewinds, rewrites, forged checkpoints). ' +
      'For data stewards and admins; a long log is best verified in ranges.',
  })
  async verifyAccessLog(@Args() args: VerifyAccessLogArgs, @Context() context: HubContext): Promise<AccessLogVerification> {
    requireRole(context, Role.STEWARD, Role.ADMIN);
    const result = await this.log.verify({ fromSeq: args.fromSeq, toSeq: args.toSeq });
    const checkpoint = result.checkpoint && { ...result.checkpoint, time: new Date(result.checkpoint.time) };
    return {
      ok: result.ok,
      checked: result.checked,
      unkeyed: result.unkeyed,
      firstBrokenSeq: result.firstBroken?.seq ?? null,
      code: result.firstBroken?.code ?? null,
      reason: result.firstBroken?.reason ?? null,
      problems: result.problems,
      headSeq: result.headSeq,
      checkpoint,
      checkpointsChecked: result.checkpointsChecked,
      checkpointPublicKey: result.checkpointPublicKey,
    };
  }
}

function normalisedSubjectId(type: AccessSubjectType, id: string): string {
  if (type === AccessSubjectType.PERSON) {
    const parsed = parseCitizenId(id);
    if (parsed.ok) return parsed.value.idNumber;
    throw new InputError([{ field: 'subjectId', code: parsed.error.code, message: parsed.error.message }]);
  }
  const parsed = parseUscc(id);
  if (parsed.ok) return parsed.value.uscc;
  throw new InputError([{ field: 'subjectId', code: parsed.error.code, message: parsed.error.message }]);
}
