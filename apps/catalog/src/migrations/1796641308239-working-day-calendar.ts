import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingDayCalendar1796641308239 implements MigrationInterface {
  name = 'WorkingDayCalendar1796641308239';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "catalog"."working_day_notice" ("year" integer NOT NULL, "version" integer NOT NULL, "holidays" character varying(10) array NOT NULL, "workdays" character varying(10) array NOT NULL, "source" character varying(500) NOT NULL, "published_on" date, "reason" character varying(1000), "unusual_total" boolean NOT NULL, "deadlines_changed" integer NOT NULL, "entered_by" character varying(12) NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_812c4a5b6a76f479b0f714c6422" PRIMARY KEY ("year", "version"))',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."sharing_application" ADD "working_days" integer NOT NULL DEFAULT \'10\'',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."sharing_application" ADD "deadline_provisional" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."sharing_application" ADD "deadline_changes" jsonb NOT NULL DEFAULT \'[]\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."sharing_application" DROP COLUMN "deadline_changes"');
    await queryRunner.query('ALTER TABLE "catalog"."sharing_application" DROP COLUMN "deadline_provisional"');
    await queryRunner.query('ALTER TABLE "catalog"."sharing_application" DROP COLUMN "working_days"');
    await queryRunner.query('DROP TABLE "catalog"."working_day_notice"');
  }
}
