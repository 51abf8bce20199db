import { ReviewEvents } from '../contract/events';
import { Review, type ReviewInput } from './review';

const input = (overrides: Partial<ReviewInput> = {}): ReviewInput => ({
  marketplaceReviewId: 'rv-1',
  orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b',
  storeId: 'store-1',
  buyerId: 'buyer-1',
  overall: 5,
  itemAsDescribed: 5,
  communication: 4,
  shippingSpeed: 3,
  text: 'Muy bien 👍 很好',
  ...overrides,
});
const now = new Date('2026-03-10T08:00:00Z');

describe('Review', () => {
  it('REV-1: ratings are integers 1-5 in every dimension; the text is kept as written within its length', () => {
    for (const [field, bad] of [
      ['overall', 0],
      ['itemAsDescribed', 6],
      ['communication', 2.5],
      ['shippingSpeed', -1],
    ] as const)
      expect(() => Review.receive(input({ [field]: bad }), now, 100)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    expect(() => Review.receive(input({ text: '好'.repeat(11) }), now, 10)).toThrow(
      expect.objectContaining({ field: 'text' }),
    );
    const review = Review.receive(input({ text: '好'.repeat(10) }), now, 10);
    expect(review.text).toBe('好'.repeat(10));
    expect(review.pullEvents().map((e) => e.type)).toEqual([ReviewEvents.ReviewReceived]);
  });

  it('REV-2: the seller replies once; the same reply again changes nothing, another is refused', () => {
    const review = Review.receive(input(), now, 100);
    review.pullEvents();
    review.replyWith('Gracias', 'staff-1', now, 100);
    review.replyWith('Gracias', 'staff-1', now, 100);
    expect(review.pullEvents().map((e) => e.type)).toEqual([ReviewEvents.ReplyPosted]);
    expect(() => review.replyWith('Thanks', 'staff-1', now, 100)).toThrow(
      expect.objectContaining({ code: 'REPLY_EXISTS' }),
    );
    expect(() => Review.receive(input(), now, 100).replyWith('  ', 's', now, 100)).toThrow(
      expect.objectContaining({ field: 'text' }),
    );
  });
});
