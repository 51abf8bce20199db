import { Module } from '@nestjs/common';

/** Settlement: the double-entry ledger, frozen funds, risk review and release (SET-*). */
@Module({})
export class SettlementModule {}
