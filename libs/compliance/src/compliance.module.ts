import { Module } from '@nestjs/common';

/** Compliance: SLA score and weights, DSR gating, fake-shipment penalties, threshold alerts (CMP-*). */
@Module({})
export class ComplianceModule {}
