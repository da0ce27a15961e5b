/**
 * A local stand-in for the Bot Framework channel's token issuer, on 127.0.0.1: an OpenID
 * document and its JWKS (one RS256 key endorsed for "msteams"), and tokens signed with the
 * local key as the channel signs them (docs/teams.md: Hosting and auth). Give `metadataUrl`
 * to the bot as BOT_OPENID_METADATA_URL.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, type JWK, SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  /** Seconds since the epoch; default now − 60 s / now + 1 h. */
  nbf?: number;
  exp?: number;
  [claim: string]: unknown;
}

export interface TokenIssuer {
  readonly url: string;
  readonly metadataUrl: string;
  readonly kid: string;
  /** A token signed with the published key (RS256), with the claims given over the defaults. */
  sign(claims: TokenClaims, opts?: { kid?: string; key?: 'published' | 'other' }): Promise<string>;
  /** An HS256 token whose HMAC secret is the published public key (the classic algorithm confusion). */
  signHs256WithPublicKey(claims: TokenClaims): Promise<string>;
  /** An unsigned token (`alg: none`). */
  unsigned(claims: TokenClaims): string;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  close(): Promise<void>;
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

export async function startTokenIssuer(opts: { appId: string; serviceUrl: string }): Promise<TokenIssuer> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const kid = 'local-test-key';
  const jwk: JWK = { ...(await exportJWK(published.publicKey)), kid, use: 'sig', alg: 'RS256' };
  const publicPem = await exportSPKI(published.publicKey);
  let fetches = 0;

  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/keys') {
      fetches += 1;
      res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const payload = (claims: TokenClaims) => ({
    iss: CHANNEL_ISSUER,
    aud: opts.appId,
    serviceurl: opts.serviceUrl,
    nbf: now() - 60,
    exp: now() + 3600,
    iat: now() - 60,
    ...claims,
  });

  return {
    url,
    metadataUrl: `${url}/openid`,
    kid,
    async sign(claims, signOpts = {}) {
      const key: CryptoKey = signOpts.key === 'other' ? other.privateKey : published.privateKey;
      return new SignJWT(payload(claims)).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signOpts.kid ?? kid }).sign(key);
    },
    async signHs256WithPublicKey(claims) {
      return new SignJWT(payload(claims)).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid }).sign(new TextEncoder().encode(publicPem));
    },
    unsigned(claims) {
      return `${b64url({ alg: 'none', typ: 'JWT', kid })}.${b64url(payload(claims))}.`;
    },
    jwksFetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
