import 'reflect-metadata';
import { ArgumentMetadata } from '@nestjs/common';
import { ProblemException } from '@tradehub/platform';
import { validationPipe } from '../../libs/platform/src/http/validation';
import { PlaceOrderRequest } from '../../libs/orders/src/commands/place-order/place-order.request.dto';
import { ListOrdersRequest } from '../../libs/orders/src/queries/list-orders/list-orders.request.dto';
import { paidOrder } from '../support/orders';

/** The global REST validation: every refusal is one problem naming each bad field once. */
describe('REST validation pipe', () => {
  const pipe = validationPipe();
  const errorsOf = async (value: unknown, metadata: ArgumentMetadata) => {
    const error = await pipe.transform(value, metadata).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem.errors;
  };
  const body = (value: unknown) => errorsOf(value, { type: 'body', metatype: PlaceOrderRequest });
  const query = (value: unknown) => errorsOf(value, { type: 'query', metatype: ListOrdersRequest });

  it('text PostgreSQL cannot store is refused in bodies and queries, in values and in keys', async () => {
    expect(await query({ storeId: 'a\ud800' })).toEqual([
      { field: 'storeId', message: 'must not contain unpaired UTF-16 surrogates' },
    ]);
    expect(await query({ storeId: 'a\u0000' })).toEqual([
      { field: 'storeId', message: 'must not contain NUL characters' },
    ]);
    const order = paidOrder();
    order.shippingAddress.city = '\udfffMadrid';
    expect(await body(order)).toEqual([
      { field: 'shippingAddress.city', message: 'must not contain unpaired UTF-16 surrogates' },
    ]);
    expect(await body(paidOrder({ 'x\ud800': 1 }))).toEqual([
      { field: 'x\ud800', message: 'name must not contain unpaired UTF-16 surrogates' },
    ]);
  });

  it('one message per bad field: missing, wrong type, unknown (even when null)', async () => {
    const order = paidOrder({ discount: null, channel: 7 });
    delete order.lines[0].quantity;
    expect(await body(order)).toEqual([
      { field: 'discount', message: 'is not a field of this request' },
      { field: 'channel', message: 'must be a string' },
      { field: 'lines[0].quantity', message: 'is required' },
    ]);
    expect(await query({ limit: 'many', late: 'maybe' })).toEqual([
      { field: 'late', message: 'must be one of the following values: true, false' },
      { field: 'limit', message: 'must be an integer number' },
    ]);
  });
});
