import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTraceparentSql } from '@hub/events';

// The trace context of the span that wrote each event (null when tracing is off): see outboxTraceparentSql.

export class OutboxTraceparent1796702400000 implements MigrationInterface {
  name = 'OutboxTraceparent1796702400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(outboxTraceparentSql('geospatial').up);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(outboxTraceparentSql('geospatial').down);
  }
}
