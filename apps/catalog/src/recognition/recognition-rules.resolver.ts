import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@hub/auth';
import type { HubContext } from '@hub/subgraph';
import type { RecognitionRuleRow } from './recognition-rule.entity.js';
import { RecognitionRule, SetRecognitionInput } from './recognition-rules.model.js';
import { RecognitionRulesService } from './recognition-rules.service.js';
import { principalOf, requireRole } from '@hub/subgraph';

@Resolver()
export class RecognitionRulesResolver {
  constructor(private readonly rules: RecognitionRulesService) {}

  @Query(() => [RecognitionRule], { description: 'Review-result types and which departments recognise them (审查结果互认), in type order' })
  async recognitionRules(@Context() context: HubContext): Promise<RecognitionRule[]> {
    principalOf(context);
    return (await this.rules.list()).map(toRule);
  }

  @Mutation(() => RecognitionRule, { description: "A department starts or stops accepting a result type (its steward, a hub-wide steward or an admin), with the reason; in force within seconds" })
  async setRecognition(@Args('input') input: SetRecognitionInput, @Context() context: HubContext): Promise<RecognitionRule> {
    return toRule(await this.rules.setRecognition(input, requireRole(context, Role.STEWARD, Role.ADMIN)));
  }
}

function toRule(row: RecognitionRuleRow): RecognitionRule {
  return { ...row, description: row.description ?? undefined };
}
