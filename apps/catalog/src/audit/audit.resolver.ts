import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import { parseCitizenId, parseUscc } from '@hub/identifiers';
import { decodeCursor, encodeCursor } from '@hub/register';
import { Caller, InputError, Roles, touchSubjects, type HubContext } from '@hub/subgraph';
import { AccessLogReaders } from './access-log-readers.js';
import {
  AccessLogArgs,
  AccessLogCheckpoint,
  AccessLogVerification,
  AccessOutcome,
  AccessRecord,
  AccessRecordConnection,
  AccessSubjectType,
  VerifyAccessLogArgs,
} from './audit.model.js';
import { AccessLog } from './audit.service.js';

const CURSOR_KIND = 'al';
const SEQ = /^[1-9][0-9]{0,18}$/;

@Resolver(() => AccessRecord)
export class AccessLogResolver {
  constructor(
    private readonly log: AccessLog,
    private readonly readers: AccessLogReaders,
  ) {}

  @Roles(Role.STEWARD)
  @Query(() => AccessRecordConnection, {
    description:
      'Who read the data of a citizen or a legal entity: when, from which system and why — newest first, refusals included. ' +
      'For a department steward, of subjects its department provides data about or whose data its systems have read; the supervising department’s stewards read every log ' +
      '(a citizen-facing portal calls it on the citizen’s behalf with such a key, once it has established who the citizen is). ' +
      'Other citizens named in a record come back masked as the reader’s own rights on citizen IDs say.',
  })
  async accessLog(
    @Args() args: AccessLogArgs,
    @Caller() reader: Principal,
    @Context() context: HubContext,
  ): Promise<AccessRecordConnection> {
    const id = normalisedSubjectId(args.subjectType, args.subjectId);
    // `after: null` is the first page too (a client sends the cursor it has, null before the first page).
    const after = args.after == null ? undefined : decodeCursor(CURSOR_KIND, args.after, (k) => SEQ.test(k));
    // Refused or not, the look is recorded under the subject: the gateway notes the subjectId argument.
    const view = await this.readers.open(reader, args.subjectType, id);
    const page = await this.log.accessLog(`${args.subjectType}:${id}`, { first: args.first, after });
    // Reading who read someone's data is itself a read of their data: it goes into their own log.
    touchSubjects(context, args.subjectType, [id]);
    const nodes = page.records.map((r): AccessRecord => ({ ...view.show(r), outcome: r.outcome as AccessOutcome }));
    return {
      nodes,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: nodes.length ? encodeCursor(CURSOR_KIND, nodes.at(-1)!.seq) : undefined,
      },
    };
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => AccessLogVerification, {
    description:
      'Recomputes the access log chain (keyed MAC) over [fromSeq, toSeq] and names the first broken record; by default all of it, and then also the head ' +
      'and the signed checkpoints written outside the database (truncation, rewinds, rewrites, forged checkpoints). ' +
      'For data stewards and admins; a long log is best verified in ranges.',
  })
  async verifyAccessLog(@Args() args: VerifyAccessLogArgs): Promise<AccessLogVerification> {
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

  @Roles(Role.STEWARD, Role.ADMIN)
  @Query(() => AccessLogCheckpoint, {
    nullable: true,
    description:
      'The latest seal of the access log: its newest signed checkpoint (from the checkpoint file written outside the database, or the last this catalog wrote); null before the first. ' +
      'It is read, not verified: verifyAccessLog compares the log with it. For data stewards and admins.',
  })
  async accessLogSeal(): Promise<AccessLogCheckpoint | null> {
    const seal = await this.log.latestSeal();
    return (
      seal && {
        no: seal.no,
        headSeq: seal.headSeq,
        headHash: seal.headHash,
        time: new Date(seal.time),
        instance: seal.instance,
        reason: seal.reason,
      }
    );
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
