import { useState } from 'react';
import { useWhoami } from '../api/useWhoami';
import { NotYourPage } from '../common/NotYourPage';
import { StoreFilter } from '../common/StoreFilter';
import { useLoad } from '../common/useLoad';
import { useDocumentTitle } from '../i18n/useDocumentTitle';
import { loadRatings } from './loaders';
import { useReviewsMessages } from './messages';
import { RatingsSection } from './RatingsSection';
import { ReviewsSection } from './ReviewsSection';
import './reviews.css';

/**
 * A seller's reviews (REV-1..REV-5): the store's positive rate and DSR per dimension over the
 * window, the shipping-speed DSR with its late-shipment deduction beside the raw mean, and the
 * reviews newest first, each answerable once. One store, or every store the person reaches.
 * Platform operators are told the page is the sellers'.
 */
export function ReviewsPage() {
  const { v } = useReviewsMessages();
  useDocumentTitle(v.title);
  const whoami = useWhoami();
  const [storeId, setStoreId] = useState('');
  // The last review replied to: the status line names its order in whichever language is chosen later.
  const [repliedOrderId, setRepliedOrderId] = useState<string>();
  // Nothing is read for a platform operator, nor before it is known who is signed in.
  const staff = whoami?.kind === 'staff' ? whoami.me : undefined;
  const ratings = useLoad(staff ? `ratings|${storeId}` : null, (signal) => loadRatings(storeId, signal));

  if (whoami?.kind === 'operator') return <NotYourPage title={v.title} who={v.sellersOnly} />;

  return (
    <div className="reviews-page">
      <h1>{v.title}</h1>
      <p className="hint reviews-intro">{v.intro}</p>
      <StoreFilter
        id="reviews-store"
        storeId={storeId}
        storeIds={staff?.storeIds}
        onChange={(next) => {
          setRepliedOrderId(undefined);
          setStoreId(next);
        }}
      />
      <p role="status" className="announcement">
        {repliedOrderId ? v.replySent(repliedOrderId) : ''}
      </p>
      <RatingsSection
        storeId={storeId}
        storeIds={staff?.storeIds ?? []}
        ratings={ratings.loaded}
        onRetry={ratings.retry}
      />
      <ReviewsSection
        storeId={staff ? storeId : null}
        canReply={staff ? staff.scopes.includes('reviews:write') : false}
        onReplied={setRepliedOrderId}
      />
    </div>
  );
}
