import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepAddressOriginals1796670631817 implements MigrationInterface {
  name = 'KeepAddressOriginals1796670631817';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "population"."person" ADD "originals" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "population"."person" DROP COLUMN "originals"');
  }
}
