import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@hub/events';

// The catalog library's tables: participants and keys, the catalog, sharing applications and grants,
// the hash-chained access log; and its outbox.

export class CreateCatalog1795779551567 implements MigrationInterface {
  name = 'CreateCatalog1795779551567';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "catalog"."access_record" ("seq" bigint NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "request_id" character varying(64) NOT NULL, "key_id" character varying(12), "system_code" character varying(64), "department_uscc" character varying(18), "holder_name" character varying(200), "roles" character varying(16) array NOT NULL, "purpose" character varying(200), "case_number" character varying(64), "operation_type" character varying(16) NOT NULL, "operation_name" character varying(200), "fields" character varying(200) array NOT NULL, "subjects" character varying(40) array NOT NULL, "outcome" character varying(16) NOT NULL, "error_code" character varying(64), "refusal" jsonb, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "timings" jsonb NOT NULL, "prev_hash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_dc57ba4b2ebd19966f69f735af9" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE INDEX "access_record_system_idx" ON "catalog"."access_record" ("system_code") ');
    await queryRunner.query(
      'CREATE TABLE "catalog"."access_chain_head" ("id" integer NOT NULL, "seq" bigint NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_220a6fcf3fd26bfe34732aa6099" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog"."resource" ("code" character varying(15) NOT NULL, "classification" character varying(8) NOT NULL, "name" character varying(200) NOT NULL, "provider_uscc" character varying(18) NOT NULL, "summary" character varying(2000) NOT NULL, "format" character varying(24) NOT NULL, "sharing_type" character varying(16) NOT NULL, "sharing_conditions" character varying(2000), "sharing_method" character varying(8) NOT NULL, "open_attribute" character varying(24) NOT NULL, "update_cycle" character varying(16) NOT NULL, "published_on" date, "related_codes" character varying(15) array NOT NULL, "status" character varying(12) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a30ce5442c65e640d87dfa8d5a" PRIMARY KEY ("code"))',
    );
    await queryRunner.query('CREATE INDEX "resource_classification_idx" ON "catalog"."resource" ("classification") ');
    await queryRunner.query('CREATE INDEX "resource_provider_idx" ON "catalog"."resource" ("provider_uscc") ');
    await queryRunner.query(
      'CREATE TABLE "catalog"."data_item" ("resource_code" character varying(15) NOT NULL, "no" integer NOT NULL, "name" character varying(200) NOT NULL, "data_type" character varying(16) NOT NULL, "fields" character varying(200) array NOT NULL, "sensitivity" character varying(24) NOT NULL, "masking" character varying(16), "description" character varying(2000), CONSTRAINT "PK_257c82c85ffab758b2be834d993" PRIMARY KEY ("resource_code", "no"))',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog"."resource_version" ("resource_code" character varying(15) NOT NULL, "version" integer NOT NULL, "change" character varying(16) NOT NULL, "snapshot" jsonb NOT NULL, "changed_fields" character varying(64) array NOT NULL, "changed_by" character varying(12), "changed_by_name" character varying(200) NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_14263732c83f940feb9b35de41a" PRIMARY KEY ("resource_code", "version"))',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog"."department" ("uscc" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "division_code" character varying(6) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17c8451976ac18539038ec5d6cb" PRIMARY KEY ("uscc"))',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog"."department_system" ("code" character varying(64) NOT NULL, "department_uscc" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fe38a96a29d82c74765f0064093" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE INDEX "department_system_department_idx" ON "catalog"."department_system" ("department_uscc") ',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog"."api_key" ("id" character varying(12) NOT NULL, "secret_hash" character varying(64) NOT NULL, "roles" character varying(16) array NOT NULL, "department_uscc" character varying(18), "system_code" character varying(64), "holder_name" character varying(200) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by" character varying(12), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" character varying(12), "revoke_reason" character varying(500), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "api_key_department_idx" ON "catalog"."api_key" ("department_uscc") ');
    await queryRunner.query('CREATE INDEX "api_key_system_idx" ON "catalog"."api_key" ("system_code") ');
    await queryRunner.query(
      'CREATE TABLE "catalog"."sharing_application" ("id" uuid NOT NULL, "resource_code" character varying(15) NOT NULL, "provider_uscc" character varying(18) NOT NULL, "consumer_system_code" character varying(64) NOT NULL, "consumer_department_uscc" character varying(18) NOT NULL, "items" integer array NOT NULL, "purpose" character varying(200) NOT NULL, "legal_basis" character varying(1000) NOT NULL, "requested_from" date NOT NULL, "requested_to" date NOT NULL, "full_values" boolean NOT NULL, "status" character varying(20) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by" character varying(12) NOT NULL, "deadline" date NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" character varying(12), "decision_reason" character varying(2000), "approved_items" integer array, "grant_id" uuid, CONSTRAINT "PK_667715a51f0ff86e041f982e927" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sharing_application_resource_idx" ON "catalog"."sharing_application" ("resource_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "sharing_application_consumer_idx" ON "catalog"."sharing_application" ("consumer_system_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "sharing_application_status_idx" ON "catalog"."sharing_application" ("status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog"."sharing_grant" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "resource_code" character varying(15) NOT NULL, "provider_uscc" character varying(18) NOT NULL, "consumer_system_code" character varying(64) NOT NULL, "items" integer array NOT NULL, "purpose" character varying(200) NOT NULL, "full_values" boolean NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "granted_by" character varying(12) NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" character varying(12), "revoke_reason" character varying(2000), CONSTRAINT "PK_15411bd3ac755afb8e72d940eff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sharing_grant_consumer_idx" ON "catalog"."sharing_grant" ("consumer_system_code") ',
    );
    // Which item governs a field, and who read a subject's data: array containment, so GIN.
    await queryRunner.query('CREATE INDEX "data_item_fields_idx" ON "catalog"."data_item" USING GIN ("fields")');
    await queryRunner.query(
      'CREATE INDEX "access_record_subjects_idx" ON "catalog"."access_record" USING GIN ("subjects")',
    );
    for (const sql of outboxTablesSql('catalog')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTablesSql('catalog')) await queryRunner.query(sql);
    await queryRunner.query('DROP INDEX "catalog"."access_record_subjects_idx"');
    await queryRunner.query('DROP INDEX "catalog"."data_item_fields_idx"');
    await queryRunner.query('DROP INDEX "catalog"."sharing_grant_consumer_idx"');
    await queryRunner.query('DROP TABLE "catalog"."sharing_grant"');
    await queryRunner.query('DROP INDEX "catalog"."sharing_application_status_idx"');
    await queryRunner.query('DROP INDEX "catalog"."sharing_application_consumer_idx"');
    await queryRunner.query('DROP INDEX "catalog"."sharing_application_resource_idx"');
    await queryRunner.query('DROP TABLE "catalog"."sharing_application"');
    await queryRunner.query('DROP INDEX "catalog"."api_key_system_idx"');
    await queryRunner.query('DROP INDEX "catalog"."api_key_department_idx"');
    await queryRunner.query('DROP TABLE "catalog"."api_key"');
    await queryRunner.query('DROP INDEX "catalog"."department_system_department_idx"');
    await queryRunner.query('DROP TABLE "catalog"."department_system"');
    await queryRunner.query('DROP TABLE "catalog"."department"');
    await queryRunner.query('DROP TABLE "catalog"."resource_version"');
    await queryRunner.query('DROP TABLE "catalog"."data_item"');
    await queryRunner.query('DROP INDEX "catalog"."resource_provider_idx"');
    await queryRunner.query('DROP INDEX "catalog"."resource_classification_idx"');
    await queryRunner.query('DROP TABLE "catalog"."resource"');
    await queryRunner.query('DROP TABLE "catalog"."access_chain_head"');
    await queryRunner.query('DROP INDEX "catalog"."access_record_system_idx"');
    await queryRunner.query('DROP TABLE "catalog"."access_record"');
  }
}
