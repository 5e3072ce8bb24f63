import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Principal } from '@hub/auth';
import type { RecognitionRuleRow } from './recognition-rule.entity.js';
import { RecognitionRule, SetRecognitionInput } from './recognition-rules.model.js';
import { RecognitionRulesService } from './recognition-rules.service.js';
import { AnyCaller, Caller, Roles } from '@hub/subgraph';

@Resolver()
export class RecognitionRulesResolver {
  constructor(private readonly rules: RecognitionRulesService) {}

  @AnyCaller()
  @Query(() => [RecognitionRule], {
    description: 'Review-result types and which departments recognise them (审查结果互认), in type order',
  })
  async recognitionRules(): Promise<RecognitionRule[]> {
    return (await this.rules.list()).map(toRule);
  }

  @Roles(Role.STEWARD, Role.ADMIN)
  @Mutation(() => RecognitionRule, {
    description:
      'A department starts or stops accepting a result type (its steward, a hub-wide steward or an admin), with the reason; in force within seconds',
  })
  async setRecognition(
    @Args('input') input: SetRecognitionInput,
    @Caller() caller: Principal,
  ): Promise<RecognitionRule> {
    return toRule(await this.rules.setRecognition(input, caller));
  }
}

function toRule(row: RecognitionRuleRow): RecognitionRule {
  return { ...row, description: row.description ?? undefined };
}
