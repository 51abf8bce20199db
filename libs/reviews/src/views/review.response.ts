import { ApiProperty } from '@nestjs/swagger';
import type { Review } from '../domain';

export class ReviewDsrResponse {
  @ApiProperty({ minimum: 1, maximum: 5 }) itemAsDescribed!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) communication!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) shippingSpeed!: number;
}

export class ReviewResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The marketplace's review id" }) marketplaceReviewId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() storeId!: string;
  @ApiProperty() buyerId!: string;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'REV-3: 4 and 5 are positive' }) overall!: number;
  @ApiProperty({ type: ReviewDsrResponse }) dsr!: ReviewDsrResponse;
  @ApiProperty({ description: 'As the buyer wrote it' }) text!: string;
  @ApiProperty() reviewedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: "REV-2: the seller's one reply" }) reply!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) repliedAt!: string | null;
}

export class ReviewPageResponse {
  @ApiProperty({ type: [ReviewResponse] }) items!: ReviewResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export function reviewView(r: Review): ReviewResponse {
  return {
    id: r.id,
    marketplaceReviewId: r.marketplaceReviewId,
    orderId: r.orderId,
    storeId: r.storeId,
    buyerId: r.buyerId,
    overall: r.overall,
    dsr: {
      itemAsDescribed: r.itemAsDescribed,
      communication: r.communication,
      shippingSpeed: r.shippingSpeed,
    },
    text: r.text,
    reviewedAt: r.reviewedAt.toISOString(),
    reply: r.reply,
    repliedAt: r.repliedAt ? r.repliedAt.toISOString() : null,
  };
}
