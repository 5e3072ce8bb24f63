import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@hub/events';

// The legal-entity library's tables, its outbox, and a trigram index for "name contains" search
// (pg_trgm, created in `public` because extensions are per database and other libraries use it too).

export class CreateLegalEntity1795769160053 implements MigrationInterface {
  name = 'CreateLegalEntity1795769160053';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "legal_entity"."legal_entity_change" ("id" BIGSERIAL NOT NULL, "uscc" character varying(18) NOT NULL, "version" integer NOT NULL, "change_type" character varying(32) NOT NULL, "changes" jsonb NOT NULL, "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "event_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf9be3caf579ad3f31c6cdb4d20" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "legal_entity_change_uscc_idx" ON "legal_entity"."legal_entity_change" ("uscc", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "legal_entity"."legal_entity" ("uscc" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "status_effective_on" date, "status_reason" character varying(500), "established_on" date, "capital_amount" numeric(20,2), "capital_currency" character varying(3), "authority_name" character varying(200), "authority_uscc" character varying(18), "address_text" character varying(500) NOT NULL, "address_division_code" character varying(6) NOT NULL, "business_scope" character varying(4000), "legal_rep_id_number" character varying(18), "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "version" integer NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character varying(64) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "legal_entity_source_record_uq" UNIQUE ("source_system", "source_record_id"), CONSTRAINT "PK_5c0b19a55452ce7ccf1939ccd91" PRIMARY KEY ("uscc"))',
    );
    await queryRunner.query('CREATE INDEX "legal_entity_status_idx" ON "legal_entity"."legal_entity" ("status") ');
    await queryRunner.query(
      'CREATE INDEX "legal_entity_division_idx" ON "legal_entity"."legal_entity" ("address_division_code") ',
    );
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await queryRunner.query(
      'CREATE INDEX "legal_entity_name_trgm_idx" ON "legal_entity"."legal_entity" USING gin ("name" public.gin_trgm_ops)',
    );
    for (const sql of outboxTablesSql('legal_entity')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTablesSql('legal_entity')) await queryRunner.query(sql);
    await queryRunner.query('DROP INDEX "legal_entity"."legal_entity_name_trgm_idx"');
    await queryRunner.query('DROP INDEX "legal_entity"."legal_entity_division_idx"');
    await queryRunner.query('DROP INDEX "legal_entity"."legal_entity_status_idx"');
    await queryRunner.query('DROP TABLE "legal_entity"."legal_entity"');
    await queryRunner.query('DROP INDEX "legal_entity"."legal_entity_change_uscc_idx"');
    await queryRunner.query('DROP TABLE "legal_entity"."legal_entity_change"');
  }
}
