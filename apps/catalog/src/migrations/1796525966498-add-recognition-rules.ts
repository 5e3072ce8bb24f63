import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRecognitionRules1796525966498 implements MigrationInterface {
  name = 'AddRecognitionRules1796525966498';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "catalog"."recognition_rule" ("result_type" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "subject_type" character varying(12) NOT NULL, "max_validity_days" integer NOT NULL, "accepted_by" character varying(18) array NOT NULL, "description" character varying(1000), "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(12), CONSTRAINT "PK_82e115b3d27140b8bcfa4079403" PRIMARY KEY ("result_type"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "catalog"."recognition_rule"');
  }
}
