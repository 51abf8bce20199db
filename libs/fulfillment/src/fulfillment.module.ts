import { Module } from '@nestjs/common';

/** Fulfillment: packages, tracking, the abnormal-logistics pool and logistics reviews (FUL-*). */
@Module({})
export class FulfillmentModule {}
