import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DataClasses1796634262887 implements MigrationInterface {
  name = 'DataClasses1796634262887';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."data_item" ADD "data_class" character varying(24)');
    await queryRunner.query('ALTER TABLE "catalog"."data_item" ADD "mask_unless" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."data_item" DROP COLUMN "mask_unless"');
    await queryRunner.query('ALTER TABLE "catalog"."data_item" DROP COLUMN "data_class"');
  }
}
