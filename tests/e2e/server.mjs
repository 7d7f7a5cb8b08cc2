// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the end-to-end tests.
// Prints the issuer on its first line once it listens. Clients: a confidential one with
// client_secret_basic, one with client_secret_post, a public one with PKCE only (all native apps
// with a loopback redirect, any port: RFC 8252 §7.3), and a public one for the device
// authorization grant (RFC 8628, oidc-provider's deviceFlow feature and its own device pages).
//
// Options, each a behaviour of a real server that nobody on this project wrote:
//   --port N                      listen there (a restart keeps the issuer; the grants are gone,
//                                 as after a restart with a fresh session store)
//   --hide-none                   discovery leaves "none" out of token_endpoint_auth_methods_supported
//                                 although public clients work (Keycloak, Microsoft Entra)
//   --refuse-with CODE            a refresh token the server does not know is refused with CODE
//                                 instead of invalid_grant (Keycloak answers invalid_request)
//   --device-ttl S                device codes expire after S seconds (default 600)
//   --drop-iss                    the redirect to the client loses its `iss` parameter, although
//                                 discovery says the server sends one (RFC 9207: a mix-up, or a
//                                 proxy that eats it)
import http from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'hide-none': { type: 'boolean', default: false },
    'refuse-with': { type: 'string' },
    'device-ttl': { type: 'string', default: '600' },
    'drop-iss': { type: 'boolean', default: false },
  },
});

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(options.port), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const native = {
  application_type: 'native',
  redirect_uris: ['http://127.0.0.1/callback'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  scope: 'openid offline_access profile',
};

const provider = new Provider(issuer, {
  clients: [
    { ...native, client_id: 'tether-basic', client_secret: 'basic-secret-0123456789abcdef', token_endpoint_auth_method: 'client_secret_basic' },
    { ...native, client_id: 'tether-post', client_secret: 'post-secret-0123456789abcdef', token_endpoint_auth_method: 'client_secret_post' },
    { ...native, client_id: 'tether-public', token_endpoint_auth_method: 'none' },
    {
      ...native,
      client_id: 'tether-device',
      token_endpoint_auth_method: 'none',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      redirect_uris: [],
      response_types: [],
    },
  ],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true }, // oidc-provider's own login and consent pages
    deviceFlow: { enabled: true },
    revocation: { enabled: true },
    userinfo: { enabled: true },
  },
  // Strict rotation: every refresh returns a new refresh token and consumes the old one.
  rotateRefreshToken: true,
  issueRefreshToken: async (ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  ttl: {
    AccessToken: 120, AuthorizationCode: 60, RefreshToken: 3600, Grant: 3600, Interaction: 600, Session: 3600,
    DeviceCode: Number(options['device-ttl']),
  },
  cookies: { keys: ['tether-e2e-cookie-key-not-a-secret'] },
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, name: 'Test User' }) }),
  scopes: ['openid', 'offline_access', 'profile'],
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));

provider.use(async (ctx, next) => {
  await next();
  if (options['hide-none'] && ctx.path === '/.well-known/openid-configuration' && ctx.body) {
    ctx.body.token_endpoint_auth_methods_supported =
      ctx.body.token_endpoint_auth_methods_supported.filter((method) => method !== 'none');
  }
  const location = ctx.response.get('location');
  if (options['drop-iss'] && location && new URL(location, issuer).pathname === '/callback') {
    const target = new URL(location);
    target.searchParams.delete('iss');
    ctx.redirect(target.href);
  }
  if (options['refuse-with'] && ctx.path === '/token' && ctx.status === 400 && ctx.body?.error === 'invalid_grant'
      && ctx.oidc?.params?.grant_type === 'refresh_token') {
    ctx.body = { error: options['refuse-with'], error_description: 'Session not active' };
  }
});

server.on('request', provider.callback());
console.log(issuer);
