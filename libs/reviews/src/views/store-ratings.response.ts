import { ApiProperty } from '@nestjs/swagger';
import { DSR_DIMENSIONS } from '../contract/events';

export class DsrFigureResponse {
  @ApiProperty({ enum: DSR_DIMENSIONS }) dimension!: string;
  @ApiProperty({ description: 'Reviews in the window behind the figure' }) reviews!: number;
  @ApiProperty({ description: 'Sum of the ratings (the mean is sum / reviews, exactly)' }) sum!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '4.7123',
    description: 'REV-4 raw mean; null = not rated',
  })
  mean!: string | null;
  @ApiProperty({
    example: '0.1000',
    description: 'REV-5 what late-shipment strikes take off (shipping speed only)',
  })
  deduction!: string;
  @ApiProperty({ description: 'Late-shipment strikes in the strike window (shipping speed only)' })
  strikes!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '4.6123',
    description: 'What the store is shown (floor 1.0)',
  })
  shown!: string | null;
}

export class StoreRatingsResponse {
  @ApiProperty({ description: "A store, or '*' for the sum over the stores listed" }) storeId!: string;
  @ApiProperty() windowDays!: number;
  @ApiProperty() asOf!: string;
  @ApiProperty() reviews!: number;
  @ApiProperty({ description: 'Reviews rated 4 or 5' }) positive!: number;
  @ApiProperty({ nullable: true, type: String, example: '0.945000', description: 'REV-3; null = not rated' })
  positiveRate!: string | null;
  @ApiProperty({ type: [DsrFigureResponse] }) dsr!: DsrFigureResponse[];
}

export class RatingsOverviewResponse {
  @ApiProperty({ type: [StoreRatingsResponse] }) stores!: StoreRatingsResponse[];
  @ApiProperty({
    type: StoreRatingsResponse,
    description:
      'Across the stores listed: their sums and raw means (strike deductions belong to each store)',
  })
  all!: StoreRatingsResponse;
}
