import { Module } from '@nestjs/common';
import { RecognitionModule } from '../recognition/recognition.module.js';
import { ReuseResolver } from './reuse.resolver.js';
import { ReuseService } from './reuse.service.js';

@Module({ imports: [RecognitionModule], providers: [ReuseService, ReuseResolver] })
export class ReuseModule {}
