import { ConflictError, RuleViolation, ValidationError } from '@tradehub/kernel';
import { checkRoles, checkStoreChoice, effectiveAccess, Staff, type StaffInput } from './staff';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const POLICY = { lockoutAfterFailures: 5, lockoutMinutes: 15 };
const STORES = new Set(['s1', 's2', 's3']);

const input = (over: Partial<StaffInput> = {}): StaffInput => ({
  realm: 'seller',
  organisationId: 'org',
  username: 'Li.Wei',
  displayName: ' Li Wei ',
  roles: ['operator'],
  storeIds: ['s2', 's1', 's2'],
  ...over,
});

const fieldOf = (work: () => unknown): { kind: string; field?: string } => {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError || error instanceof RuleViolation || error instanceof ConflictError)
      return { kind: error.kind, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('Staff (API-1)', () => {
  it('creates an account with its name in lower case, roles in catalogue order and stores each once', () => {
    const staff = Staff.create(input({ roles: ['operator', 'operator'] }), STORES, NOW);
    expect(staff).toMatchObject({
      username: 'li.wei',
      displayName: 'Li Wei',
      roles: ['operator'],
      storeIds: ['s1', 's2'],
      failedLogins: 0,
      lockedUntil: null,
      disabledAt: null,
    });
    expect(staff.sameAs(input({ roles: ['operator'], username: 'LI.WEI' }))).toBe(true);
    expect(staff.sameAs(input({ roles: ['read_only'], storeIds: [] }))).toBe(false);
    expect(staff.sameAs(input({ roles: ['operator'], storeIds: ['s1'] }))).toBe(false);
    const both = Staff.create(input({ roles: ['read_only', 'admin'], storeIds: [] }), STORES, NOW);
    expect(both.roles).toEqual(['admin', 'read_only']);
  });

  it('an operator of chosen stores holds no other role: beside one that sees every store, its writes would reach them all', () => {
    for (const other of ['admin', 'read_only'])
      expect(fieldOf(() => checkRoles('seller', ['operator', other]))).toEqual({
        kind: 'validation',
        field: 'roles',
      });
    const staff = Staff.create(input(), STORES, NOW);
    expect(fieldOf(() => staff.update({ roles: ['operator', 'read_only'] }, STORES, 1, NOW))).toEqual({
      kind: 'validation',
      field: 'roles',
    });
  });

  it('names the offending role or store by its index', () => {
    expect(fieldOf(() => checkRoles('seller', ['admin', 'arbitrator']))).toEqual({
      kind: 'validation',
      field: 'roles[1]',
    });
    expect(fieldOf(() => checkRoles('platform', ['admin']))).toEqual({
      kind: 'validation',
      field: 'roles[0]',
    });
    expect(fieldOf(() => checkRoles('seller', []))).toEqual({ kind: 'validation', field: 'roles' });
    expect(fieldOf(() => checkStoreChoice(['operator'], ['s1', 'elsewhere'], STORES))).toEqual({
      kind: 'rule_violation',
      field: 'storeIds[1]',
    });
    expect(fieldOf(() => checkStoreChoice(['operator'], [], STORES))).toEqual({
      kind: 'rule_violation',
      field: 'storeIds',
    });
    expect(fieldOf(() => checkStoreChoice(['read_only'], ['s1'], STORES))).toEqual({
      kind: 'rule_violation',
      field: 'storeIds',
    });
    expect(fieldOf(() => Staff.create(input({ username: 'x' }), STORES, NOW))).toEqual({
      kind: 'validation',
      field: 'username',
    });
  });

  it('counts failures, locks at the fifth for 15 minutes (refusing the right password), and resets on success', () => {
    const staff = Staff.create(input(), STORES, NOW);
    for (let i = 1; i <= 4; i++) {
      expect(staff.signIn(false, NOW, POLICY)).toEqual({
        outcome: { ok: false, reason: 'invalid_credentials' },
        changed: true,
      });
      expect(staff.failedLogins).toBe(i);
    }
    const until = new Date(NOW.getTime() + 15 * 60_000);
    expect(staff.signIn(false, NOW, POLICY)).toEqual({
      outcome: { ok: false, reason: 'locked', lockedUntil: until },
      changed: true,
    });
    expect(staff.signIn(true, new Date(until.getTime() - 1), POLICY)).toEqual({
      outcome: { ok: false, reason: 'locked', lockedUntil: until },
      changed: false,
    });
    expect(staff.signIn(true, until, POLICY)).toEqual({ outcome: { ok: true }, changed: true });
    expect(staff).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(staff.signIn(true, until, POLICY)).toEqual({ outcome: { ok: true }, changed: false });
    staff.signIn(false, until, POLICY);
    staff.signIn(false, until, POLICY);
    staff.signIn(true, until, POLICY);
    expect(staff.failedLogins).toBe(0);
  });

  it('refuses a disabled account, saying so only to the right password', () => {
    const staff = Staff.create(input(), STORES, NOW);
    staff.update({ disabled: true }, STORES, 1, NOW);
    expect(staff.signIn(true, NOW, POLICY).outcome).toEqual({ ok: false, reason: 'disabled' });
    expect(staff.signIn(false, NOW, POLICY).outcome).toEqual({ ok: false, reason: 'invalid_credentials' });
  });

  it('keeps an active admin: the last one can neither drop the role nor be disabled', () => {
    const admin = Staff.create(input({ roles: ['admin'], storeIds: [] }), STORES, NOW);
    expect(fieldOf(() => admin.update({ roles: ['read_only'] }, STORES, 0, NOW))).toEqual({
      kind: 'rule_violation',
      field: 'roles',
    });
    expect(fieldOf(() => admin.update({ disabled: true }, STORES, 0, NOW))).toEqual({
      kind: 'rule_violation',
      field: 'disabled',
    });
    admin.update({ roles: ['read_only'] }, STORES, 1, NOW);
    expect(admin.roles).toEqual(['read_only']);
  });

  it('drops the chosen stores with the operator role, and keeps them while it stays', () => {
    const staff = Staff.create(input(), STORES, NOW);
    staff.update({ displayName: 'Li W.' }, STORES, 1, NOW);
    expect(staff.storeIds).toEqual(['s1', 's2']);
    staff.update({ roles: ['read_only'] }, STORES, 1, NOW);
    expect(staff.storeIds).toEqual([]);
  });
});

describe('effectiveAccess (API-1)', () => {
  const organisation = {
    mainAccounts: [
      { id: 'ma2', storeIds: ['s3'] },
      { id: 'ma1', storeIds: ['s2', 's1'] },
    ],
  };

  it('admin and read_only reach every store and main account of the organisation now', () => {
    for (const role of ['admin', 'read_only'])
      expect(effectiveAccess({ realm: 'seller', roles: [role], storeIds: [] }, organisation)).toEqual({
        storeIds: ['s1', 's2', 's3'],
        mainAccountIds: ['ma1', 'ma2'],
      });
  });

  it('an operator reaches the chosen stores still in the organisation, and no main account', () => {
    expect(
      effectiveAccess({ realm: 'seller', roles: ['operator'], storeIds: ['s3', 'gone'] }, organisation),
    ).toEqual({
      storeIds: ['s3'],
      mainAccountIds: [],
    });
  });

  it('platform operators reach no seller store through the directory', () => {
    expect(effectiveAccess({ realm: 'platform', roles: ['platform_admin'], storeIds: [] }, null)).toEqual({
      storeIds: [],
      mainAccountIds: [],
    });
  });
});
