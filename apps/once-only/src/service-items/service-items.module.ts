import { Module } from '@nestjs/common';
import { ServiceItemsResolver } from './service-items.resolver.js';

@Module({ providers: [ServiceItemsResolver] })
export class ServiceItemsModule {}
