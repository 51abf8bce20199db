import { defineEntity, p } from '@mikro-orm/postgresql';
import { Review } from '../domain';

const instant = () => p.datetime().columnType('timestamptz');

/** `reviews.reviews`: REV-1, REV-2. */
export const ReviewEntity = defineEntity({
  class: Review,
  tableName: 'reviews',
  schema: 'reviews',
  properties: {
    id: p.uuid().primary(),
    marketplaceReviewId: p.text(),
    orderId: p.uuid(),
    storeId: p.text(),
    buyerId: p.text(),
    overall: p.integer(),
    itemAsDescribed: p.integer(),
    communication: p.integer(),
    shippingSpeed: p.integer(),
    text: p.text(),
    reviewedAt: instant(),
    reply: p.text().nullable(),
    repliedBy: p.text().nullable(),
    repliedAt: instant().nullable(),
    version: p.integer().version(),
  },
});
