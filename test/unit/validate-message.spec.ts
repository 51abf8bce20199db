import 'reflect-metadata';
import { ValidationError } from '@tradehub/kernel';
import { validateMessage } from '@tradehub/platform';
import { PlaceOrderRequest } from '../../libs/orders/src/commands/place-order/place-order.request.dto';
import { TrackingEventRequest } from '../../libs/fulfillment/src/commands/record-tracking-event/tracking-event.request.dto';
import { paidOrder } from '../support/orders';

/** Kafka messages go through the REST DTOs: what REST refuses, the consumers refuse the same way. */
describe('validateMessage (Kafka consumers)', () => {
  const refusal = async (type: new () => object, data: unknown): Promise<ValidationError> => {
    const error = await validateMessage(type, data).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  };

  it('ORD-1: a valid paid order passes', async () => {
    await expect(validateMessage(PlaceOrderRequest, paidOrder())).resolves.toBeInstanceOf(PlaceOrderRequest);
  });

  it('ORD-1: required nested objects are required in messages too', async () => {
    const noFee = paidOrder();
    delete noFee.shippingFee;
    expect((await refusal(PlaceOrderRequest, noFee)).field).toBe('shippingFee');
    const noPrice = paidOrder();
    delete noPrice.lines[0].unitPrice;
    expect((await refusal(PlaceOrderRequest, noPrice)).field).toBe('lines[0].unitPrice');
    expect((await refusal(PlaceOrderRequest, paidOrder({ presale: 'soon' }))).field).toBe('presale');
  });

  it('instants outside the supported range are refused naming the field', async () => {
    for (const paidAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect((await refusal(PlaceOrderRequest, paidOrder({ paidAt }))).field).toBe('paidAt');
    }
    const scan = {
      eventId: 'ev-1',
      carrierCode: 'CAINIAO',
      trackingNumber: 'LP00123456789012',
      type: 'PICKUP',
      occurredAt: '0000-01-01T00:00:00Z',
    };
    expect((await refusal(TrackingEventRequest, scan)).field).toBe('occurredAt');
  });

  it('text PostgreSQL cannot store (NUL, lone surrogates) is refused naming its JSON path', async () => {
    const lone = paidOrder();
    lone.lines[0].title = 'Phone \ud800case';
    expect(await refusal(PlaceOrderRequest, lone)).toMatchObject({
      field: 'lines[0].title',
      message: 'must not contain unpaired UTF-16 surrogates',
    });
    const nul = paidOrder();
    nul.shippingAddress.name = 'Ana\u0000';
    expect(await refusal(PlaceOrderRequest, nul)).toMatchObject({
      field: 'shippingAddress.name',
      message: 'must not contain NUL characters',
    });
  });

  it('a refusal names the first bad field with one clear message', async () => {
    const noSku = paidOrder();
    delete noSku.lines[0].sku;
    expect(await refusal(PlaceOrderRequest, noSku)).toMatchObject({
      field: 'lines[0].sku',
      message: 'is required',
    });
    const numberSku = paidOrder();
    numberSku.lines[0].sku = 5;
    expect(await refusal(PlaceOrderRequest, numberSku)).toMatchObject({
      field: 'lines[0].sku',
      message: 'must be a string',
    });
  });
});
