import { Module } from '@nestjs/common';

/** Disputes: refund and return requests, arbitration, dispute early warning (DSP-*). */
@Module({})
export class DisputesModule {}
