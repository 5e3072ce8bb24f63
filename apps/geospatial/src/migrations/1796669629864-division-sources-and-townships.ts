import type { MigrationInterface, QueryRunner } from 'typeorm';

// Townships (9-digit codes) join the division table, and every row names the source it came
// from. Existing rows came from the identifiers library's table, so they are marked as such; the
// next start writes the exact version. Columns are widened in place (no drop): rows stay.
export class DivisionSourcesAndTownships1796669629864 implements MigrationInterface {
  name = 'DivisionSourcesAndTownships1796669629864';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "geospatial"."division_source" ("name" character varying(64) NOT NULL, "version" character varying(32) NOT NULL, "data_year" integer, "licence" character varying(64), "description" character varying(300) NOT NULL, "row_count" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_adb5248830f15ea05ada4dc387d" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'ALTER TABLE "geospatial"."admin_division" ADD "source_name" character varying(64) NOT NULL DEFAULT \'@hub/identifiers GB/T 2260 table\'',
    );
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" ALTER COLUMN "source_name" DROP DEFAULT');
    await queryRunner.query(
      'ALTER TABLE "geospatial"."admin_division" ADD "source_version" character varying(32) NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" ALTER COLUMN "source_version" DROP DEFAULT');
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" ADD "evidence" character varying(300)');
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" ALTER COLUMN "code" TYPE character varying(12)');
    await queryRunner.query(
      'ALTER TABLE "geospatial"."admin_division" ALTER COLUMN "parent_code" TYPE character varying(12)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "geospatial"."admin_division" WHERE length("code") > 6');
    await queryRunner.query(
      'ALTER TABLE "geospatial"."admin_division" ALTER COLUMN "parent_code" TYPE character varying(6)',
    );
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" ALTER COLUMN "code" TYPE character varying(6)');
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" DROP COLUMN "evidence"');
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" DROP COLUMN "source_version"');
    await queryRunner.query('ALTER TABLE "geospatial"."admin_division" DROP COLUMN "source_name"');
    await queryRunner.query('DROP TABLE "geospatial"."division_source"');
  }
}
