import { Module } from '@nestjs/common';
import { RecognitionResolver } from './recognition.resolver.js';
import { RecognitionService } from './recognition.service.js';

@Module({ providers: [RecognitionService, RecognitionResolver], exports: [RecognitionService] })
export class RecognitionModule {}
