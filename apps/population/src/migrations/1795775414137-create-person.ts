import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@hub/events';

// The population library's tables, its outbox, and a trigram index for "name contains" search.

export class CreatePerson1795775414137 implements MigrationInterface {
  name = 'CreatePerson1795775414137';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "population"."person" ("id_number" character varying(18) NOT NULL, "name" character varying(50) NOT NULL, "gender" character varying(6) NOT NULL, "birth_date" date NOT NULL, "ethnicity_code" character varying(2) NOT NULL, "household_address" character varying(500) NOT NULL, "household_division_code" character varying(6) NOT NULL, "residence_address" character varying(500), "residence_division_code" character varying(6), "phone" character varying(20), "marital_status_code" character varying(2), "status" character varying(16) NOT NULL, "status_effective_on" date, "status_reason" character varying(500), "household_number" character varying(20), "relation_to_head_code" character varying(2), "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "version" integer NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character varying(64) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "person_source_record_uq" UNIQUE ("source_system", "source_record_id"), CONSTRAINT "PK_73cff2575bbb056e9773c43e4cc" PRIMARY KEY ("id_number"))',
    );
    await queryRunner.query('CREATE INDEX "person_name_idx" ON "population"."person" ("name") ');
    await queryRunner.query(
      'CREATE INDEX "person_household_division_idx" ON "population"."person" ("household_division_code") ',
    );
    await queryRunner.query('CREATE INDEX "person_household_idx" ON "population"."person" ("household_number") ');
    await queryRunner.query(
      'CREATE TABLE "population"."person_change" ("id" BIGSERIAL NOT NULL, "id_number" character varying(18) NOT NULL, "version" integer NOT NULL, "change_type" character varying(32) NOT NULL, "changes" jsonb NOT NULL, "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "event_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49537aa7590863d496e06b0fd99" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "person_change_id_number_idx" ON "population"."person_change" ("id_number", "id") ',
    );
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await queryRunner.query(
      'CREATE INDEX "person_name_trgm_idx" ON "population"."person" USING gin ("name" public.gin_trgm_ops)',
    );
    for (const sql of outboxTablesSql('population')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTablesSql('population')) await queryRunner.query(sql);
    await queryRunner.query('DROP INDEX "population"."person_name_trgm_idx"');
    await queryRunner.query('DROP INDEX "population"."person_change_id_number_idx"');
    await queryRunner.query('DROP TABLE "population"."person_change"');
    await queryRunner.query('DROP INDEX "population"."person_household_idx"');
    await queryRunner.query('DROP INDEX "population"."person_household_division_idx"');
    await queryRunner.query('DROP INDEX "population"."person_name_idx"');
    await queryRunner.query('DROP TABLE "population"."person"');
  }
}
