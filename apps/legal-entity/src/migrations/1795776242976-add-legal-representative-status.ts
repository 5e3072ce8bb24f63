import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLegalRepresentativeStatus1795776242976 implements MigrationInterface {
  name = 'AddLegalRepresentativeStatus1795776242976';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "legal_entity"."legal_representative_status" ("id_number" character varying(18) NOT NULL, "status" character varying(16) NOT NULL, "deceased_on" date, "source_version" integer NOT NULL, "source_event_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fb70e192c20988ec5082fda9c5" PRIMARY KEY ("id_number"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "legal_entity"."legal_representative_status"');
  }
}
