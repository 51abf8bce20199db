import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export const REVIEW_DECISIONS = ['ACCEPT', 'REJECT', 'CONFIRM_FAKE_SHIPMENT', 'CLOSE'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** An operator's decision on a review task; who decided comes from the token, why from here. */
export class DecideReviewTaskRequest {
  @ApiProperty({
    enum: REVIEW_DECISIONS,
    description:
      'ACCEPT / REJECT a proof (FUL-5); CLOSE an abnormal-logistics case (FUL-4); CONFIRM_FAKE_SHIPMENT either (FUL-6)',
  })
  @IsIn(REVIEW_DECISIONS)
  decision!: ReviewDecision;

  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}
