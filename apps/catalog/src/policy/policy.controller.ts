import { createHash } from 'node:crypto';
import { Controller, Get, HttpCode, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Internal } from '@hub/subgraph';
import { PolicySnapshotService } from './policy-snapshot.service.js';

export const POLICY_PATH = '/internal/policy';

/**
 * The policy snapshot for the gateway, signed by it as itself: it lists key hashes. Its `ETag` is
 * a digest of the policy (not of when it was generated): a gateway that sends it back in
 * `If-None-Match` gets 304 and no body while nothing changed — which lets every gateway poll every
 * couple of seconds, so that a revoked key stops working within seconds even when the policy
 * events (Kafka) do not reach it.
 */
@Controller()
export class PolicyController {
  constructor(private readonly snapshots: PolicySnapshotService) {}

  @Internal('gateway')
  @Get(POLICY_PATH)
  @HttpCode(200)
  async policy(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const snapshot = await this.snapshots.snapshot();
    const { generatedAt: _generatedAt, ...policy } = snapshot;
    const etag = `"${createHash('sha256').update(JSON.stringify(policy)).digest('base64url')}"`;
    reply.header('etag', etag);
    if (request.headers['if-none-match'] === etag) {
      reply.status(304);
      return undefined;
    }
    return snapshot;
  }
}
