import { Module } from '@nestjs/common';
import { RecognitionRulesResolver } from './recognition-rules.resolver.js';
import { RecognitionRulesService } from './recognition-rules.service.js';

@Module({ providers: [RecognitionRulesService, RecognitionRulesResolver], exports: [RecognitionRulesService] })
export class RecognitionRulesModule {}
