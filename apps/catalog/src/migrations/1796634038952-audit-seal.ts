import type { MigrationInterface, QueryRunner } from 'typeorm';

// The access log becomes keyed (HMAC-SHA256) and sealed by checkpoints. Records already in the log
// were chained with plain SHA-256: they are marked `sha256` and keep being verified as they were
// made — never re-sealed under the key, which would vouch for whatever they hold now. Every record
// appended from now on is `hmac-sha256` (the column then has no default: an append must say).
// Reverting drops the marks: keyed records would then fail verification as SHA-256 ones.

export class AuditSeal1796634038952 implements MigrationInterface {
  name = 'AuditSeal1796634038952';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "catalog"."access_record" ADD "hash_alg" character varying(16) NOT NULL DEFAULT \'sha256\'',
    );
    await queryRunner.query('ALTER TABLE "catalog"."access_record" ALTER COLUMN "hash_alg" DROP DEFAULT');
    await queryRunner.query('ALTER TABLE "catalog"."access_chain_head" ADD "keyed_from" bigint');
    await queryRunner.query(
      'ALTER TABLE "catalog"."access_chain_head" ADD "checkpoint_no" bigint NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."access_chain_head" ADD "checkpoint_seq" bigint NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query('ALTER TABLE "catalog"."access_chain_head" ADD "checkpoint_digest" character varying(64)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."access_chain_head" DROP COLUMN "checkpoint_digest"');
    await queryRunner.query('ALTER TABLE "catalog"."access_chain_head" DROP COLUMN "checkpoint_seq"');
    await queryRunner.query('ALTER TABLE "catalog"."access_chain_head" DROP COLUMN "checkpoint_no"');
    await queryRunner.query('ALTER TABLE "catalog"."access_chain_head" DROP COLUMN "keyed_from"');
    await queryRunner.query('ALTER TABLE "catalog"."access_record" DROP COLUMN "hash_alg"');
  }
}
