/**
 * The credit assessment rule "hub-credit-rule/v1": a deterministic function of a subject's credit
 * records and registration standing on a given day. Documented in docs/credit-assessment.md; a
 * change of the rule is a new rule name, so that a stored or quoted assessment can be re-derived.
 */
export const ASSESSMENT_RULE = 'hub-credit-rule/v1';

export type AssessmentLevel = 'A' | 'B' | 'C' | 'D' | 'NOT_ASSESSED';

export interface AssessedRecord {
  recordId: string;
  kind: 'LICENCE' | 'PENALTY' | 'RED_LIST' | 'BLACK_LIST' | 'COMMITMENT';
  status: string;
  decidedOn: string;
  validTo: string | null;
  title: string;
}

export interface Standing {
  status: string;
  effectiveOn: string | null;
}

export interface AssessmentReason {
  code: string;
  description: string;
  recordIds: string[];
}

export interface Assessment {
  level: AssessmentLevel;
  reasons: AssessmentReason[];
  asOf: string;
  rule: string;
}

/** Penalties count for this long after their decision. */
const PENALTY_YEARS = 3;

/**
 * Levels, most severe first (the first that applies wins; every finding is listed as a reason):
 * - NOT_ASSESSED: the legal entity is deregistered (注销) — it no longer takes part in the market;
 * - D 严重失信: registration revoked (吊销), an active black-list entry, or 3+ active penalties decided
 *   in the last 3 years;
 * - C 失信风险: 1–2 such penalties, or a breached commitment;
 * - A 守信: an active red-list entry and nothing of the above;
 * - B 良好: nothing of the above.
 * A record counts while it is ACTIVE (BREACHED for commitments) and its validity has not ended.
 */
export function assessCredit(
  records: readonly AssessedRecord[],
  standing: Standing | undefined,
  asOf: string,
): Assessment {
  const inForce = (r: AssessedRecord) => r.validTo === null || r.validTo >= asOf;
  const active = records.filter((r) => r.status === 'ACTIVE' && inForce(r));
  const horizon = `${Number(asOf.slice(0, 4)) - PENALTY_YEARS}${asOf.slice(4)}`;
  const blackList = active.filter((r) => r.kind === 'BLACK_LIST');
  const redList = active.filter((r) => r.kind === 'RED_LIST');
  const penalties = active.filter((r) => r.kind === 'PENALTY' && r.decidedOn > horizon);
  const breached = records.filter((r) => r.kind === 'COMMITMENT' && r.status === 'BREACHED');
  const reasons: AssessmentReason[] = [];
  const ids = (rs: AssessedRecord[]) => rs.map((r) => r.recordId);
  if (standing?.status === 'DEREGISTERED') {
    reasons.push({
      code: 'DEREGISTERED',
      description: `deregistered (注销)${standing.effectiveOn ? ` on ${standing.effectiveOn}` : ''}`,
      recordIds: [],
    });
  }
  if (standing?.status === 'REVOKED') {
    reasons.push({
      code: 'REGISTRATION_REVOKED',
      description: `business licence revoked (吊销)${standing.effectiveOn ? ` on ${standing.effectiveOn}` : ''}`,
      recordIds: [],
    });
  }
  if (blackList.length > 0)
    reasons.push({
      code: 'BLACK_LIST',
      description: `on ${blackList.map((r) => r.title).join(', ')}`,
      recordIds: ids(blackList),
    });
  if (penalties.length > 0) {
    reasons.push({
      code: 'PENALTIES',
      description: `${penalties.length} administrative penalt${penalties.length === 1 ? 'y' : 'ies'} in the last ${PENALTY_YEARS} years`,
      recordIds: ids(penalties),
    });
  }
  if (breached.length > 0)
    reasons.push({
      code: 'COMMITMENT_BREACHED',
      description: `${breached.length} credit commitment(s) breached`,
      recordIds: ids(breached),
    });
  if (redList.length > 0)
    reasons.push({
      code: 'RED_LIST',
      description: `on ${redList.map((r) => r.title).join(', ')}`,
      recordIds: ids(redList),
    });

  let level: AssessmentLevel;
  if (standing?.status === 'DEREGISTERED') level = 'NOT_ASSESSED';
  else if (standing?.status === 'REVOKED' || blackList.length > 0 || penalties.length >= 3) level = 'D';
  else if (penalties.length > 0 || breached.length > 0) level = 'C';
  else if (redList.length > 0) level = 'A';
  else level = 'B';
  if (reasons.length === 0)
    reasons.push({ code: 'NO_NEGATIVE_RECORDS', description: 'no negative credit records', recordIds: [] });
  return { level, reasons, asOf, rule: ASSESSMENT_RULE };
}
