import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type Page } from '@tradehub/kernel';
import { UnitOfWork } from '@tradehub/platform';
import { BoardFlagRepository } from '../database/board-flag.repository';
import { type BoardCountsResponse, boardCountsView } from '../views/board-counts.response';
import { type BoardFlagResponse, boardFlagView } from '../views/board-flag.response';
import { BoardCountsQuery, GetBoardFlagQuery, ListBoardFlagsQuery } from './risk-board.queries';

@QueryHandler(ListBoardFlagsQuery)
export class ListBoardFlagsHandler implements IQueryHandler<ListBoardFlagsQuery, Page<BoardFlagResponse>> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly flags: BoardFlagRepository,
  ) {}

  async execute({ scope, filter }: ListBoardFlagsQuery): Promise<Page<BoardFlagResponse>> {
    const page = await this.flags.list(this.uow.direct, scope, filter);
    return { items: page.items.map(boardFlagView), nextCursor: page.nextCursor };
  }
}

@QueryHandler(BoardCountsQuery)
export class BoardCountsHandler implements IQueryHandler<BoardCountsQuery, BoardCountsResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly flags: BoardFlagRepository,
  ) {}

  async execute({ scope, storeId }: BoardCountsQuery): Promise<BoardCountsResponse> {
    return boardCountsView(await this.flags.openCounts(this.uow.direct, scope, storeId));
  }
}

/** API-2: another store's flag is answered exactly like a flag that never existed. */
@QueryHandler(GetBoardFlagQuery)
export class GetBoardFlagHandler implements IQueryHandler<GetBoardFlagQuery, BoardFlagResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly flags: BoardFlagRepository,
  ) {}

  async execute({ scope, flagId }: GetBoardFlagQuery): Promise<BoardFlagResponse> {
    const flag = await this.flags.get(this.uow.direct, flagId);
    return boardFlagView(
      scope.reveal(
        flag,
        (f) => f.storeId,
        () => new NotFoundError('RISK_FLAG_NOT_FOUND', 'no such risk flag'),
      ),
    );
  }
}
