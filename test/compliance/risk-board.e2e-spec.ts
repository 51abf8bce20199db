import type { Producer } from 'kafkajs';
import { ComplianceEvents } from '@tradehub/compliance/contract';
import { ValidationError } from '@tradehub/kernel';
import { OrderEvents } from '@tradehub/orders/contract';
import { auditedEvents } from '../support/audit';
import { boardAll, boardCounts, boardList, complianceBoard } from '../support/board';
import { withClient } from '../support/database';
import { eventually } from '../support/eventually';
import { cainiaoNumber, scan, tinyPdf, uploadProof } from '../support/fulfillment';
import { KafkaProbe, producer, type ReceivedMessage } from '../support/kafka';
import { paidOrder } from '../support/orders';
import { expectFieldProblem } from '../support/problems';
import { startTestApp, T0, type TestApp } from '../support/test-app';

const HOUR = 3600;
const WAIT = 30_000;

describe('Compliance: the risk board of the 17 risk types (CMP-5, real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let probe: KafkaProbe;
  let kafka: Producer;
  let operator: string;
  const storeA = 'store-cmp5-a';
  const storeB = 'store-cmp5-b';
  const storeC = 'store-cmp5-c';
  // Set by the tests in order: A1 ships in time, A2 misses its deadline.
  let orderA1: string;
  let orderA2: string;
  let nearA1: any;

  beforeAll(async () => {
    t = await startTestApp({ env: { RISK_SEVERITY_SHIP_DEADLINE_MISSED: 'critical' } });
    probe = new KafkaProbe();
    await probe.start([t.topic('compliance'), t.topic('orders')]);
    kafka = await producer();
    operator = await t.operatorToken();
  });

  afterAll(async () => {
    await kafka.disconnect();
    await probe.stop();
    await t.close();
  });

  const now = async (): Promise<string> => (await t.http.get('/v1/sandbox/clock', operator)).body.now;
  const place = async (storeId: string): Promise<string> => {
    const placed = await t.http.post(
      '/v1/orders',
      paidOrder({ storeId, paidAt: await now() }),
      await t.serviceToken(),
    );
    expect(placed.status).toBe(201);
    return placed.body.id;
  };
  const ship = async (orderId: string, storeId: string, lines?: { lineId: string; quantity: number }[]) => {
    const number = cainiaoNumber();
    const shipped = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: number, ...(lines ? { lines } : {}) },
      await t.sellerToken([storeId]),
    );
    expect(shipped.status).toBe(201);
    return { packageId: shipped.body.id as string, number };
  };
  /** The board's flags (every status) of one order, as an operator sees them. */
  const flagsOf = async (orderId: string, query = 'status=all') =>
    (await boardAll(t, query, operator)).filter((f) => f.orderId === orderId);
  const boardEvent =
    (type: string, flagId: string) =>
    (m: ReceivedMessage): boolean =>
      m.headers.ce_type === type && m.body.data.flagId === flagId;

  it('CMP-5: a ship-deadline-near flag lands on the board and clears when the order ships', async () => {
    orderA1 = await place(storeA);
    orderA2 = await place(storeA);
    await t.advance(3 * HOUR + 60);
    const seller = await t.sellerToken([storeA]);
    await eventually(async () => {
      const open = await boardAll(t, `storeId=${storeA}&type=SHIP_DEADLINE_NEAR`, seller);
      expect(open.map((f) => f.orderId).sort()).toEqual([orderA1, orderA2].sort());
    }, WAIT);
    [nearA1] = await flagsOf(orderA1);
    expect(nearA1).toEqual({
      id: expect.any(String),
      riskType: 1,
      code: 'SHIP_DEADLINE_NEAR',
      severity: 'medium',
      storeId: storeA,
      orderId: orderA1,
      packageId: null,
      reason: expect.stringContaining('2026-11-26T04:00:00.000Z'),
      source: 'orders',
      status: 'open',
      raisedAt: new Date(T0.getTime() + 3 * HOUR * 1000).toISOString(),
      clearedAt: null,
      clearReason: null,
    });

    await ship(orderA1, storeA);
    await eventually(async () => {
      const flag = (await t.http.get(`/v1/compliance/risk-board/${nearA1.id}`, seller)).body;
      expect(flag).toMatchObject({ status: 'cleared', clearReason: 'the order shipped' });
      expect(Date.parse(flag.clearedAt)).toBeGreaterThanOrEqual(Date.parse(flag.raisedAt));
    }, WAIT);
    const open = await boardAll(t, `storeId=${storeA}&type=1`, seller);
    expect(open.map((f) => f.orderId)).toEqual([orderA2]);
    const cleared = await boardAll(t, `storeId=${storeA}&type=1&status=cleared`, seller);
    expect(cleared.map((f) => f.id)).toEqual([nearA1.id]);
  });

  it('CMP-5: the flag events appear on tradehub.compliance.v1, keyed by store', async () => {
    const [raised] = await probe.waitFor(boardEvent(ComplianceEvents.BoardFlagRaised, nearA1.id));
    expect(raised.topic).toBe(t.topic('compliance'));
    expect(raised.key).toBe(storeA);
    expect(raised.headers).toMatchObject({
      ce_source: '/tradehub/compliance',
      ce_subject: `store/${storeA}`,
    });
    expect(raised.body).toEqual({
      schemaVersion: 1,
      data: {
        flagId: nearA1.id,
        riskType: 1,
        code: 'SHIP_DEADLINE_NEAR',
        severity: 'medium',
        storeId: storeA,
        orderId: orderA1,
        packageId: null,
        reason: nearA1.reason,
        source: 'orders',
        raisedAt: nearA1.raisedAt,
      },
    });
    const [cleared] = await probe.waitFor(boardEvent(ComplianceEvents.BoardFlagCleared, nearA1.id));
    expect(cleared.key).toBe(storeA);
    expect(cleared.body.data).toEqual({
      flagId: nearA1.id,
      riskType: 1,
      code: 'SHIP_DEADLINE_NEAR',
      storeId: storeA,
      orderId: orderA1,
      packageId: null,
      reason: 'the order shipped',
      clearedAt: expect.any(String),
    });
  });

  it('CMP-5: the severity configured per type (RISK_SEVERITY_<CODE>) overrides what the context sent', async () => {
    await t.advance(HOUR);
    await eventually(async () => {
      const flags = await flagsOf(orderA2);
      expect(flags.map((f) => `${f.code} ${f.status}`).sort()).toEqual([
        'SHIP_DEADLINE_MISSED open',
        'SHIP_DEADLINE_NEAR cleared',
      ]);
    }, WAIT);
    const flags = await flagsOf(orderA2);
    // Orders sent `high` (docs/events.md); operations configured `critical`.
    expect(flags.find((f) => f.code === 'SHIP_DEADLINE_MISSED')).toMatchObject({
      riskType: 2,
      severity: 'critical',
    });
    expect(flags.find((f) => f.code === 'SHIP_DEADLINE_NEAR')).toMatchObject({
      severity: 'medium',
      clearReason: 'the ship-by deadline passed',
    });
    const orderMessage = probe.messages.find(
      (m) =>
        m.headers.ce_type === OrderEvents.RiskFlagRaised &&
        m.body.data.orderId === orderA2 &&
        m.body.data.code === 'SHIP_DEADLINE_MISSED',
    );
    expect(orderMessage?.body.data.severity).toBe('high');
  });

  it("CMP-5: NO_FIRST_SCAN and LOGISTICS_STALLED are one package's, and clear when that package's next scan comes", async () => {
    const orderId = await place(storeB);
    const one = await ship(orderId, storeB, [{ lineId: '1', quantity: 1 }]);
    const two = await ship(orderId, storeB, [{ lineId: '1', quantity: 1 }]);
    const pickedUpAt = await now();
    for (const { number } of [one, two])
      await scan(t, {
        carrierCode: 'CAINIAO',
        trackingNumber: number,
        type: 'PICKUP',
        occurredAt: pickedUpAt,
      });
    await t.advance(25 * HOUR);
    await t.advance(48 * HOUR);
    const open = (flags: any[]) =>
      flags.filter((f) => f.status === 'open').map((f) => `${f.code} ${f.packageId}`);
    const fulfillmentFlags = async () => (await flagsOf(orderId)).filter((f) => f.source === 'fulfillment');
    await eventually(async () => {
      expect(open(await fulfillmentFlags()).sort()).toEqual(
        [
          `LOGISTICS_STALLED ${one.packageId}`,
          `LOGISTICS_STALLED ${two.packageId}`,
          `NO_FIRST_SCAN ${one.packageId}`,
          `NO_FIRST_SCAN ${two.packageId}`,
        ].sort(),
      );
    }, WAIT);
    const flags = await fulfillmentFlags();
    expect(flags.find((f) => f.code === 'LOGISTICS_STALLED')).toMatchObject({
      riskType: 6,
      severity: 'high',
    });
    expect(flags.find((f) => f.code === 'NO_FIRST_SCAN')).toMatchObject({ riskType: 5, severity: 'medium' });

    await scan(t, {
      carrierCode: 'CAINIAO',
      trackingNumber: one.number,
      type: 'IN_TRANSIT',
      occurredAt: await now(),
    });
    await eventually(async () => {
      expect(open(await fulfillmentFlags()).sort()).toEqual(
        [`LOGISTICS_STALLED ${two.packageId}`, `NO_FIRST_SCAN ${two.packageId}`].sort(),
      );
    }, WAIT);
    const cleared = (await fulfillmentFlags()).filter((f) => f.status === 'cleared');
    expect(cleared.map((f) => [f.code, f.packageId, f.clearReason]).sort()).toEqual([
      ['LOGISTICS_STALLED', one.packageId, 'tracking resumed (IN_TRANSIT)'],
      ['NO_FIRST_SCAN', one.packageId, 'a tracking update arrived (IN_TRANSIT)'],
    ]);

    const counts = await boardCounts(t, `storeId=${storeB}`, operator);
    expect(counts.body.types.filter((c: any) => [5, 6].includes(c.riskType))).toEqual([
      { riskType: 5, code: 'NO_FIRST_SCAN', open: 1 },
      { riskType: 6, code: 'LOGISTICS_STALLED', open: 1 },
    ]);
  });

  it("CMP-5: PROOF_REVIEW_OVERDUE is about the proof's package and clears when the proof is reviewed", async () => {
    const orderId = await place(storeB);
    const { packageId } = await ship(orderId, storeB);
    const task = await uploadProof(t, packageId, await t.sellerToken([storeB]), tinyPdf('cmp-5'));
    expect(task.status).toBe(201);
    await t.advance(2 * HOUR + 60);
    await eventually(async () => {
      const [flag] = await flagsOf(orderId, 'status=open&type=PROOF_REVIEW_OVERDUE');
      expect(flag).toMatchObject({ riskType: 7, packageId, source: 'fulfillment', status: 'open' });
    }, WAIT);
    const decided = await t.http.post(
      `/v1/review-tasks/${task.body.id}/decision`,
      { decision: 'ACCEPT', reason: 'Waybill matches the carrier record' },
      operator,
    );
    expect(decided.status).toBe(200);
    await eventually(async () => {
      const [flag] = await flagsOf(orderId, 'status=all&type=7');
      expect(flag).toMatchObject({
        packageId,
        status: 'cleared',
        clearReason: 'the logistics proof was reviewed: ACCEPTED',
      });
    }, WAIT);
  });

  it('CMP-5: INVALID_TRACKING_NUMBER lands on the board from a refused number and ends when the order is cancelled', async () => {
    const orderId = await place(storeC);
    const seller = await t.sellerToken([storeC]);
    const refused = await t.http.post(
      `/v1/orders/${orderId}/shipments`,
      { carrierCode: 'CAINIAO', trackingNumber: 'NOT-A-CAINIAO-NUMBER' },
      seller,
    );
    expect(refused.status).toBe(422);
    await eventually(async () => {
      const [flag] = await flagsOf(orderId);
      expect(flag).toMatchObject({ code: 'INVALID_TRACKING_NUMBER', status: 'open', packageId: null });
    }, WAIT);
    const cancelled = await t.http.post(
      `/v1/orders/${orderId}/cancel`,
      { initiator: 'SELLER', reason: 'OUT_OF_STOCK' },
      seller,
    );
    expect(cancelled.status).toBe(200);
    await eventually(async () => {
      const [flag] = await flagsOf(orderId);
      expect(flag).toMatchObject({ code: 'INVALID_TRACKING_NUMBER', status: 'cleared' });
    }, WAIT);
  });

  it("CMP-5: Compliance's own types go on the board through RiskBoard, once while open; counts list all 17 types", async () => {
    // A store with no orders: no standing refresh runs for it, so only this test's raises and clears touch its board.
    const storeOwn = 'store-cmp5-own';
    const { board, uow } = complianceBoard(t);
    const at = new Date(await now());
    const flag = { storeId: storeOwn, orderId: null, source: 'compliance' };
    const raise = (code: string, extra: object = {}) =>
      uow.run((tx) => board.raise(tx, { ...flag, code, reason: `${code} crossed`, ...extra }, at));
    const clear = (code: string) =>
      uow.run((tx) => board.clear(tx, { code, storeId: storeOwn, orderId: null }, 'back under the bar', at));

    expect(await raise('DISPUTE_RATE_HIGH')).toBe(true);
    expect(await raise('DISPUTE_RATE_HIGH', { reason: 'again' })).toBe(false);
    expect(await raise('SLOW_FULFILLMENT_SHARE_HIGH')).toBe(true);
    expect(await raise('DSR_BELOW_CAMPAIGN_BAR', { severity: 'medium' })).toBe(true);
    await expect(raise('MOON_PHASE')).rejects.toThrow(ValidationError);

    const counts = (await boardCounts(t, `storeId=${storeOwn}`, operator)).body;
    expect(counts.types).toHaveLength(17);
    expect(counts.types.map((c: any) => c.riskType)).toEqual([...Array(17).keys()].map((i) => i + 1));
    expect(counts.types.filter((c: any) => c.open > 0)).toEqual([
      { riskType: 15, code: 'DISPUTE_RATE_HIGH', open: 1 },
      { riskType: 16, code: 'SLOW_FULFILLMENT_SHARE_HIGH', open: 1 },
      { riskType: 17, code: 'DSR_BELOW_CAMPAIGN_BAR', open: 1 },
    ]);
    expect(counts.open).toBe(3);
    const shown = await boardAll(t, `storeId=${storeOwn}`, operator);
    expect(Object.fromEntries(shown.map((f) => [f.code, [f.severity, f.reason, f.orderId]]))).toEqual({
      DISPUTE_RATE_HIGH: ['high', 'DISPUTE_RATE_HIGH crossed', null],
      SLOW_FULFILLMENT_SHARE_HIGH: ['high', 'SLOW_FULFILLMENT_SHARE_HIGH crossed', null],
      DSR_BELOW_CAMPAIGN_BAR: ['medium', 'DSR_BELOW_CAMPAIGN_BAR crossed', null],
    });

    expect(await clear('DISPUTE_RATE_HIGH')).toBe(true);
    expect(await clear('DISPUTE_RATE_HIGH')).toBe(false);
    const after = (await boardCounts(t, `storeId=${storeOwn}`, operator)).body;
    expect(after.types[14]).toEqual({ riskType: 15, code: 'DISPUTE_RATE_HIGH', open: 0 });
    expect(after.open).toBe(2);

    // After clearing, a new raise is a new flag; the old one stays as history.
    expect(await raise('DISPUTE_RATE_HIGH')).toBe(true);
    const history = await boardAll(t, `storeId=${storeOwn}&type=15&status=all`, operator);
    expect(history.map((f) => f.status)).toEqual(['open', 'cleared']);
    expect(new Set(history.map((f) => f.id)).size).toBe(2);

    // An open flag raised again with a higher severity is shown at it, under the same id.
    const pkg = '019a2b40-1111-7222-8333-444455556666';
    const fake = { storeId: storeOwn, orderId: '019a2b3c-4d5e-7f60-8a1b-2c3d4e5f6a7b', packageId: pkg };
    const suspect = (severity: 'high' | 'critical', reason: string) =>
      uow.run((tx) =>
        board.raise(
          tx,
          { ...fake, code: 'FAKE_SHIPMENT_SUSPECTED', severity, reason, source: 'fulfillment' },
          at,
        ),
      );
    expect(await suspect('high', 'logistics proof rejected')).toBe(true);
    expect(await suspect('critical', 'fake shipment confirmed')).toBe(false);
    const [escalated] = await boardAll(t, `storeId=${storeOwn}&type=8`, operator);
    expect(escalated).toMatchObject({
      severity: 'critical',
      reason: 'fake shipment confirmed',
      packageId: pkg,
    });
    const published = await probe.waitFor(boardEvent(ComplianceEvents.BoardFlagRaised, escalated.id), 2);
    expect(published.map((m) => m.body.data.severity)).toEqual(['high', 'critical']);
  });

  it('CMP-5: a redelivered raise does not duplicate; a code outside the 17 is kept off without stopping the consumer', async () => {
    const [original] = probe.messages.filter(
      (m) =>
        m.headers.ce_type === OrderEvents.RiskFlagRaised &&
        m.body.data.orderId === orderA2 &&
        m.body.data.code === 'SHIP_DEADLINE_MISSED',
    );
    expect(original).toBeDefined();
    const message = (headers: Record<string, string>, data: object) => ({
      key: original.key,
      value: JSON.stringify({ schemaVersion: 1, data }),
      headers,
    });
    const storeD = 'store-cmp5-d';
    await kafka.send({
      topic: t.topic('orders'),
      messages: [
        // The same event again (same ce_id: the inbox), and the same fact as a new event (the board's key).
        message(original.headers, original.body.data),
        message({ ...original.headers, ce_id: 'cmp5-copy-1' }, original.body.data),
        message({ ...original.headers, ce_id: 'cmp5-moon' }, { ...original.body.data, code: 'MOON_PHASE' }),
        message(
          { ...original.headers, ce_id: 'cmp5-after' },
          {
            code: 'LATE_SHIPMENT_STRIKES',
            severity: 'high',
            storeId: storeD,
            orderId: null,
            reason: '3 strikes',
          },
        ),
      ],
    });
    // One partition: the flag behind the refused one lands, so the consumer went on.
    await eventually(async () => {
      const [strikes] = await boardAll(t, `storeId=${storeD}`, operator);
      expect(strikes).toMatchObject({ riskType: 3, orderId: null, source: 'orders', status: 'open' });
    }, WAIT);
    const missed = (await flagsOf(orderA2)).filter((f) => f.code === 'SHIP_DEADLINE_MISSED');
    expect(missed).toHaveLength(1);
    const rows = await withClient(t.databaseUrl, async (c) => {
      const flags = await c.query(`select code from compliance.board_flags where code = 'MOON_PHASE'`);
      const audit = await c.query(
        `select 1 from platform.audit_log where action = 'board-flag.raised' and subject_id = $1`,
        [missed[0].id],
      );
      return { moon: flags.rowCount, raisedAudits: audit.rowCount };
    });
    expect(rows).toEqual({ moon: 0, raisedAudits: 1 });
  });

  it("CMP-5: a seller sees only their stores' flags; a foreign store or flag answers like no data", async () => {
    const stranger = await t.sellerToken(['store-cmp5-x']);
    expect((await boardList(t, '', stranger)).body).toEqual({ items: [], nextCursor: null });
    expect((await boardList(t, `storeId=${storeA}&status=all`, stranger)).body).toEqual({
      items: [],
      nextCursor: null,
    });
    const counts = (await boardCounts(t, `storeId=${storeA}`, stranger)).body;
    expect(counts.open).toBe(0);
    expect(counts.types.every((c: any) => c.open === 0)).toBe(true);
    const foreign = await t.http.get(`/v1/compliance/risk-board/${nearA1.id}`, stranger);
    const missing = await t.http.get(
      '/v1/compliance/risk-board/019a2b3c-0000-7000-8000-000000000000',
      stranger,
    );
    expect(foreign.status).toBe(404);
    const answer = (b: any) => ({ status: b.status, code: b.code, title: b.title, detail: b.detail });
    expect(answer(foreign.body)).toEqual(answer(missing.body));
    expect(foreign.body.code).toBe('RISK_FLAG_NOT_FOUND');

    const sellerA = await t.sellerToken([storeA]);
    const seen = await boardAll(t, 'status=all', sellerA);
    expect(new Set(seen.map((f) => f.storeId))).toEqual(new Set([storeA]));
    expect((await boardList(t, `storeId=${storeB}`, sellerA)).body.items).toEqual([]);
    const everything = await boardAll(t, 'status=all', operator);
    expect(everything.map((f) => f.storeId)).toEqual(expect.arrayContaining([storeA, storeB, storeC]));
  });

  it('CMP-5: the list filters by type (code or number), severity and raised dates, in pages newest first', async () => {
    const all = await boardAll(t, `storeId=${storeA}&status=all`, operator);
    const order = [...all].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id));
    expect(all.map((f) => f.id)).toEqual(order.map((f) => f.id));
    const paged = await boardAll(t, `storeId=${storeA}&status=all&limit=1`, operator);
    expect(paged.map((f) => f.id)).toEqual(all.map((f) => f.id));

    const byCode = await boardAll(t, 'type=NO_FIRST_SCAN&status=all', operator);
    expect(byCode.length).toBeGreaterThan(0);
    expect((await boardAll(t, 'type=5&status=all', operator)).map((f) => f.id)).toEqual(
      byCode.map((f) => f.id),
    );
    const critical = await boardAll(t, `storeId=${storeA}&severity=critical`, operator);
    expect(critical.map((f) => [f.code, f.orderId])).toEqual([['SHIP_DEADLINE_MISSED', orderA2]]);

    const near = new Date(T0.getTime() + 3 * HOUR * 1000).toISOString();
    const during = await boardAll(
      t,
      `storeId=${storeA}&status=all&raisedFrom=${near}&raisedTo=${near.replace('03:00', '03:01')}`,
      operator,
    );
    expect(during.map((f) => f.code)).toEqual(['SHIP_DEADLINE_NEAR', 'SHIP_DEADLINE_NEAR']);
    expect(await boardAll(t, `storeId=${storeA}&status=all&raisedTo=${near}`, operator)).toEqual([]);
  });

  it('CMP-5: bad input is a 400 problem+json naming the field', async () => {
    const cases: [string, string][] = [
      ['status=closed', 'status'],
      ['type=MOON_PHASE', 'type'],
      ['type=0', 'type'],
      ['type=18', 'type'],
      ['severity=red', 'severity'],
      ['raisedFrom=yesterday', 'raisedFrom'],
      ['raisedTo=2026-11-26', 'raisedTo'],
      ['storeId=not%20a%20store', 'storeId'],
      ['limit=0', 'limit'],
      ['cursor=garbage', 'cursor'],
    ];
    for (const [query, field] of cases) expectFieldProblem(await boardList(t, query, operator), field);
    expectFieldProblem(await boardCounts(t, 'storeId=not%20a%20store', operator), 'storeId');
    expectFieldProblem(await t.http.get('/v1/compliance/risk-board/not-a-uuid', operator), 'flagId');
  });

  it('CMP-6: every change on the board is audited, with the event it published', async () => {
    const board = new Set<string>([ComplianceEvents.BoardFlagRaised, ComplianceEvents.BoardFlagCleared]);
    const { unaudited, raised } = await auditedEvents(t, 'compliance');
    expect(unaudited.filter((e: any) => board.has(e.type))).toEqual([]);
    expect(raised).toEqual(expect.arrayContaining([...board]));
    const audit = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query(
            `select action, actor, changes from platform.audit_log where subject_type = 'board-flag' and subject_id = $1 order by seq`,
            [nearA1.id],
          )
        ).rows,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'board-flag.raised',
        actor: 'consumer:compliance.board-orders',
        changes: expect.objectContaining({
          code: { from: null, to: 'SHIP_DEADLINE_NEAR' },
          severity: { from: null, to: 'medium' },
        }),
      }),
      expect.objectContaining({
        action: 'board-flag.cleared',
        changes: expect.objectContaining({ clearReason: { from: null, to: 'the order shipped' } }),
      }),
    ]);
  });
});
