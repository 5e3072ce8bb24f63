import type { MigrationInterface, QueryRunner } from 'typeorm';

// Data items govern arguments (docs/catalog.md, "Arguments are reads"). A hub upgraded from an older
// version keeps its catalog, whose items govern no argument yet: the gateway would then refuse
// every filter and lookup (fail closed). So the shipped items that a hub still has unchanged — same
// resource, number and fields as shipped — get the arguments the shipped catalog gives them; items
// the stewards changed are left to them (`npm run catalog:check`, and the gateway's UNGOVERNED
// refusals, name what is missing). A new hub has no items yet here: the seed brings them.
const SHIPPED_ARGUMENTS = `
      (VALUES
        ('10401001/000001', 3, ARRAY['CreditRecord.recordId', 'CreditRecord.kind'], ARRAY['Query.creditRecord(recordId)']),
        ('10401001/000001', 5, ARRAY['CreditRecord.subjectId'], ARRAY['Query.creditProfile(subjectType: PERSON, subjectId)']),
        ('10301001/000001', 1, ARRAY['AdminDivision.code'], ARRAY['Query.adminDivision(code)']),
        ('10301001/000001', 7, ARRAY['AdminDivision.boundary'], ARRAY['Query.divisionAt(longitude)', 'Query.divisionAt(latitude)']),
        ('10302001/000001', 1, ARRAY['StandardAddress.addressId'], ARRAY['Query.standardAddress(addressId)']),
        ('10302001/000001', 2, ARRAY['StandardAddress.fullText'], ARRAY['Query.geocode(address)']),
        ('10302001/000001', 4, ARRAY['StandardAddress.divisionCode', 'StandardAddress.division'], ARRAY['Query.geocode(divisionCode)']),
        ('10302001/000001', 5, ARRAY['StandardAddress.point'], ARRAY['Query.spatialSearch(kind: ADDRESS, within.divisionCode)', 'Query.spatialSearch(kind: ADDRESS, within.polygon)', 'Query.spatialSearch(kind: ADDRESS, within.circle.longitude)', 'Query.spatialSearch(kind: ADDRESS, within.circle.latitude)', 'Query.spatialSearch(kind: ADDRESS, within.circle.radiusMetres)']),
        ('10304001/000001', 1, ARRAY['LegalEntity.location'], ARRAY['Query.spatialSearch(kind: LEGAL_ENTITY, within.divisionCode)', 'Query.spatialSearch(kind: LEGAL_ENTITY, within.polygon)', 'Query.spatialSearch(kind: LEGAL_ENTITY, within.circle.longitude)', 'Query.spatialSearch(kind: LEGAL_ENTITY, within.circle.latitude)', 'Query.spatialSearch(kind: LEGAL_ENTITY, within.circle.radiusMetres)']),
        ('10304002/000001', 4, ARRAY['SpatialHit.point'], ARRAY['Query.spatialSearch(kind: PERSON, within.polygon)', 'Query.spatialSearch(kind: PERSON, within.circle.longitude)', 'Query.spatialSearch(kind: PERSON, within.circle.latitude)', 'Query.spatialSearch(kind: PERSON, within.circle.radiusMetres)']),
        ('10201001/000001', 1, ARRAY['LegalEntity.uscc'], ARRAY['Query.legalEntity(uscc)', 'Query.legalEntities(usccs)', 'Query.creditProfile(subjectType: LEGAL_ENTITY, subjectId)']),
        ('10201001/000001', 2, ARRAY['LegalEntity.name'], ARRAY['Query.searchLegalEntities(filter.nameContains)']),
        ('10201001/000001', 4, ARRAY['LegalEntity.status', 'LegalEntity.statusEffectiveOn', 'LegalEntity.statusReason'], ARRAY['Query.searchLegalEntities(filter.status)']),
        ('10201001/000001', 8, ARRAY['LegalEntity.registeredAddress', 'Address.text', 'Address.divisionCode', 'Address.divisionName'], ARRAY['Query.searchLegalEntities(filter.divisionCode)']),
        ('10501001/000001', 1, ARRAY['Material.id', 'Material.kind', 'Material.materialType', 'Material.materialTypeName', 'Material.title'], ARRAY['Query.material(id)', 'Query.materials(kind)']),
        ('10501001/000001', 4, ARRAY['Material.subjectId'], ARRAY['Query.materials(subject)']),
        ('10501001/000001', 6, ARRAY['Material.status', 'Material.supersededBy', 'Material.statusHistory', 'MaterialStatusChange.from', 'MaterialStatusChange.to', 'MaterialStatusChange.reason', 'MaterialStatusChange.changedAt', 'MaterialStatusChange.changedByDepartment', 'MaterialStatusChange.supersededBy'], ARRAY['Query.materials(status)']),
        ('20101001/000001', 1, ARRAY['ReviewResult.id', 'ReviewResult.resultType', 'ReviewResult.resultTypeName', 'ReviewResult.outcome'], ARRAY['Query.reviewResult(id)']),
        ('20101001/000001', 3, ARRAY['ReviewResult.subjectId'], ARRAY['Query.recognizedResults(subject)', 'Query.reviewResults(subject)']),
        ('20101002/000001', 1, ARRAY['ServiceItem.code', 'ServiceItem.name', 'ServiceItem.department', 'ServiceItem.subjectType', 'ServiceItem.timeLimitWorkingDays'], ARRAY['Query.serviceItem(code)', 'Query.serviceItems(department)', 'Query.reuseFor(serviceItem)', 'Query.prefillForm(serviceItem)']),
        ('20101003/000001', 2, ARRAY['ReuseAnswer.subjectId'], ARRAY['Query.reuseFor(subject)', 'Query.prefillForm(subject)']),
        ('20101004/000001', 1, ARRAY['DataCorrection.id', 'DataCorrection.field', 'DataCorrection.status', 'DataCorrection.reason', 'DataCorrection.deadline', 'DataCorrection.overdue', 'DataCorrection.evidence'], ARRAY['Query.dataCorrection(id)', 'Query.dataCorrections(status)']),
        ('10101001/000001', 1, ARRAY['Person.idNumber'], ARRAY['Query.person(idNumber)', 'Query.persons(idNumbers)']),
        ('10101001/000001', 2, ARRAY['Person.name'], ARRAY['Query.searchPersons(filter.name)', 'Query.searchPersons(filter.nameContains)']),
        ('10101001/000001', 6, ARRAY['Person.status'], ARRAY['Query.searchPersons(filter.status)']),
        ('10102001/000001', 3, ARRAY['PersonAddress.divisionCode', 'PersonAddress.divisionName'], ARRAY['Query.searchPersons(filter.divisionCode)']),
        ('10102001/000001', 7, ARRAY['Household.number'], ARRAY['Query.household(number)'])
      ) AS shipped(code, no, fields, arguments)`;

export class ArgumentPolicy1796634128489 implements MigrationInterface {
  name = 'ArgumentPolicy1796634128489';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "catalog"."data_item" ADD "arguments" character varying(200) array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query(
      `UPDATE "catalog"."data_item" AS item SET "arguments" = shipped.arguments FROM ${SHIPPED_ARGUMENTS}
       WHERE item.resource_code = shipped.code AND item.no = shipped.no AND item.fields::text[] = shipped.fields AND item.arguments = '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "catalog"."data_item" DROP COLUMN "arguments"');
  }
}
