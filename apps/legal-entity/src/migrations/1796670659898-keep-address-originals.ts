import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepAddressOriginals1796670659898 implements MigrationInterface {
  name = 'KeepAddressOriginals1796670659898';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "legal_entity"."legal_entity" ADD "originals" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "legal_entity"."legal_entity" DROP COLUMN "originals"');
  }
}
