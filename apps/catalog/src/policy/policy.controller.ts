import { Controller, Get, HttpCode } from '@nestjs/common';
import { Internal } from '@hub/subgraph';
import { PolicySnapshotService } from './policy-snapshot.service.js';

export const POLICY_PATH = '/internal/policy';

/** The policy snapshot for the gateway, signed by it as itself: it lists key hashes. */
@Controller()
export class PolicyController {
  constructor(private readonly snapshots: PolicySnapshotService) {}

  @Internal('gateway')
  @Get(POLICY_PATH)
  @HttpCode(200)
  async policy() {
    return this.snapshots.snapshot();
  }
}
