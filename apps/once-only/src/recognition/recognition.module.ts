import { Module } from '@nestjs/common';
import { RecognitionRulesClient } from './recognition-rules.client.js';
import { RecognitionResolver } from './recognition.resolver.js';
import { RecognitionService } from './recognition.service.js';

@Module({
  providers: [RecognitionService, RecognitionRulesClient, RecognitionResolver],
  exports: [RecognitionService, RecognitionRulesClient],
})
export class RecognitionModule {}
