// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the end-to-end tests.
// Prints the issuer on its first line once it listens. Three clients, as the issue asks:
// a confidential one with client_secret_basic, one with client_secret_post, and a public one
// with PKCE only; all native apps with a loopback redirect (any port, RFC 8252 §7.3).
import http from 'node:http';
import Provider from 'oidc-provider';

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
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
  ],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true }, // oidc-provider's own login and consent pages
    revocation: { enabled: true },
    userinfo: { enabled: true },
  },
  // Strict rotation: every refresh returns a new refresh token and consumes the old one.
  rotateRefreshToken: true,
  issueRefreshToken: async (ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  ttl: { AccessToken: 120, AuthorizationCode: 60, RefreshToken: 3600, Grant: 3600, Interaction: 600, Session: 3600 },
  cookies: { keys: ['tether-e2e-cookie-key-not-a-secret'] },
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, name: 'Test User' }) }),
  scopes: ['openid', 'offline_access', 'profile'],
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));

server.on('request', provider.callback());
console.log(issuer);
