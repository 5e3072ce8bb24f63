import { Injectable } from '@nestjs/common';
import type { SignedAccess } from '@hub/auth';
import { HubError } from '@hub/subgraph';
import { GatewayClient } from '../gateway-client/gateway-client.js';

/** How long a read of the rules serves: a steward's change is in force within this. */
const FRESH_MS = 2_000;

interface Rule {
  resultType: string;
  acceptedBy: string[];
}

/**
 * Which departments accept which review-result types is the catalog's (its stewards decide,
 * `setRecognition`); this app asks the catalog through the gateway, as the caller, and keeps the
 * answer for two seconds. The result types themselves (name, subject, longest validity) are the
 * shipped ones this app checks its service items against at boot.
 */
@Injectable()
export class RecognitionRulesClient {
  private cached: { at: number; rules: Rule[] } | null = null;

  constructor(private readonly gateway: GatewayClient) {}

  /** The result types `department` accepts, as the catalog says now. */
  async acceptedTypes(
    department: string,
    access: Pick<SignedAccess, 'principal' | 'purpose' | 'caseNumber'>,
    requestId?: string,
  ): Promise<string[]> {
    return (await this.rules(access, requestId))
      .filter((r) => r.acceptedBy.includes(department))
      .map((r) => r.resultType);
  }

  private async rules(
    access: Pick<SignedAccess, 'principal' | 'purpose' | 'caseNumber'>,
    requestId?: string,
  ): Promise<Rule[]> {
    if (this.cached && Date.now() - this.cached.at < FRESH_MS) return this.cached.rules;
    const answer = await this.gateway.query<{ recognitionRules: Rule[] }>(
      access,
      'query OnceOnlyRecognitionRules { recognitionRules { resultType acceptedBy } }',
      {},
      requestId,
    );
    if (answer.errors.length > 0 || !answer.data) {
      throw new HubError(
        'CATALOG_UNAVAILABLE',
        `the catalog did not say which departments recognise which results: ${answer.errors[0]?.message ?? 'no answer'}`,
      );
    }
    this.cached = { at: Date.now(), rules: answer.data.recognitionRules };
    return this.cached.rules;
  }
}
