import { DEMO_ACCOUNTS, DEMO_STORES } from '../../apps/tradehub/src/demo/demo-data';
import { seedAccessDemo, StaffDirectory } from '@tradehub/access';
import { addStore, createOrganisation, createStaff, staffToken } from '../support/access';
import { withClient } from '../support/database';
import { expectFieldProblem, PROBLEM } from '../support/problems';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * API-1, API-2, CMP-6: seller organisations, main accounts, stores and staff as real records;
 * staff sign in with argon2id-hashed passwords and are locked after repeated failures; an admin
 * manages the organisation's staff over REST and never reaches another organisation's.
 */
describe('Access: the staff directory (organisations, stores, staff, sign-in)', () => {
  let t: TestApp;
  let operator: string;
  let directory: StaffDirectory;

  beforeAll(async () => {
    t = await startTestApp({ kafka: false });
    operator = await t.operatorToken();
    directory = t.app.get(StaffDirectory);
  });

  afterAll(() => t.close());

  const patch = (path: string, body: unknown, token: string) =>
    t.http.request('PATCH', path, { token, body });

  /** An organisation of its own for a test, with its admin's token. */
  async function organisation(
    id: string,
    stores: Record<string, string[]> = { [`${id}-main`]: [`${id}-s1`, `${id}-s2`] },
  ) {
    const org = await createOrganisation(t, {
      id,
      mainAccounts: Object.entries(stores).map(([mainAccountId, storeIds]) => ({
        id: mainAccountId,
        stores: storeIds,
      })),
    });
    const token = await staffToken(t, org.admin.staffId, Object.values(stores).flat());
    return { ...org, token };
  }

  /** A problem answer without what differs from one request to the next. */
  const comparable = (body: any) => ({ ...body, instance: undefined, requestId: undefined });

  it('API-1: operators create an organisation with its first admin, main accounts and stores; the same create again answers 200, other content 409', async () => {
    const body = {
      id: 'org-create',
      name: 'Create Co',
      admin: { username: 'Create.Admin', password: 'create-admin-password', displayName: 'Create admin' },
    };
    const created = await t.http.post('/v1/access/organisations', body, operator);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'org-create',
      name: 'Create Co',
      mainAccounts: [],
      admin: {
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/),
        realm: 'seller',
        organisationId: 'org-create',
        username: 'create.admin',
        displayName: 'Create admin',
        roles: ['admin'],
        storeIds: [],
        disabled: false,
      },
    });
    expect(created.body.admin).not.toHaveProperty('password');
    expect(created.body.admin).not.toHaveProperty('passwordHash');

    const again = await t.http.post('/v1/access/organisations', body, operator);
    expect(again.status).toBe(200);
    expect(again.body.admin.id).toBe(created.body.admin.id);
    const renamed = await t.http.post('/v1/access/organisations', { ...body, name: 'Other Co' }, operator);
    expect(renamed.status).toBe(409);
    expect(renamed.body).toMatchObject({ code: 'ORGANISATION_EXISTS', errors: [{ field: 'id' }] });
    const otherPassword = await t.http.post(
      '/v1/access/organisations',
      { ...body, admin: { ...body.admin, password: 'another-password-1' } },
      operator,
    );
    expect(otherPassword.status).toBe(409);
    const takenAdmin = await t.http.post(
      '/v1/access/organisations',
      { ...body, id: 'org-create-2' },
      operator,
    );
    expect(takenAdmin.status).toBe(409);
    expect(takenAdmin.body).toMatchObject({ code: 'USERNAME_TAKEN', errors: [{ field: 'admin.username' }] });
    expect((await t.http.get('/v1/access/organisations/org-create-2', operator)).status).toBe(404);

    const account = await t.http.post(
      '/v1/access/organisations/org-create/main-accounts',
      { id: 'ma-create', name: 'East' },
      operator,
    );
    expect(account.status).toBe(201);
    expect(account.body).toMatchObject({ id: 'ma-create', organisationId: 'org-create', name: 'East' });
    expect(
      (
        await t.http.post(
          '/v1/access/organisations/org-create/main-accounts',
          { id: 'ma-create', name: 'East' },
          operator,
        )
      ).status,
    ).toBe(200);
    const accountConflict = await t.http.post(
      '/v1/access/organisations/org-create/main-accounts',
      { id: 'ma-create', name: 'West' },
      operator,
    );
    expect(accountConflict.status).toBe(409);
    expect(accountConflict.body.code).toBe('MAIN_ACCOUNT_EXISTS');
    await t.http.post(
      '/v1/access/organisations/org-create/main-accounts',
      { id: 'ma-create-2', name: 'West' },
      operator,
    );

    const store = await t.http.post(
      '/v1/access/main-accounts/ma-create/stores',
      { id: 's-create', name: 'Shenzhen' },
      operator,
    );
    expect(store.status).toBe(201);
    expect(store.body).toMatchObject({ id: 's-create', mainAccountId: 'ma-create', name: 'Shenzhen' });
    expect(
      (
        await t.http.post(
          '/v1/access/main-accounts/ma-create/stores',
          { id: 's-create', name: 'Shenzhen' },
          operator,
        )
      ).status,
    ).toBe(200);
    const elsewhere = await t.http.post(
      '/v1/access/main-accounts/ma-create-2/stores',
      { id: 's-create', name: 'Shenzhen' },
      operator,
    );
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toMatchObject({ code: 'STORE_IN_OTHER_MAIN_ACCOUNT', errors: [{ field: 'id' }] });
    expect(elsewhere.headers.get('content-type')).toContain(PROBLEM);

    const tree = await t.http.get('/v1/access/organisations/org-create', operator);
    expect(tree.status).toBe(200);
    expect(tree.body).toEqual({
      id: 'org-create',
      name: 'Create Co',
      mainAccounts: [
        { id: 'ma-create', name: 'East', stores: [{ id: 's-create', name: 'Shenzhen' }] },
        { id: 'ma-create-2', name: 'West', stores: [] },
      ],
    });

    const missing = await t.http.get('/v1/access/organisations/org-none', operator);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORGANISATION_NOT_FOUND');
    expect(
      (
        await t.http.post(
          '/v1/access/organisations/org-none/main-accounts',
          { id: 'ma-none', name: 'x' },
          operator,
        )
      ).status,
    ).toBe(404);
    const noAccount = await t.http.post(
      '/v1/access/main-accounts/ma-none/stores',
      { id: 's-none', name: 'x' },
      operator,
    );
    expect(noAccount.status).toBe(404);
    expect(noAccount.body.code).toBe('MAIN_ACCOUNT_NOT_FOUND');
  });

  it('API-1: only operators set up organisations; a seller token gets 403', async () => {
    const org = await organisation('org-callers');
    const refused = await t.http.post(
      '/v1/access/organisations',
      {
        id: 'org-by-seller',
        name: 'x',
        admin: { username: 'by-seller', password: 'by-seller-password', displayName: 'x' },
      },
      org.token,
    );
    expect(refused.status).toBe(403);
    expect((await t.http.get('/v1/access/organisations/org-callers', org.token)).status).toBe(403);
    expect((await t.http.get('/v1/access/staff', operator)).status).toBe(403);
  });

  it('API-1: the password is kept only as an argon2id hash and never returned (not in answers, not in the audit trail)', async () => {
    const org = await organisation('org-hash');
    const member = await createStaff(t, org.token, { username: 'hash-reader', roles: ['read_only'] });
    const hashes = await withClient(
      t.databaseUrl,
      async (c) =>
        (
          await c.query<{ id: string; password_hash: string }>(
            `select id, password_hash from access.staff where id = any($1::uuid[])`,
            [[org.admin.staffId, member.staffId]],
          )
        ).rows,
    );
    expect(hashes).toHaveLength(2);
    for (const row of hashes) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    const answers = [
      member.body,
      (await t.http.get('/v1/access/staff', org.token)).body,
      (await t.http.get('/v1/access/me', await staffToken(t, member.staffId, []))).body,
      (await patch(`/v1/access/staff/${member.staffId}`, { password: 'a-brand-new-password' }, org.token))
        .body,
      (await t.http.get('/v1/audit-log?subjectType=staff&limit=200', operator)).body,
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain(member.password);
      expect(text).not.toContain('a-brand-new-password');
      expect(text).not.toMatch(/passwordHash|password_hash/);
    }
  });

  it('API-1: an admin creates, lists and changes the staff of their organisation; creates are idempotent on the username', async () => {
    const org = await organisation('org-crud', {
      'ma-crud-1': ['s-crud-1', 's-crud-2'],
      'ma-crud-2': ['s-crud-3'],
    });
    const op = await createStaff(t, org.token, {
      username: 'crud-operator',
      roles: ['operator'],
      storeIds: ['s-crud-3', 's-crud-1'],
    });
    expect(op.body).toMatchObject({
      realm: 'seller',
      organisationId: 'org-crud',
      roles: ['operator'],
      storeIds: ['s-crud-1', 's-crud-3'],
    });
    const spec = {
      username: 'crud-operator',
      password: op.password,
      displayName: 'Staff crud-operator',
      roles: ['operator'],
      storeIds: ['s-crud-1', 's-crud-3'],
    };
    const again = await t.http.post('/v1/access/staff', spec, org.token);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(op.staffId);
    const conflict = await t.http.post(
      '/v1/access/staff',
      { ...spec, roles: ['read_only'], storeIds: [] },
      org.token,
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: 'USERNAME_TAKEN', errors: [{ field: 'username' }] });
    const reader = await createStaff(t, org.token, { username: 'crud-reader', roles: ['read_only'] });

    // An Idempotency-Key replays the first answer.
    const keyed = {
      username: 'crud-keyed',
      password: 'crud-keyed-password',
      displayName: 'Keyed',
      roles: ['read_only'],
    };
    const first = await t.http.post('/v1/access/staff', keyed, org.token, {
      'idempotency-key': 'crud-keyed-1',
    });
    const replay = await t.http.post('/v1/access/staff', keyed, org.token, {
      'idempotency-key': 'crud-keyed-1',
    });
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);

    const page1 = await t.http.get('/v1/access/staff?limit=2', org.token);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((s: any) => s.username)).toEqual(['crud-keyed', 'crud-operator']);
    const page2 = await t.http.get(`/v1/access/staff?limit=2&cursor=${page1.body.nextCursor}`, org.token);
    expect(page2.body.items.map((s: any) => s.username)).toEqual(['crud-reader', 'org-crud-admin']);
    expect(page2.body.nextCursor).toBeNull();

    const moved = await patch(
      `/v1/access/staff/${op.staffId}`,
      { storeIds: ['s-crud-2'], displayName: 'Moved' },
      org.token,
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ storeIds: ['s-crud-2'], displayName: 'Moved', roles: ['operator'] });
    // An operator of chosen stores holds no other role (beside read_only its writes would reach every store).
    const mixed = await patch(
      `/v1/access/staff/${reader.staffId}`,
      { roles: ['operator', 'read_only'], storeIds: ['s-crud-3'] },
      org.token,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    const promoted = await patch(
      `/v1/access/staff/${reader.staffId}`,
      { roles: ['operator'], storeIds: ['s-crud-3'] },
      org.token,
    );
    expect(promoted.body).toMatchObject({ roles: ['operator'], storeIds: ['s-crud-3'] });
    const demoted = await patch(`/v1/access/staff/${reader.staffId}`, { roles: ['read_only'] }, org.token);
    expect(demoted.body).toMatchObject({ roles: ['read_only'], storeIds: [] });
    const disabled = await patch(`/v1/access/staff/${reader.staffId}`, { disabled: true }, org.token);
    expect(disabled.body.disabled).toBe(true);

    const me = await t.http.get('/v1/access/me', await staffToken(t, op.staffId, ['s-crud-2']));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: op.staffId,
      roles: ['operator'],
      storeIds: ['s-crud-2'],
      mainAccountIds: [],
    });
    expect(me.body.scopes).toEqual(expect.arrayContaining(['orders:read', 'orders:write']));
    expect(me.body.scopes).not.toContain('access:admin');
    const adminMe = await t.http.get('/v1/access/me', org.token);
    expect(adminMe.body).toMatchObject({
      storeIds: ['s-crud-1', 's-crud-2', 's-crud-3'],
      mainAccountIds: ['ma-crud-1', 'ma-crud-2'],
    });
    expect(adminMe.body.scopes).toContain('access:admin');
    expect((await t.http.get('/v1/access/organisation', org.token)).body).toMatchObject({
      id: 'org-crud',
      mainAccounts: [{ id: 'ma-crud-1' }, { id: 'ma-crud-2' }],
    });
  });

  it('API-2: a staff id of another organisation answers exactly like a missing one (404)', async () => {
    const mine = await organisation('org-api2-a');
    const theirs = await organisation('org-api2-b');
    const foreign = await createStaff(t, theirs.token, { username: 'api2-foreign', roles: ['read_only'] });
    const foreignAnswer = await patch(`/v1/access/staff/${foreign.staffId}`, { disabled: true }, mine.token);
    const missingAnswer = await patch(
      '/v1/access/staff/0190d3b4-7c1e-7a35-9b1a-2f4c5d6e7f80',
      { disabled: true },
      mine.token,
    );
    expect(foreignAnswer.status).toBe(404);
    expect(comparable(foreignAnswer.body)).toEqual(comparable(missingAnswer.body));
    expect(foreignAnswer.body.code).toBe('STAFF_NOT_FOUND');
    // The admin's own organisation's admin (another admin) is reachable; the other organisation's admin is not.
    const foreignAdmin = await patch(
      `/v1/access/staff/${theirs.admin.staffId}`,
      { roles: ['read_only'] },
      mine.token,
    );
    expect(comparable(foreignAdmin.body)).toEqual(comparable(missingAnswer.body));
    const list = await t.http.get('/v1/access/staff', mine.token);
    expect(list.body.items.map((s: any) => s.id)).toEqual([mine.admin.staffId]);
    const stillThere = await t.http.get('/v1/access/staff', theirs.token);
    expect(stillThere.body.items.find((s: any) => s.id === foreign.staffId)).toMatchObject({
      disabled: false,
    });
  });

  it('API-1: only an active admin of the organisation manages staff (403 FORBIDDEN otherwise); the last admin stays an admin', async () => {
    const org = await organisation('org-admins');
    const reader = await createStaff(t, org.token, { username: 'admins-reader', roles: ['read_only'] });
    const readerToken = await staffToken(t, reader.staffId, ['org-admins-s1']);
    for (const token of [readerToken, await t.sellerToken(['org-admins-s1'])]) {
      const refused = await t.http.get('/v1/access/staff', token);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect(
        (
          await t.http.post(
            '/v1/access/staff',
            {
              username: 'nobody-new',
              password: 'nobody-new-password',
              displayName: 'x',
              roles: ['read_only'],
            },
            token,
          )
        ).status,
      ).toBe(403);
    }
    expect((await t.http.get('/v1/access/me', await t.sellerToken(['org-admins-s1']))).status).toBe(403);

    const self = `/v1/access/staff/${org.admin.staffId}`;
    const dropOwn = await patch(self, { roles: ['read_only'] }, org.token);
    expect(dropOwn.status).toBe(422);
    expect(dropOwn.body).toMatchObject({ code: 'LAST_ADMIN', errors: [{ field: 'roles' }] });
    const disableOwn = await patch(self, { disabled: true }, org.token);
    expect(disableOwn.status).toBe(422);
    expect(disableOwn.body).toMatchObject({ code: 'LAST_ADMIN', errors: [{ field: 'disabled' }] });

    const second = await createStaff(t, org.token, { username: 'admins-second', roles: ['admin'] });
    const stepDown = await patch(self, { roles: ['read_only'] }, org.token);
    expect(stepDown.status).toBe(200);
    // No longer an admin: the same token is refused now.
    expect((await t.http.get('/v1/access/staff', org.token)).status).toBe(403);
    const secondToken = await staffToken(t, second.staffId, []);
    expect(
      (
        await patch(
          `/v1/access/staff/${second.staffId}`,
          { roles: ['operator'], storeIds: ['org-admins-s1'] },
          secondToken,
        )
      ).status,
    ).toBe(422);
    // A disabled admin is refused too.
    await patch(self, { roles: ['admin'] }, secondToken);
    await patch(`/v1/access/staff/${second.staffId}`, { disabled: true }, org.token);
    expect((await t.http.get('/v1/access/staff', secondToken)).status).toBe(403);
  });

  it('API-1: a store that joins a main account later is among the stores of its admin and read-only staff, not of an operator who did not choose it', async () => {
    const org = await organisation('org-later', { 'ma-later': ['s-later-1'] });
    const reader = await createStaff(t, org.token, { username: 'later-reader', roles: ['read_only'] });
    const op = await createStaff(t, org.token, {
      username: 'later-operator',
      roles: ['operator'],
      storeIds: ['s-later-1'],
    });
    expect((await directory.account(org.admin.staffId))!.storeIds).toEqual(['s-later-1']);
    await addStore(t, 'ma-later', 's-later-2');
    const admin = await directory.account(org.admin.staffId);
    expect(admin).toEqual({
      id: org.admin.staffId,
      realm: 'seller',
      organisationId: 'org-later',
      username: 'org-later-admin',
      displayName: 'Admin of org-later',
      roles: ['admin'],
      storeIds: ['s-later-1', 's-later-2'],
      mainAccountIds: ['ma-later'],
      disabled: false,
    });
    expect((await directory.account(reader.staffId))!.storeIds).toEqual(['s-later-1', 's-later-2']);
    expect(await directory.account(op.staffId)).toMatchObject({
      storeIds: ['s-later-1'],
      mainAccountIds: [],
    });
    expect(await directory.organisationTree('org-later')).toEqual({
      id: 'org-later',
      name: 'Organisation org-later',
      mainAccounts: [
        {
          id: 'ma-later',
          name: 'Main account ma-later',
          stores: [
            { id: 's-later-1', name: 'Store s-later-1' },
            { id: 's-later-2', name: 'Store s-later-2' },
          ],
        },
      ],
    });
    expect(await directory.account('not-a-staff-id')).toBeNull();
    expect(await directory.account('0190d3b4-7c1e-7a35-9b1a-2f4c5d6e7f80')).toBeNull();
  });

  it('API-1: sign-in checks the password, counts failures, locks after 5 (the right password too), resets on success and refuses a disabled account', async () => {
    const org = await organisation('org-signin');
    const { username, password, staffId } = org.admin;

    const ok = await directory.authenticate('seller', username.toUpperCase(), password);
    expect(ok).toEqual({ ok: true, account: expect.objectContaining({ id: staffId, roles: ['admin'] }) });
    expect(await directory.authenticate('platform', username, password)).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(await directory.authenticate('seller', 'nobody-at-all', password)).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });

    const failedLogins = async () =>
      withClient(
        t.databaseUrl,
        async (c) =>
          (await c.query(`select failed_logins, locked_until from access.staff where id = $1`, [staffId]))
            .rows[0],
      );
    // Three failures, then success: the count starts again.
    for (let i = 0; i < 3; i++)
      expect(await directory.authenticate('seller', username, `wrong-password-${i}`)).toEqual({
        ok: false,
        reason: 'invalid_credentials',
      });
    expect((await failedLogins()).failed_logins).toBe(3);
    expect((await directory.authenticate('seller', username, password)).ok).toBe(true);
    expect((await failedLogins()).failed_logins).toBe(0);

    // Five in a row lock the account; while locked the right password is refused too.
    for (let i = 0; i < 4; i++)
      expect((await directory.authenticate('seller', username, `wrong-again-${i}`)).ok).toBe(false);
    const locking = await directory.authenticate('seller', username, 'wrong-again-4');
    expect(locking).toEqual({ ok: false, reason: 'locked', lockedUntil: expect.any(Date) });
    const minutes = ((locking as { lockedUntil: Date }).lockedUntil.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await directory.authenticate('seller', username, password)).toEqual({
      ok: false,
      reason: 'locked',
      lockedUntil: (locking as { lockedUntil: Date }).lockedUntil,
    });
    // The sandbox clock does not unlock it: lockout runs on real time.
    await t.advance(3600);
    expect((await directory.authenticate('seller', username, password)).ok).toBe(false);
    const listed = await t.http.get('/v1/access/staff', org.token);
    expect(listed.body.items[0].lockedUntil).toBe(
      (locking as { lockedUntil: Date }).lockedUntil.toISOString(),
    );

    // Once the lock ran out (staged: 15 real minutes), the right password signs in and clears it.
    await withClient(t.databaseUrl, (c) =>
      c.query(`update access.staff set locked_until = now() - interval '1 second' where id = $1`, [staffId]),
    );
    expect((await directory.authenticate('seller', username, password)).ok).toBe(true);
    expect(await failedLogins()).toEqual({ failed_logins: 0, locked_until: null });

    // A disabled account says so only to its right password.
    const member = await createStaff(t, org.token, { username: 'signin-member', roles: ['read_only'] });
    await patch(`/v1/access/staff/${member.staffId}`, { disabled: true }, org.token);
    expect(await directory.authenticate('seller', member.username, member.password)).toEqual({
      ok: false,
      reason: 'disabled',
    });
    expect(await directory.authenticate('seller', member.username, 'not-the-password')).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    // An admin's new password also lifts a lockout.
    await patch(`/v1/access/staff/${member.staffId}`, { disabled: false }, org.token);
    for (let i = 0; i < 5; i++)
      await directory.authenticate('seller', member.username, `wrong-${i}-password`);
    expect((await directory.authenticate('seller', member.username, member.password)).ok).toBe(false);
    await patch(`/v1/access/staff/${member.staffId}`, { password: 'signin-member-new-password' }, org.token);
    expect((await directory.authenticate('seller', member.username, 'signin-member-new-password')).ok).toBe(
      true,
    );
    expect((await directory.authenticate('seller', member.username, member.password)).ok).toBe(false);
  });

  it('API-1, CMP-6: every sign-in failure, lockout and sign-in is audited (subject staff), and so is every change of staff', async () => {
    const org = await organisation('org-audit');
    const { username, password, staffId } = org.admin;
    await directory.authenticate('seller', username, 'wrong-password-0');
    for (let i = 1; i < 5; i++) await directory.authenticate('seller', username, `wrong-password-${i}`);
    await directory.authenticate('seller', username, password);
    await withClient(t.databaseUrl, (c) =>
      c.query(`update access.staff set locked_until = now() - interval '1 second' where id = $1`, [staffId]),
    );
    await directory.authenticate('seller', username, password);
    await directory.authenticate('seller', username, password);
    await directory.authenticate('seller', 'audit-nobody', password);

    const audit = await t.http.get(`/v1/audit-log?subjectType=staff&subjectId=${staffId}&limit=50`, operator);
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e: any) => e.action).reverse();
    expect(actions).toEqual([
      'staff.created',
      'staff.sign-in-failed',
      'staff.sign-in-failed',
      'staff.sign-in-failed',
      'staff.sign-in-failed',
      'staff.locked',
      'staff.sign-in-refused',
      'staff.signed-in',
      'staff.signed-in',
    ]);
    const locked = audit.body.items.find((e: any) => e.action === 'staff.locked');
    expect(locked.changes).toMatchObject({ failedLogins: { from: 4, to: 0 }, lockedUntil: { from: null } });
    expect(audit.body.items.find((e: any) => e.action === 'staff.sign-in-refused').changes).toEqual({
      reason: 'locked',
    });
    const unknown = await t.http.get('/v1/audit-log?subjectType=staff&subjectId=unknown&limit=50', operator);
    expect(unknown.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'staff.sign-in-failed',
          // Not the typed name: often a password typed into the wrong field.
          changes: { realm: 'seller' },
        }),
      ]),
    );

    const member = await createStaff(t, org.token, { username: 'audit-member', roles: ['read_only'] });
    await patch(
      `/v1/access/staff/${member.staffId}`,
      { roles: ['operator'], storeIds: ['org-audit-s1'] },
      org.token,
    );
    const changes = await t.http.get(`/v1/audit-log?subjectType=staff&subjectId=${member.staffId}`, operator);
    expect(changes.body.items.map((e: any) => e.action)).toEqual(['staff.roles-changed', 'staff.created']);
    expect(changes.body.items[0]).toMatchObject({ actor: org.admin.staffId, actorKind: 'seller_staff' });
    // text[] columns are audited in their stored form ({read_only}) by the save path.
    expect(JSON.stringify(changes.body.items[0].changes.roles.from)).toContain('read_only');
    expect(JSON.stringify(changes.body.items[0].changes.roles.to)).toContain('operator');
    expect(changes.body.items[1].changes).toMatchObject({
      username: { from: null, to: 'audit-member' },
      roles: { from: null, to: ['read_only'] },
    });
    for (const subjectType of ['organisation', 'main_account', 'store']) {
      const records = await t.http.get(`/v1/audit-log?subjectType=${subjectType}&limit=200`, operator);
      expect(records.body.items.map((e: any) => e.subjectId)).toEqual(
        expect.arrayContaining([
          { organisation: 'org-audit', main_account: 'org-audit-main', store: 'org-audit-s1' }[subjectType],
        ]),
      );
    }
  });

  it('API-1: platform operators are a realm of their own with duty roles', async () => {
    const body = {
      username: 'duty-arbitrator',
      password: 'duty-arbitrator-password',
      displayName: 'Arbiter',
      roles: ['arbitrator', 'auditor'],
    };
    const created = await t.http.post('/v1/access/operators', body, operator);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      realm: 'platform',
      organisationId: null,
      roles: ['arbitrator', 'auditor'],
      storeIds: [],
    });
    expect((await t.http.post('/v1/access/operators', body, operator)).status).toBe(200);
    expect(
      (await t.http.post('/v1/access/operators', { ...body, roles: ['risk_officer'] }, operator)).status,
    ).toBe(409);
    expectFieldProblem(
      await t.http.post(
        '/v1/access/operators',
        { ...body, username: 'duty-admin', roles: ['admin'] },
        operator,
      ),
      'roles',
    );
    const signedIn = await directory.authenticate('platform', body.username, body.password);
    expect(signedIn).toEqual({
      ok: true,
      account: expect.objectContaining({
        realm: 'platform',
        organisationId: null,
        roles: ['arbitrator', 'auditor'],
        storeIds: [],
      }),
    });
    expect(await directory.authenticate('seller', body.username, body.password)).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect((await t.http.get('/v1/access/me', await staffToken(t, created.body.id, []))).status).toBe(403);
  });

  it('API-1: bad input is a 400 or 422 problem naming the field, never a 500', async () => {
    const org = await organisation('org-bad');
    await organisation('org-bad-neighbour');
    const admin = { username: 'bad-admin', password: 'bad-admin-password', displayName: 'Bad' };
    expectFieldProblem(
      await t.http.post('/v1/access/organisations', { id: 'bad id!', name: 'x', admin }, operator),
      'id',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/organisations', { id: '-bad', name: 'x', admin }, operator),
      'id',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/organisations', { id: 'x'.repeat(65), name: 'x', admin }, operator),
      'id',
    );
    expectFieldProblem(
      await t.http.post(
        '/v1/access/organisations',
        { id: 'org-bad-2', name: 'x', admin: { ...admin, password: 'short' } },
        operator,
      ),
      'admin.password',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/organisations', { id: 'org-bad-2', name: 'x' }, operator),
      'admin',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/organisations', { id: 'org-bad-2', name: '   ', admin }, operator),
      'name',
    );
    expectFieldProblem(await t.http.get('/v1/access/organisations/bad%20id', operator), 'organisationId');
    expectFieldProblem(
      await t.http.post(
        '/v1/access/organisations/org-bad/main-accounts',
        { id: 'ma bad', name: 'x' },
        operator,
      ),
      'id',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/main-accounts/bad!/stores', { id: 's-ok', name: 'x' }, operator),
      'mainAccountId',
    );

    const staff = {
      username: 'bad-member',
      password: 'bad-member-password',
      displayName: 'Member',
      roles: ['operator'],
      storeIds: ['org-bad-s1'],
    };
    expectFieldProblem(
      await t.http.post('/v1/access/staff', { ...staff, password: 'elevenchars' }, org.token),
      'password',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/staff', { ...staff, password: 'p'.repeat(257) }, org.token),
      'password',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/staff', { ...staff, username: 'no spaces' }, org.token),
      'username',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/staff', { ...staff, roles: ['owner'] }, org.token),
      'roles',
    );
    expectFieldProblem(await t.http.post('/v1/access/staff', { ...staff, roles: [] }, org.token), 'roles');
    expectFieldProblem(
      await t.http.post('/v1/access/staff', { ...staff, roles: ['arbitrator'] }, org.token),
      'roles',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/staff', { ...staff, storeIds: ['bad store'] }, org.token),
      'storeIds',
    );
    expectFieldProblem(
      await t.http.post('/v1/access/staff', { ...staff, storeIds: undefined }, org.token),
      'storeIds',
      422,
    );
    expectFieldProblem(
      await t.http.post(
        '/v1/access/staff',
        { ...staff, storeIds: ['org-bad-s1', 'org-bad-neighbour-s1'] },
        org.token,
      ),
      'storeIds[1]',
      422,
    );
    expectFieldProblem(
      await t.http.post(
        '/v1/access/staff',
        { ...staff, roles: ['read_only'], storeIds: ['org-bad-s1'] },
        org.token,
      ),
      'storeIds',
      422,
    );
    expectFieldProblem(await t.http.post('/v1/access/staff', { ...staff, extra: true }, org.token), 'extra');
    const member = await createStaff(t, org.token, staff);
    expectFieldProblem(await patch('/v1/access/staff/not-a-uuid', { disabled: true }, org.token), 'staffId');
    expectFieldProblem(
      await patch(`/v1/access/staff/${member.staffId}`, { password: 'short' }, org.token),
      'password',
    );
    expectFieldProblem(
      await patch(`/v1/access/staff/${member.staffId}`, { disabled: 'yes' }, org.token),
      'disabled',
    );
    expectFieldProblem(
      await patch(`/v1/access/staff/${member.staffId}`, { roles: ['root'] }, org.token),
      'roles',
    );
    expectFieldProblem(
      await patch(`/v1/access/staff/${member.staffId}`, { storeIds: ['org-x-s9'] }, org.token),
      'storeIds[0]',
      422,
    );
    expectFieldProblem(
      await patch(`/v1/access/staff/${member.staffId}`, { storeIds: [] }, org.token),
      'storeIds',
      422,
    );
    expectFieldProblem(await t.http.get('/v1/access/staff?cursor=nonsense', org.token), 'cursor');
    // Nothing of it was stored.
    const names = (await t.http.get('/v1/access/staff', org.token)).body.items.map((s: any) => s.username);
    expect(names).toEqual(['bad-member', 'org-bad-admin']);
    expect((await t.http.get('/v1/access/organisations/org-bad-2', operator)).status).toBe(404);
  });

  it('API-1: concurrent identical creates make one record, and concurrent failures are all counted', async () => {
    const org = await organisation('org-race');
    const spec = {
      username: 'race-member',
      password: 'race-member-password',
      displayName: 'Racer',
      roles: ['read_only'],
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post('/v1/access/staff', spec, org.token)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const stores = await Promise.all(
      ['org-race-main', 'org-race-main', 'org-race-main'].map(() =>
        addStore(t, 'org-race-main', 's-race-new'),
      ),
    );
    expect(new Set(stores.map((s) => s.joinedAt)).size).toBe(1);

    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        directory.authenticate('seller', spec.username, `wrong-password-${i}`),
      ),
    );
    expect(attempts.filter((a) => !a.ok && a.reason === 'locked')).toHaveLength(1);
    expect(await directory.authenticate('seller', spec.username, spec.password)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
  });

  it('API-1: the sandbox demo seeds the demo seller organisation, its main accounts and stores, demo-admin and demo-operator, idempotently', async () => {
    await seedAccessDemo(t.app, DEMO_ACCOUNTS);
    await seedAccessDemo(t.app, DEMO_ACCOUNTS);
    const tree = await directory.organisationTree('seller-demo');
    expect(tree.mainAccounts).toEqual(
      Object.entries(DEMO_ACCOUNTS)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, stores]) => ({
          id,
          name: expect.any(String),
          stores: [...stores].sort().map((store) => ({ id: store, name: store })),
        })),
    );
    const admin = await directory.authenticate('seller', 'demo-admin', 'demo-admin-password');
    expect(admin).toMatchObject({
      ok: true,
      account: { roles: ['admin'], storeIds: [...DEMO_STORES].sort() },
    });
    const op = await directory.authenticate('platform', 'demo-operator', 'demo-operator-password');
    expect(op).toMatchObject({ ok: true, account: { realm: 'platform', roles: ['platform_admin'] } });
    // A password changed in the sandbox survives the next seeding.
    const adminToken = await staffToken(t, (admin as any).account.id, []);
    await patch(
      `/v1/access/staff/${(admin as any).account.id}`,
      { password: 'changed-in-the-sandbox' },
      adminToken,
    );
    await seedAccessDemo(t.app, DEMO_ACCOUNTS);
    expect((await directory.authenticate('seller', 'demo-admin', 'changed-in-the-sandbox')).ok).toBe(true);
  });
});
