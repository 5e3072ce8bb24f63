import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SystemRateLimit1796650000000 implements MigrationInterface {
  name = 'SystemRateLimit1796650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."department_system" ADD "rate_limit_per_minute" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."department_system" DROP COLUMN "rate_limit_per_minute"');
  }
}
