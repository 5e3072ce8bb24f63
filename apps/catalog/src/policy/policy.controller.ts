import { Controller, Get, HttpCode, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { internalSecret, verifyInternalRequest } from '@hub/auth';
import { PolicySnapshotService } from './policy-snapshot.service.js';

export const POLICY_PATH = '/internal/policy';

/** The policy snapshot for the gateway; only for a caller holding the hub's internal secret (it lists key hashes). */
@Controller()
export class PolicyController {
  constructor(private readonly snapshots: PolicySnapshotService) {}

  @Get(POLICY_PATH)
  @HttpCode(200)
  async policy(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!verifyInternalRequest(req.headers, POLICY_PATH, '', internalSecret())) {
      reply.status(401);
      return { code: 'UNAUTHENTICATED', message: 'the policy is for the hub\'s own gateway' };
    }
    return this.snapshots.snapshot();
  }
}
