import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const rate = (description: string) => ({
  nullable: true,
  type: String,
  example: '0.032000',
  description: `${description}; six places, null = not rated`,
});

export class MinorAmountResponse {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '1299', description: 'Integer minor units as a decimal string' }) minor!: string;
}

export class DsrMeansResponse {
  @ApiProperty({ nullable: true, type: String, example: '4.8123' }) itemAsDescribed!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '4.7000' }) communication!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '4.9000' }) shippingSpeed!: string | null;
}

export class TradeMetricsResponse {
  @ApiProperty({ description: 'Orders paid in the period' }) orders!: number;
  @ApiProperty({ type: [MinorAmountResponse], description: 'GMV per currency' }) gmv!: MinorAmountResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: '1250000',
    description: "All GMV in USD minor units at each day's stored rate; null when a rate is missing",
  })
  gmvUsdMinor!: string | null;
  @ApiProperty({ type: [MinorAmountResponse], description: 'GMV / orders per currency, half up' })
  averageOrderValue!: MinorAmountResponse[];
  @ApiProperty(rate('ORD-5 seller-initiated cancellations / orders')) cancellationRate!: string | null;
  @ApiProperty(rate('orders refunded (first refund) / orders')) refundRate!: string | null;
  @ApiProperty(rate('DSP-6 orders disputed / orders')) disputeRate!: string | null;
  @ApiProperty(rate('ORD-2 shipped by the deadline / orders whose deadline fell due')) onTimeShipmentRate!:
    string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Payment to first shipment, mean seconds' })
  averageShipSeconds!: number | null;
  @ApiProperty(rate('orders still unshipped 72 h after payment (whether they shipped later or not) / orders'))
  slowFulfillmentShare!: string | null;
  @ApiProperty(rate('orders with no first scan or stalled tracking / orders shipped'))
  abnormalLogisticsRate!: string | null;
  @ApiProperty(rate('REV-3 reviews rated 4-5 / reviews')) positiveRate!: string | null;
  @ApiProperty({ type: DsrMeansResponse, description: 'REV-4 raw means of the reviews' })
  dsr!: DsrMeansResponse;
  @ApiProperty({ nullable: true, type: Number, description: 'SET-7 delivery to release, mean seconds' })
  averagePayoutCycleSeconds!: number | null;
}

export class TradeMetricsDayResponse extends TradeMetricsResponse {
  @ApiProperty({ example: '2026-03-01', description: 'UTC day' }) day!: string;
}

export class StoreMetricsResponse {
  @ApiProperty() storeId!: string;
  @ApiProperty({ type: TradeMetricsResponse }) totals!: TradeMetricsResponse;
}

export class TradeAnalysisResponse {
  @ApiProperty({ example: '2026-01-01', description: 'First UTC day of the window' }) from!: string;
  @ApiProperty({ example: '2026-03-31', description: 'Last UTC day (today)' }) to!: string;
  @ApiProperty({ example: 90 }) windowDays!: number;
  @ApiProperty({
    type: [String],
    description: 'The stores counted (those the caller may see, after filters)',
  })
  stores!: string[];
  @ApiProperty({ type: TradeMetricsResponse, description: 'Across the stores' })
  totals!: TradeMetricsResponse;
  @ApiProperty({ type: [StoreMetricsResponse] }) byStore!: StoreMetricsResponse[];
  @ApiProperty({ type: [TradeMetricsDayResponse], description: 'Every day of the window, oldest first' })
  series!: TradeMetricsDayResponse[];
}

export class SlaScorePartResponse {
  @ApiProperty({ example: 'DISPUTE_RATE' }) metric!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '0.012000',
    description: 'The value over the window',
  })
  value!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '81.25', description: '0-100, linear best..worst' })
  subScore!: string | null;
  @ApiProperty({ example: 15 }) weight!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '12.19',
    description: 'What the part adds to the score',
  })
  contribution!: string | null;
}

export class DowngradeWarningResponse {
  @ApiProperty({ example: 'DISPUTE_RATE' }) warning!: string;
  @ApiProperty({ example: '0.033000' }) value!: string;
  @ApiProperty({ example: '0.032000' }) bar!: string;
  @ApiProperty() raisedAt!: string;
}

export class IneligibilityReasonResponse {
  @ApiProperty({ example: 'DSR_BELOW_BAR', enum: ['DSR_BELOW_BAR', 'ACCOUNT_CLOSED'] }) code!: string;
  @ApiPropertyOptional({ example: 'SHIPPING_SPEED' }) dimension?: string;
  @ApiPropertyOptional({ example: '4.6500' }) value?: string;
  @ApiPropertyOptional({ example: '4.7000' }) bar?: string;
  @ApiProperty() message!: string;
}

export class StoreStandingResponse {
  @ApiProperty() storeId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When last computed; null: nothing counted yet' })
  asOf!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '87.50',
    description: 'CMP-1 0-100; null: not rated',
  })
  score!: string | null;
  @ApiProperty({ type: [SlaScorePartResponse] }) parts!: SlaScorePartResponse[];
  @ApiProperty({ type: [DowngradeWarningResponse], description: 'CMP-2 open warnings' })
  warnings!: DowngradeWarningResponse[];
  @ApiProperty({ description: 'CMP-3 as last computed' }) eligible!: boolean;
  @ApiProperty({ type: [IneligibilityReasonResponse] }) reasons!: IneligibilityReasonResponse[];
}

export class ScoreDayResponse {
  @ApiProperty({ example: '2026-03-01' }) day!: string;
  @ApiProperty({ nullable: true, type: String, example: '87.50' }) score!: string | null;
  @ApiProperty({ type: [SlaScorePartResponse] }) parts!: SlaScorePartResponse[];
}

export class CampaignEligibilityResponse {
  @ApiProperty() storeId!: string;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [IneligibilityReasonResponse], description: 'Every reason, empty when eligible' })
  reasons!: IneligibilityReasonResponse[];
  @ApiProperty() asOf!: string;
}

export class RebuildResponse {
  @ApiProperty({ description: 'Stores whose roll-ups were recomputed' }) stores!: number;
}
