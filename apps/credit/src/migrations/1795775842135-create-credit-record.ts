import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@hub/events';

// The credit library's tables and its outbox (processed_event backs its idempotent consumers).

export class CreateCreditRecord1795775842135 implements MigrationInterface {
  name = 'CreateCreditRecord1795775842135';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit"."credit_record" ("record_id" character varying(160) NOT NULL, "kind" character varying(16) NOT NULL, "subject_type" character varying(16) NOT NULL, "subject_id" character varying(18) NOT NULL, "subject_name" character varying(200), "decision_number" character varying(128) NOT NULL, "title" character varying(200) NOT NULL, "authority_name" character varying(200) NOT NULL, "authority_uscc" character varying(18) NOT NULL, "decided_on" date NOT NULL, "valid_from" date, "valid_to" date, "content" character varying(4000), "legal_basis" character varying(1000), "penalty_type" character varying(32), "fine_amount" numeric(18,2), "status" character varying(16) NOT NULL, "status_effective_on" date, "status_reason" character varying(500), "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "version" integer NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character varying(64) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "credit_record_source_record_uq" UNIQUE ("source_system", "source_record_id"), CONSTRAINT "PK_91e0730da6f3e6836d594de3375" PRIMARY KEY ("record_id"))',
    );
    await queryRunner.query('CREATE INDEX "credit_record_subject_idx" ON "credit"."credit_record" ("subject_id") ');
    await queryRunner.query(
      'CREATE TABLE "credit"."credit_record_change" ("id" BIGSERIAL NOT NULL, "record_id" character varying(160) NOT NULL, "version" integer NOT NULL, "change_type" character varying(32) NOT NULL, "changes" jsonb NOT NULL, "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "event_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cd1b4fdbd097cf52d63095dc38a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "credit_record_change_record_id_idx" ON "credit"."credit_record_change" ("record_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "credit"."subject_standing" ("uscc" character varying(18) NOT NULL, "status" character varying(16) NOT NULL, "effective_on" date, "reason" character varying(500), "source_version" integer NOT NULL, "event_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb27adaf196d3a5d484827631ae" PRIMARY KEY ("uscc"))',
    );
    for (const sql of outboxTablesSql('credit')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTablesSql('credit')) await queryRunner.query(sql);
    await queryRunner.query('DROP TABLE "credit"."subject_standing"');
    await queryRunner.query('DROP INDEX "credit"."credit_record_change_record_id_idx"');
    await queryRunner.query('DROP TABLE "credit"."credit_record_change"');
    await queryRunner.query('DROP INDEX "credit"."credit_record_subject_idx"');
    await queryRunner.query('DROP TABLE "credit"."credit_record"');
  }
}
