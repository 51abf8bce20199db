import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors, type InteractionResults } from 'oidc-provider';
import { isScope, Public, requestContext, type Scope } from '@tradehub/platform';
import { StaffDirectory, type StaffAccount } from '../../directory';
import { GRANTABLE_SCOPES } from '../../roles';
import { foreignChoice } from '../grants/grant-choice';
import { GrantsService } from '../grants/grants.service';
import { firstPartyGrant, isFirstParty, OAuthServer } from '../oauth-server';
import { consentPage, loginPage, messagePage } from './pages';

type Form = Record<string, unknown>;

/** A form field's values as text; anything else a crafted body sends (a number, an object) is dropped. */
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
const one = (value: unknown): string => list(value)[0] ?? '';

/**
 * The pages of the authorization-code flow that oidc-provider hands to the host: sign-in (seller
 * staff, or for tradehub's own UIs also platform operators) and a seller admin's consent, where
 * they choose the stores and main accounts a partner app may use. Protected by the interaction's
 * signed SameSite cookies, which a cross-site form post does not carry.
 */
@Public()
@ApiExcludeController()
@Controller('interaction')
export class InteractionController {
  constructor(
    private readonly server: OAuthServer,
    private readonly directory: StaffDirectory,
    @Inject(GrantsService) private readonly grants: GrantsService,
  ) {}

  @Get(':uid')
  async show(
    @Param('uid') uid: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const details = await this.details(req, reply);
    if (!details) return;
    const client = await this.client(details.params.client_id as string);
    if (details.prompt.name === 'login')
      return this.html(reply, 200, loginPage({ uid, appName: client.name, realms: client.realms }));
    if (client.firstParty) return this.finishFirstParty(details, client.id, req, reply);
    const account = await this.consentingAdmin(details);
    if (!account) return this.notAdmin(reply, uid);
    const organisation = await this.directory.organisationTree(account.organisationId!);
    return this.html(
      reply,
      200,
      consentPage({
        uid,
        appName: client.name,
        clientId: client.id,
        scopes: this.scopes(details, client),
        organisation,
      }),
    );
  }

  @Post(':uid/login')
  async login(
    @Param('uid') uid: string,
    @Body() body: Form,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const details = await this.details(req, reply);
    if (!details) return;
    const client = await this.client(details.params.client_id as string);
    const realm =
      one(body?.realm) === 'platform' && client.realms.includes('platform') ? 'platform' : 'seller';
    const username = one(body?.username);
    const result = await this.directory.authenticate(realm, username, one(body?.password));
    if (!result.ok) {
      const error =
        result.reason === 'locked'
          ? `Too many failed sign-ins: this account is locked until ${result.lockedUntil?.toISOString() ?? 'later'}.`
          : result.reason === 'disabled'
            ? 'This account is disabled; ask your organisation admin.'
            : 'Wrong username or password.';
      return this.html(
        reply,
        401,
        loginPage({ uid, appName: client.name, realms: client.realms, error, username }),
      );
    }
    return this.finish(req, reply, { login: { accountId: result.account.id } });
  }

  @Post(':uid/confirm')
  async confirm(
    @Param('uid') uid: string,
    @Body() body: Form,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const details = await this.details(req, reply);
    if (!details) return;
    if (details.prompt.name !== 'consent')
      return this.html(
        reply,
        400,
        messagePage('Nothing to confirm', 'This sign-in does not ask for consent.'),
      );
    const client = await this.client(details.params.client_id as string);
    if (client.firstParty) return this.finishFirstParty(details, client.id, req, reply);
    const account = await this.consentingAdmin(details);
    if (!account) return this.notAdmin(reply, uid);
    const organisation = await this.directory.organisationTree(account.organisationId!);
    const scopes = this.scopes(details, client);
    const storeIds = list(body?.stores);
    const mainAccountIds = list(body?.mainAccounts);
    const error =
      !storeIds.length && !mainAccountIds.length
        ? 'Choose at least one store or main account.'
        : foreignChoice(organisation, storeIds, mainAccountIds)
          ? "Choose among your organisation's stores and main accounts."
          : undefined;
    if (error)
      return this.html(
        reply,
        422,
        consentPage({ uid, appName: client.name, clientId: client.id, scopes, organisation, error }),
      );
    const { provider, endpoints } = this.server;
    const grant = new provider.Grant({ accountId: account.id, clientId: client.id });
    grant.addResourceScope(endpoints.resource, scopes.join(' '));
    const missingOidc = (details.prompt.details.missingOIDCScope as string[] | undefined) ?? [];
    if (missingOidc.length) grant.addOIDCScope(missingOidc.join(' '));
    const grantId = await grant.save();
    const principal = { id: account.id, kind: 'seller_staff' as const, stores: account.storeIds, scopes: [] };
    try {
      await requestContext.run({ requestId: String(req.id), principal }, () =>
        this.grants.recordConsent({
          grantId,
          clientId: client.id,
          accountId: account.id,
          organisationId: account.organisationId!,
          storeIds,
          mainAccountIds,
          scopes,
        }),
      );
    } catch (error) {
      // Unrecorded, the server's grant must not stay behind (the guard would refuse it anyway).
      await grant.destroy();
      throw error;
    }
    return this.finish(req, reply, { consent: { grantId } }, true);
  }

