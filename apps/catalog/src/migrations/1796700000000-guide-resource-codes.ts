import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resource codes as the cataloguing guide writes them (libs/policy/src/resource-code.ts): 目 has
 * 3 digits, 细目 and 顺序码 a free length. Every code of the old layout (类 1 + 项 2 + 目 2 +
 * 细目 3, "/", 6 digits) gets a 0 in front of its 目 — 10101001/000001 becomes 101001001/000001 —
 * in every table that names a resource: the resource itself and its related codes, its items, its
 * versions (and the code inside each version's snapshot), sharing applications and grants. So every
 * grant and application keeps pointing at the same resource. The access log is not rewritten: its
 * records are hash-chained and say what was read under the codes of the day (docs/catalog.md).
 */
export class GuideResourceCodes1796700000000 implements MigrationInterface {
  name = 'GuideResourceCodes1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."resource" ALTER COLUMN "code" TYPE character varying(31)');
    await queryRunner.query(
      'ALTER TABLE "catalog"."resource" ALTER COLUMN "classification" TYPE character varying(18)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."resource" ALTER COLUMN "related_codes" TYPE character varying(31) array',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."data_item" ALTER COLUMN "resource_code" TYPE character varying(31)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."resource_version" ALTER COLUMN "resource_code" TYPE character varying(31)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."sharing_application" ALTER COLUMN "resource_code" TYPE character varying(31)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."sharing_grant" ALTER COLUMN "resource_code" TYPE character varying(31)',
    );
    // The old layout, exactly: nothing else matches, so a code already in the guide's layout stays.
    const old = `'^([123][0-9]{2})([0-9]{2})([0-9]{3})/([0-9]{6})$'`;
    const guide = `'\\10\\2\\3/\\4'`;
    const recode = (column: string) => `regexp_replace(${column}, ${old}, ${guide})`;
    await queryRunner.query(`UPDATE "catalog"."resource" SET "code" = ${recode('"code"')}, "classification" = split_part(${recode('"code"')}, '/', 1),
      "related_codes" = ARRAY(SELECT ${recode('c')} FROM unnest("related_codes") WITH ORDINALITY AS r(c, n) ORDER BY n)`);
    for (const table of ['data_item', 'resource_version', 'sharing_application', 'sharing_grant']) {
      await queryRunner.query(
        `UPDATE "catalog"."${table}" SET "resource_code" = ${recode('"resource_code"')} WHERE "resource_code" ~ ${old}`,
      );
    }
    // A version's snapshot is the resource as it was: its code and related codes are the resource's.
    await queryRunner.query(
      `UPDATE "catalog"."resource_version" SET "snapshot" = jsonb_set("snapshot", '{code}', to_jsonb("resource_code")) WHERE "snapshot" ? 'code'`,
    );
    await queryRunner.query(`UPDATE "catalog"."resource_version" SET "snapshot" = jsonb_set("snapshot", '{relatedCodes}',
      COALESCE((SELECT jsonb_agg(${recode('c')} ORDER BY n) FROM jsonb_array_elements_text("snapshot"->'relatedCodes') WITH ORDINALITY AS r(c, n)), '[]'::jsonb))
      WHERE jsonb_typeof("snapshot"->'relatedCodes') = 'array'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to the old layout only where a code fits it (目 0xx, 细目 3 digits, 顺序码 6 digits).
    const guide = `'^([123][0-9]{2})0([0-9]{2})([0-9]{3})/([0-9]{6})$'`;
    const old = `'\\1\\2\\3/\\4'`;
    const recode = (column: string) => `regexp_replace(${column}, ${guide}, ${old})`;
    await queryRunner.query(`UPDATE "catalog"."resource" SET "code" = ${recode('"code"')}, "classification" = split_part(${recode('"code"')}, '/', 1),
      "related_codes" = ARRAY(SELECT ${recode('c')} FROM unnest("related_codes") WITH ORDINALITY AS r(c, n) ORDER BY n)`);
    for (const table of ['data_item', 'resource_version', 'sharing_application', 'sharing_grant']) {
      await queryRunner.query(`UPDATE "catalog"."${table}" SET "resource_code" = ${recode('"resource_code"')}`);
    }
    await queryRunner.query(
      `UPDATE "catalog"."resource_version" SET "snapshot" = jsonb_set("snapshot", '{code}', to_jsonb("resource_code")) WHERE "snapshot" ? 'code'`,
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."sharing_grant" ALTER COLUMN "resource_code" TYPE character varying(15)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."sharing_application" ALTER COLUMN "resource_code" TYPE character varying(15)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."resource_version" ALTER COLUMN "resource_code" TYPE character varying(15)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."data_item" ALTER COLUMN "resource_code" TYPE character varying(15)',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog"."resource" ALTER COLUMN "related_codes" TYPE character varying(15) array',
    );
    await queryRunner.query('ALTER TABLE "catalog"."resource" ALTER COLUMN "classification" TYPE character varying(8)');
    await queryRunner.query('ALTER TABLE "catalog"."resource" ALTER COLUMN "code" TYPE character varying(15)');
  }
}
