import { Injectable } from '@nestjs/common';
import { InvalidToken, IssuedTokenVerifier, Principal } from '@tradehub/platform';

@Injectable()
export class AccessTokenVerifier extends IssuedTokenVerifier {
  async verify(_token: string): Promise<Principal> {
    throw new InvalidToken('token not issued by this deployment');
  }
}
