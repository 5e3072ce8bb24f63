import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepAddressOriginals1796670692672 implements MigrationInterface {
  name = 'KeepAddressOriginals1796670692672';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "geospatial"."standard_address" ADD "originals" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "geospatial"."standard_address" DROP COLUMN "originals"');
  }
}
