import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTablesSql, outboxTablesSql } from '@hub/events';

// The geospatial library's tables (PostGIS, SRID 4490 = CGCS2000) and its outbox.

export class CreateGeospatial1795776051791 implements MigrationInterface {
  name = 'CreateGeospatial1795776051791';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public');
    await queryRunner.query(
      'CREATE TABLE "geospatial"."standard_address" ("address_id" character varying(64) NOT NULL, "full_text" character varying(500) NOT NULL, "address_key" character varying(500) NOT NULL, "township" character varying(50), "road" character varying(100), "house_number" character varying(50), "division_code" character varying(6) NOT NULL, "longitude" numeric(10,6) NOT NULL, "latitude" numeric(9,6) NOT NULL, "point" geometry(Point,4490) NOT NULL, "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "version" integer NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character varying(64) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "standard_address_source_record_uq" UNIQUE ("source_system", "source_record_id"), CONSTRAINT "PK_a5487d301eb8dc0a765ace95c80" PRIMARY KEY ("address_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "standard_address_full_text_idx" ON "geospatial"."standard_address" ("full_text") ',
    );
    await queryRunner.query(
      'CREATE INDEX "standard_address_key_idx" ON "geospatial"."standard_address" ("address_key") ',
    );
    await queryRunner.query(
      'CREATE INDEX "standard_address_division_idx" ON "geospatial"."standard_address" ("division_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "standard_address_point_idx" ON "geospatial"."standard_address" USING GiST ("point") ',
    );
    await queryRunner.query(
      'CREATE TABLE "geospatial"."standard_address_change" ("id" BIGSERIAL NOT NULL, "address_id" character varying(64) NOT NULL, "version" integer NOT NULL, "change_type" character varying(32) NOT NULL, "changes" jsonb NOT NULL, "source_department" character varying(18) NOT NULL, "source_system" character varying(64) NOT NULL, "source_record_id" character varying(128) NOT NULL, "event_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b12e137c076c83aec2f38179b19" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "standard_address_change_address_id_idx" ON "geospatial"."standard_address_change" ("address_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "geospatial"."admin_division" ("code" character varying(6) NOT NULL, "name" character varying(100) NOT NULL, "level" character varying(16) NOT NULL, "parent_code" character varying(6), "valid_from" date NOT NULL, "valid_to" date, "successors" character varying array NOT NULL DEFAULT \'{}\', "boundary" geometry(MultiPolygon,4490), CONSTRAINT "PK_91116662c73aba11c8f1146f0dc" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE INDEX "admin_division_parent_idx" ON "geospatial"."admin_division" ("parent_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "admin_division_boundary_idx" ON "geospatial"."admin_division" USING GiST ("boundary") ',
    );
    await queryRunner.query(
      'CREATE TABLE "geospatial"."entity_location" ("subject_type" character varying(16) NOT NULL, "subject_id" character varying(18) NOT NULL, "address_text" character varying(500) NOT NULL, "division_code" character varying(6), "status" character varying(16) NOT NULL, "match_method" character varying(32), "confidence" numeric(4,3), "reason" character varying(500), "address_id" character varying(64), "point" geometry(Point,4490), "source_version" integer NOT NULL, "source_event_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_961dc932299db81a784e29a1616" PRIMARY KEY ("subject_type", "subject_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "entity_location_division_idx" ON "geospatial"."entity_location" ("division_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "entity_location_point_idx" ON "geospatial"."entity_location" USING GiST ("point") ',
    );
    for (const sql of outboxTablesSql('geospatial')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTablesSql('geospatial')) await queryRunner.query(sql);
    await queryRunner.query('DROP INDEX "geospatial"."entity_location_point_idx"');
    await queryRunner.query('DROP INDEX "geospatial"."entity_location_division_idx"');
    await queryRunner.query('DROP TABLE "geospatial"."entity_location"');
    await queryRunner.query('DROP INDEX "geospatial"."admin_division_boundary_idx"');
    await queryRunner.query('DROP INDEX "geospatial"."admin_division_parent_idx"');
    await queryRunner.query('DROP TABLE "geospatial"."admin_division"');
    await queryRunner.query('DROP INDEX "geospatial"."standard_address_change_address_id_idx"');
    await queryRunner.query('DROP TABLE "geospatial"."standard_address_change"');
    await queryRunner.query('DROP INDEX "geospatial"."standard_address_point_idx"');
    await queryRunner.query('DROP INDEX "geospatial"."standard_address_division_idx"');
    await queryRunner.query('DROP INDEX "geospatial"."standard_address_key_idx"');
    await queryRunner.query('DROP INDEX "geospatial"."standard_address_full_text_idx"');
    await queryRunner.query('DROP TABLE "geospatial"."standard_address"');
  }
}
