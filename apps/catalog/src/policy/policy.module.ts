import { Module } from '@nestjs/common';
import { MyAccessResolver } from './my-access.resolver.js';
import { PolicyController } from './policy.controller.js';
import { PolicySnapshotService } from './policy-snapshot.service.js';

@Module({
  controllers: [PolicyController],
  providers: [PolicySnapshotService, MyAccessResolver],
  exports: [PolicySnapshotService],
})
export class PolicyModule {}
