import type { JsonObject } from './parse-token';
import { describeTimeClaim, isNumericDate } from './time';
import type { TimeClaimName, TimeDescription } from './time';

export interface ClaimRow {
  name: string;
  display: string;
  meaning: string | null;
  source: string | null;
  time: (TimeDescription & { seconds: number }) | null;
  problem: string | null;
}

type Meaning = [meaning: string, source: string];

const CLAIMS: Record<string, Meaning> = {
  iss: ['Issuer: who created and signed the token.', 'RFC 7519 §4.1.1'],
  sub: ['Subject: whom the token is about, unique within its issuer.', 'RFC 7519 §4.1.2'],
  aud: ['Audience: who the token is meant for; anyone else must reject it.', 'RFC 7519 §4.1.3'],
  exp: ['Expiration time: the token must be refused at or after this instant.', 'RFC 7519 §4.1.4'],
  nbf: ['Not before: the token must be refused before this instant.', 'RFC 7519 §4.1.5'],
  iat: ['Issued at: when the token was created.', 'RFC 7519 §4.1.6'],
  jti: [
    'JWT ID: unique per token, so one token can be revoked or a replay spotted.',
    'RFC 7519 §4.1.7',
  ],
  auth_time: ['When the user last actually authenticated.', 'OpenID Connect Core §2'],
  nonce: ['Ties an ID token to the request that asked for it.', 'OpenID Connect Core §2'],
  azp: ['Authorized party: the client the token was issued to.', 'OpenID Connect Core §2'],
  acr: ['Authentication context class the login satisfied.', 'OpenID Connect Core §2'],
  amr: ['Authentication methods used, such as pwd or otp.', 'RFC 8176'],
  sid: ['Session ID at the issuer, used for logout.', 'OpenID Connect Front-Channel Logout'],
  scope: ['Space-separated scopes the token grants.', 'RFC 8693 §4.2'],
  client_id: ['The OAuth client the token was issued to.', 'RFC 9068 §2.2'],
  cnf: ['Confirmation: the key the presenter must prove it holds.', 'RFC 7800'],
  roles: [
    'Roles granted. Only a server that checks them makes them mean anything.',
    'RFC 9068 §7.2.1.1',
  ],
  groups: ['Groups the subject belongs to.', 'RFC 9068 §7.2.1.1'],
  name: ['Full name, for display only.', 'OpenID Connect Core §5.1'],
  email: [
    'Email address; not proof of ownership unless email_verified.',
    'OpenID Connect Core §5.1',
  ],
  email_verified: ['Whether the issuer checked the email address.', 'OpenID Connect Core §5.1'],
  role: [
    'The role when the token was issued: a copy, so a promotion shows only in a new token.',
    'Login Lab',
  ],
  ver: ["The user's tokenVersion at issue; bumping it revokes every older token.", 'Login Lab'],
  preferred_username: [
    'Preferred display username; not unique, not an identifier.',
    'OpenID Connect Core §5.1',
  ],
};

const HEADER_PARAMETERS: Record<string, Meaning> = {
  alg: [
    'Algorithm of the signature. A verifier picks it from its own key, never from here.',
    'RFC 7515 §4.1.1',
  ],
  jku: [
    'URL of a key set. Fetching keys from a URL in the token lets the token pick its own key.',
    'RFC 7515 §4.1.2',
  ],
  jwk: [
    'A public key embedded in the token; trusting it means trusting the forger.',
    'RFC 7515 §4.1.3',
  ],
  kid: ['Key ID: a hint for choosing the key; never a file path or a query.', 'RFC 7515 §4.1.4'],
  x5u: ['URL of an X.509 certificate chain.', 'RFC 7515 §4.1.5'],
  x5c: ['X.509 certificate chain for the signing key.', 'RFC 7515 §4.1.6'],
  x5t: ['SHA-1 thumbprint of the signing certificate.', 'RFC 7515 §4.1.7'],
  'x5t#S256': ['SHA-256 thumbprint of the signing certificate.', 'RFC 7515 §4.1.8'],
  typ: [
    'Media type of the whole token: JWT, or at+jwt for an OAuth access token.',
    'RFC 7515 §4.1.9',
  ],
  cty: ['Content type of the payload; JWT means a nested token.', 'RFC 7515 §4.1.10'],
  crit: ['Extensions the recipient must understand, or else reject the token.', 'RFC 7515 §4.1.11'],
  enc: ['Content encryption algorithm.', 'RFC 7516 §4.1.2'],
  zip: ['Compression applied before encryption.', 'RFC 7516 §4.1.3'],
  b64: ['false means the payload is not base64url-encoded.', 'RFC 7797 §3'],
};

const JWE_ALG: Meaning = [
  'Key management algorithm: how the content key is encrypted or agreed.',
  'RFC 7516 §4.1.1',
];

const TIME_CLAIMS = new Set<string>(['exp', 'nbf', 'iat']);

export function describeClaims(payload: JsonObject, now: number): ClaimRow[] {
  return Object.entries(payload).map(([name, value]) => {
    const [meaning, source] = CLAIMS[name] ?? [null, null];
    const row: ClaimRow = {
      name,
      display: displayValue(value),
      meaning,
      source,
      time: null,
      problem: null,
    };
    if (!TIME_CLAIMS.has(name)) return row;
    if (!isNumericDate(value)) {
      return {
        ...row,
        problem: 'not a NumericDate (seconds since 1970): verifiers disagree on it',
      };
    }
    return {
      ...row,
      time: { seconds: value, ...describeTimeClaim(name as TimeClaimName, value, now) },
    };
  });
}

export function describeHeaderParameters(header: JsonObject, encrypted = false): ClaimRow[] {
  return Object.entries(header).map(([name, value]) => {
    const known = encrypted && name === 'alg' ? JWE_ALG : HEADER_PARAMETERS[name];
    const [meaning, source] = known ?? [null, null];
    return { name, display: displayValue(value), meaning, source, time: null, problem: null };
  });
}

function displayValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
