import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@hub/events';

// The once-only app's tables: the subjects it knows from the base libraries' events, the archive
// (materials and e-licences with their status history), review results and their evidence, data
// corrections; and its outbox.

export class CreateOnceOnly1796522876047 implements MigrationInterface {
  name = 'CreateOnceOnly1796522876047';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "once_only"."material" ("id" uuid NOT NULL, "subject_type" character varying(12) NOT NULL, "subject_id" character varying(18) NOT NULL, "kind" character varying(12) NOT NULL, "material_type" character varying(64) NOT NULL, "title" character varying(200) NOT NULL, "issuer_uscc" character varying(18) NOT NULL, "licence_id" character varying(200), "issued_on" date NOT NULL, "valid_until" date, "status" character varying(12) NOT NULL, "superseded_by" uuid, "content_sha256" character varying(64), "content_size" bigint, "content_type" character varying(100), "content_stored_at" TIMESTAMP WITH TIME ZONE, "case_number" character varying(64), "service_item_code" character varying(64), "filed_by_department" character varying(18) NOT NULL, "filed_by_system" character varying(64), "filed_by_key" character varying(12) NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0343d0d577f3effc2054cbaca7f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "material_licence_id_key" ON "once_only"."material" ("licence_id") ');
    await queryRunner.query('CREATE INDEX "material_status_idx" ON "once_only"."material" ("status") ');
    await queryRunner.query(
      'CREATE INDEX "material_subject_idx" ON "once_only"."material" ("subject_id", "material_type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "once_only"."material_status_change" ("id" uuid NOT NULL, "material_id" uuid NOT NULL, "from_status" character varying(12), "to_status" character varying(12) NOT NULL, "reason" character varying(500), "superseded_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by_key" character varying(12), "changed_by_department" character varying(18), CONSTRAINT "PK_27620dbc516977e209c4c1852c6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "material_status_change_material_idx" ON "once_only"."material_status_change" ("material_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "once_only"."data_correction" ("id" uuid NOT NULL, "subject_type" character varying(12) NOT NULL, "subject_id" character varying(18) NOT NULL, "field" character varying(100) NOT NULL, "reported_value" character varying(500), "proposed_value" character varying(500), "reason" character varying(1000) NOT NULL, "evidence_material_ids" uuid array NOT NULL, "reporter_department" character varying(18) NOT NULL, "reporter_system" character varying(64), "reporter_key" character varying(12) NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source_department" character varying(18) NOT NULL, "source_system" character varying(64), "deadline" date NOT NULL, "status" character varying(12) NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution_reason" character varying(1000), "corrected_value" character varying(500), "correction_event" character varying(64), "correction_version" integer, "resolved_by_key" character varying(12), CONSTRAINT "PK_6c8fe1e175c3a8efe0b87a8e374" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "data_correction_subject_idx" ON "once_only"."data_correction" ("subject_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "data_correction_source_idx" ON "once_only"."data_correction" ("source_department") ',
    );
    await queryRunner.query('CREATE INDEX "data_correction_status_idx" ON "once_only"."data_correction" ("status") ');
    await queryRunner.query(
      'CREATE TABLE "once_only"."review_result" ("id" uuid NOT NULL, "subject_type" character varying(12) NOT NULL, "subject_id" character varying(18) NOT NULL, "result_type" character varying(64) NOT NULL, "service_item_code" character varying(64) NOT NULL, "case_number" character varying(64) NOT NULL, "outcome" character varying(8) NOT NULL, "reviewing_department" character varying(18) NOT NULL, "reviewing_system" character varying(64), "reviewer" character varying(100) NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" date NOT NULL, "status" character varying(12) NOT NULL, "invalidated_at" TIMESTAMP WITH TIME ZONE, "invalidation_code" character varying(32), "invalidation_reason" character varying(500), "invalidation_event" character varying(64), "recorded_by_key" character varying(12) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4d518fdec2a3cf0224243767dc4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "review_result_status_idx" ON "once_only"."review_result" ("status") ');
    await queryRunner.query(
      'CREATE INDEX "review_result_subject_idx" ON "once_only"."review_result" ("subject_id", "result_type") ',
    );
    await queryRunner.query(
      'CREATE TABLE "once_only"."review_result_evidence" ("result_id" uuid NOT NULL, "material_id" uuid NOT NULL, "sha256" character varying(64), CONSTRAINT "PK_52eb65f2be81550b6a4d0383efd" PRIMARY KEY ("result_id", "material_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "review_result_evidence_material_idx" ON "once_only"."review_result_evidence" ("material_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "once_only"."subject" ("subject_id" character varying(18) NOT NULL, "subject_type" character varying(12) NOT NULL, "status" character varying(24) NOT NULL, "status_effective_on" date, "version" integer NOT NULL, "black_list_records" character varying(64) array NOT NULL DEFAULT \'{}\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_70fbdd4144f3fc91373a93fe04a" PRIMARY KEY ("subject_id"))',
    );
    for (const sql of outboxTablesSql('once_only')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTablesSql('once_only')) await queryRunner.query(sql);
    await queryRunner.query('DROP TABLE "once_only"."subject"');
    await queryRunner.query('DROP INDEX "once_only"."review_result_evidence_material_idx"');
    await queryRunner.query('DROP TABLE "once_only"."review_result_evidence"');
    await queryRunner.query('DROP INDEX "once_only"."review_result_subject_idx"');
    await queryRunner.query('DROP INDEX "once_only"."review_result_status_idx"');
    await queryRunner.query('DROP TABLE "once_only"."review_result"');
    await queryRunner.query('DROP INDEX "once_only"."data_correction_status_idx"');
    await queryRunner.query('DROP INDEX "once_only"."data_correction_source_idx"');
    await queryRunner.query('DROP INDEX "once_only"."data_correction_subject_idx"');
    await queryRunner.query('DROP TABLE "once_only"."data_correction"');
    await queryRunner.query('DROP INDEX "once_only"."material_status_change_material_idx"');
    await queryRunner.query('DROP TABLE "once_only"."material_status_change"');
    await queryRunner.query('DROP INDEX "once_only"."material_subject_idx"');
    await queryRunner.query('DROP INDEX "once_only"."material_status_idx"');
    await queryRunner.query('DROP INDEX "once_only"."material_licence_id_key"');
    await queryRunner.query('DROP TABLE "once_only"."material"');
  }
}
