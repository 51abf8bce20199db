import { Query } from '@nestjs/cqrs';
import type { Page } from '@tradehub/kernel';
import type { StoreScope } from '@tradehub/platform';
import type { BoardListFilter } from '../database/board-flag.repository';
import type { BoardCountsResponse } from '../views/board-counts.response';
import type { BoardFlagResponse } from '../views/board-flag.response';

/** CMP-5: the flags of the stores the caller may see, newest first. */
export class ListBoardFlagsQuery extends Query<Page<BoardFlagResponse>> {
  constructor(
    readonly scope: StoreScope,
    readonly filter: BoardListFilter,
  ) {
    super();
  }
}

/** CMP-5: open flags per type (the red badges) of the stores the caller may see. */
export class BoardCountsQuery extends Query<BoardCountsResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly storeId: string | undefined,
  ) {
    super();
  }
}

export class GetBoardFlagQuery extends Query<BoardFlagResponse> {
  constructor(
    readonly scope: StoreScope,
    readonly flagId: string,
  ) {
    super();
  }
}