  @Post(':uid/abort')
  async abort(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const details = await this.details(req, reply);
    if (!details) return;
    return this.finish(req, reply, {
      error: 'access_denied',
      error_description: 'The user declined or cancelled the sign-in',
    });
  }

  /** The signed-in staff member when they may grant apps access: an active admin of a seller organisation. */
  private async consentingAdmin(details: {
    session?: { accountId?: unknown };
  }): Promise<StaffAccount | null> {
    const account = await this.directory.account(String(details.session?.accountId));
    return account && !account.disabled && account.realm === 'seller' && account.roles.includes('admin')
      ? account
      : null;
  }

  private notAdmin(reply: FastifyReply, uid: string): void {
    this.html(
      reply,
      403,
      messagePage('Not allowed', "Only an admin of the seller's organisation can grant an app access.", uid),
    );
  }

  /** The interaction behind the cookie, or an answered error page when there is none (expired, or no cookie). */
  private async details(req: FastifyRequest, reply: FastifyReply) {
    try {
      return await this.server.provider.interactionDetails(req.raw, reply.raw);
    } catch (error) {
      if (error instanceof errors.OIDCProviderError) {
        this.html(
          reply,
          400,
          messagePage('Sign-in expired', 'This sign-in is no longer valid; start again from the app.'),
        );
        return undefined;
      }
      throw error;
    }
  }

  /** The scopes the app asked for that it may hold and a seller may grant; all of the app's when it named none. */
  private scopes(details: { params: Record<string, unknown> }, client: { scopes: string[] }): Scope[] {
    const requested = String(details.params.scope ?? '')
      .split(' ')
      .filter(isScope);
    const asked = requested.length ? requested : client.scopes.filter(isScope);
    return asked.filter((s) => client.scopes.includes(s) && GRANTABLE_SCOPES.includes(s));
  }

  private async client(clientId: string): Promise<{
    id: string;
    name: string;
    firstParty: boolean;
    realms: ('seller' | 'platform')[];
    scopes: string[];
  }> {
    const client = await this.server.provider.Client.find(clientId);
    const firstParty = isFirstParty(client);
    const name = firstParty ? 'tradehub' : await this.grants.appName(clientId);
    return {
      id: clientId,
      name: name ?? clientId,
      firstParty,
      realms: firstParty ? ['seller', 'platform'] : ['seller'],
      scopes: String(client?.scope ?? '').split(' '),
    };
  }

  /** tradehub's own UIs never ask for consent (even when a request insists): the person's roles decide. */
  private async finishFirstParty(
    details: { session?: { accountId?: unknown } },
    clientId: string,
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const { provider, endpoints } = this.server;
    const grantId = await firstPartyGrant(
      provider,
      endpoints.resource,
      clientId,
      String(details.session?.accountId),
    );
    return this.finish(req, reply, { consent: { grantId } }, true);
  }

  private html(reply: FastifyReply, status: number, body: string): void {
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      )
      .send(body);
  }

  /**
   * Hands the interaction's outcome back to the server and sends the browser on (303). A login
   * starts afresh; a consent keeps what the interaction had gathered.
   */
  private async finish(
    req: FastifyRequest,
    reply: FastifyReply,
    result: InteractionResults,
    merge = false,
  ): Promise<void> {
    const returnTo = await this.server.provider.interactionResult(req.raw, reply.raw, result, {
      mergeWithLastSubmission: merge,
    });
    this.redirect(reply, returnTo);
  }

  private redirect(reply: FastifyReply, location: string): void {
    void reply.status(303).header('location', location).header('cache-control', 'no-store').send();
  }
}
