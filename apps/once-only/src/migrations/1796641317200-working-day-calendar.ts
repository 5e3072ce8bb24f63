import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingDayCalendar1796641317200 implements MigrationInterface {
  name = 'WorkingDayCalendar1796641317200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "once_only"."working_day_notice" ("year" integer NOT NULL, "version" integer NOT NULL, "holidays" character varying(10) array NOT NULL, "workdays" character varying(10) array NOT NULL, "source" character varying(500) NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e8e8e4a54e904f974ca852d9ae6" PRIMARY KEY ("year"))',
    );
    await queryRunner.query('ALTER TABLE "once_only"."data_correction" ADD "working_days" integer');
    await queryRunner.query(
      'ALTER TABLE "once_only"."data_correction" ADD "deadline_provisional" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "once_only"."data_correction" ADD "deadline_changes" jsonb NOT NULL DEFAULT \'[]\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "once_only"."data_correction" DROP COLUMN "deadline_changes"');
    await queryRunner.query('ALTER TABLE "once_only"."data_correction" DROP COLUMN "deadline_provisional"');
    await queryRunner.query('ALTER TABLE "once_only"."data_correction" DROP COLUMN "working_days"');
    await queryRunner.query('DROP TABLE "once_only"."working_day_notice"');
  }
}
