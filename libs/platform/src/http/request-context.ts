import { AsyncLocalStorage } from 'node:async_hooks';
import { Principal, SYSTEM_PRINCIPAL } from '../auth/principal';

/** Who and which request a piece of work belongs to; read by audit and logs. */
export interface RequestContext {
  requestId: string;
  principal: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  current(): RequestContext {
    return storage.getStore() ?? { requestId: 'system', principal: SYSTEM_PRINCIPAL };
  },
};
