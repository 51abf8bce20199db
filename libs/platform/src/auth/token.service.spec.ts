import { loadConfig } from '../config/app-config';
import { Principal } from './principal';
import { InvalidToken, TOKEN_CLOCK_SKEW_SECONDS, TokenService } from './token.service';

const seller: Principal = { id: 'seller-1', kind: 'seller_staff', stores: ['store-a'], scopes: [] };
const issuedAt = 1_800_000_000;
const at = (seconds: number): Date => new Date(seconds * 1000);

describe('TokenService: a verified token is remembered', () => {
  it('accepts a token verified before without checking its signature again', async () => {
    const tokens = new TokenService(loadConfig({}));
    const known = await tokens.mint(seller, 3600, issuedAt);
    const unseen = await tokens.mint({ ...seller, id: 'seller-2' }, 3600, issuedAt);
    await expect(tokens.verify(known, at(issuedAt + 10))).resolves.toMatchObject({ id: 'seller-1' });
    // Another key from now on: only what was verified with the first one is still accepted.
    (tokens as unknown as { key: Promise<CryptoKey> }).key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode('another secret, at least thirty-two bytes long'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    await expect(tokens.verify(known, at(issuedAt + 20))).resolves.toMatchObject({ id: 'seller-1' });
    await expect(tokens.verify(unseen, at(issuedAt + 20))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('stops accepting a remembered token when jose would: at its expiry plus the tolerated skew', async () => {
    const tokens = new TokenService(loadConfig({}));
    const token = await tokens.mint(seller, 3600, issuedAt);
    const end = issuedAt + 3600 + TOKEN_CLOCK_SKEW_SECONDS;
    await expect(tokens.verify(token, at(issuedAt + 10))).resolves.toMatchObject({ id: 'seller-1' });
    await expect(tokens.verify(token, new Date(end * 1000 - 1))).resolves.toMatchObject({ id: 'seller-1' });
    await expect(tokens.verify(token, at(end))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a token whose signature differs from one it remembers, and shares only frozen principals', async () => {
    const tokens = new TokenService(loadConfig({}));
    const token = await tokens.mint(seller, 3600, issuedAt);
    const principal = await tokens.verify(token, at(issuedAt + 10));
    expect(Object.isFrozen(principal) && Object.isFrozen(principal.stores)).toBe(true);
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expect(tokens.verify(forged, at(issuedAt + 10))).rejects.toBeInstanceOf(InvalidToken);
  });
});
