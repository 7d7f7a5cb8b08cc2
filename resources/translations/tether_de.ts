<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountEndpoints</name>
    <message>
        <source>%1 needs your tenant&apos;s address as its issuer, such as https://YOUR-TENANT.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1 has no token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountLock</name>
    <message>
        <source>cannot create a lock file in %1 (is its disk full?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Tether process is refreshing this account and has not finished; try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountRegistry</name>
    <message>
        <source>no account &quot;%1&quot;; the account list shows the ones there are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is implausibly large; it was left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account registry %1 is unreadable (%2); it was not changed and a copy is kept at %3; repair or remove it to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account registry %1 was written by a newer Tether (schema %2; this one reads %3); update Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1 appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2 (is the disk full or read-only?); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1 (is the disk full or read-only?); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write in %1 (is the disk full or read-only?); nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Tether process is holding the account registry; try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountSecrets</name>
    <message>
        <source>the keychain is locked, so the secrets of %1 cannot be read: unlock it and try again (nothing was changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain is unlocked but holds no secrets for %1 although Tether stored them (a reset keyring, or an account list copied from another machine): sign in again, and set the client secret again if it has one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>account %1 uses the provider profile &quot;%2&quot;, which is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an account &quot;%1&quot; exists already; remove it first to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed the settings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token response is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored new tokens for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it held no tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offers no revocation, so its tokens stay valid there until they expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tokens were only forgotten here and stay valid at %1 until they expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 revoked its tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tokens were forgotten here, but may stay valid at %1 until they expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider could not be told to revoke the tokens (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountValidation</name>
    <message>
        <source>the redirect URI must be a loopback address with a port, such as http://127.0.0.1:8400/callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid account id: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;@&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no provider &quot;%1&quot;; the provider list shows the ones there are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client id is required: the id the provider registered for your application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is longer than 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the issuer&apos;s URL, where its discovery document is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 authenticates the client with a secret (client authentication &quot;%2&quot;): give the client secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusApi</name>
    <message>
        <source>the Tether service did not answer (%1); try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>run Tether&apos;s session service in the foreground (what the systemd user unit runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the built-in provider profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add an account (the client secret is read from standard input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change an account&apos;s settings; its tokens stay (a new client secret is read from standard input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every account with its state and expiries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store a token endpoint response (RFC 6749 §5.1 JSON) read from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in through the browser (authorization code + PKCE, loopback redirect), or with --device on another device (RFC 8628)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print a valid access token, refreshing first if it is about to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoke the tokens at the provider where it can, and forget them (the account stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnect, then delete the account and its secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tether [--demo | --hidden]
       tether COMMAND [OPTIONS]

Keeps OAuth 2.0 account connections alive: refreshes tokens before they expire and
keeps every secret in the system keychain.

  (no command)  open the window (starting the service if it is not running)
  --hidden      start the service in the background, no window
  --demo        the window on the embedded demo provider

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
`tether COMMAND --help` describes one command.

Exit codes: 0 done, 1 unexpected failure, 2 bad input, 3 reconnect needed,
4 temporary failure (try again later), 5 keychain unavailable or locked.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tether %1

%2.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tether: the keychain would not take the new tokens of %1; they are held in memory: unlock the keychain (waiting up to two minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain stayed locked: the new tokens of %1 were lost with this command, and the account must be reconnected; unlock the keychain first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tether&apos;s service is running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>the discovery document is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discovery document names the issuer &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discovery document has no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discovery document&apos;s %1 is not an acceptable URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s discovery document lists the client authentication methods %1, not %2; using %2 as this client needs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the issuer URL must not have a query or fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read the discovery document of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointPolicy</name>
    <message>
        <source>the token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authorization endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the revocation endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device authorization endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not a valid http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is plain http and would expose your credentials; use https, or allow plain http for this account if you accept that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>the server did not answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s response was larger than %1 KiB and was cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HumanTime</name>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the keychain did not answer within %1 s; it may be locked or waiting for a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain refused access (%1); unlock it and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain is available (%1); start a Secret Service such as gnome-keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoopbackReceiver</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1 for the sign-in callback: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a request Tether understands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is only for signing in to Tether.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in has already been completed or cancelled. You can close this tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in response was not started by Tether and was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in was cancelled or access was denied at the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider refused the sign-in (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tether is still waiting: sign in again from the start, or cancel in Tether.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in response carried no code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no known expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, rolling %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, lives %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  state:          %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  access token:   expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  refresh token:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  last refresh:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  next refresh:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  last error:     %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Tether — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tether demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Revocation</name>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenLifetimes</name>
    <message>
        <source>the provider sent no new refresh token for the single-use one it consumed; reconnect before the access token expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider sent no new refresh token; the old one is kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenResponse</name>
    <message>
        <source>%1 was not a usable number of seconds; the profile&apos;s default lifetime is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response&apos;s %1 is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response is not JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response has no access_token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the access_token is implausibly long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the access_token contains characters a bearer token cannot have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the refresh_token contains characters a token cannot have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token_type &quot;%1&quot; is not a bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint answered %1, but %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint redirected (HTTP %1) to %2; credentials are not sent on; if this lasts, set the account&apos;s token endpoint to the right URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider is rate-limiting token requests (HTTP 429)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint failed (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider rejected the refresh token (invalid_grant%1); reconnect the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider is unavailable (%1%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider refused the client credentials (invalid_client%1); check the account&apos;s client id and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider refused the refresh (%1%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint does not exist (HTTP %1); if this lasts, check the account&apos;s token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token endpoint answered HTTP %1 without an OAuth error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::AccountDelegate</name>
    <message>
        <source> · ⚠ plain http allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::AccountDetailsDialog</name>
    <message>
        <source>%1 — details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets kept in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, one item for this account%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — locked or unavailable at the last attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotates on every refresh; each refresh token works once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotates on every refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh token lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not documented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolling, %1 from each refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 body, client authentication &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this account may send secrets over plain http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no refresh attempt since Tether started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh history:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::AccountListModel</name>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh token: rolling, %1 from each refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh token: no known expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh token expires in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refresh token: %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last refresh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::AddAccountDialog</name>
    <message>
        <source>Allow plain http to a non-loopback host (exposes your credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a short name, e.g. bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: paste a token answer (JSON) to import instead of signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;copes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer / tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authorization endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add and &amp;sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read from the issuer&apos;s discovery document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required to sign in: the provider&apos;s authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://issuer.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://YOUR-TENANT.auth0.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the account an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ This account may send its secrets over plain http. Use it only for a test server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::AuthorizationFlow</name>
    <message numerus="yes">
        <source>the sign-in was not completed within %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the sign-in was not completed within %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has come back from the provider yet. If it showed an error about the redirect URI, it accepts only the one registered for your application: set the account&apos;s redirect URI to it (a fixed loopback port, such as http://127.0.0.1:8400/callback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Still waiting: sign in again from the start, or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in response carried no issuer although %1 always sends one; it was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in response came from the issuer &quot;%1&quot;, not &quot;%2&quot;; it was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tether is connected. You can close this tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider did not accept the sign-in (%1); run it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::BusAdaptor</name>
    <message>
        <source>no account &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::BusClient</name>
    <message>
        <source>there is no D-Bus session to reach the Tether service on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no D-Bus session bus to start the Tether service on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not start the Tether service (%1 service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Tether service did not start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::CommandLine</name>
    <message>
        <source>unknown command &quot;%1&quot;; `tether --help` lists the commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; see `tether %2 --help`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: tether %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret on standard input is missing or longer than 64 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--client-secret-stdin was given but standard input was empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BODY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFRESH TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--provider is required; `tether providers` lists them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--client-auth must be basic, post or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1; next: `tether connect %1` or `tether import %1`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--client-auth must be basic, post, none or profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --allow-insecure-http or --deny-insecure-http, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to change; `tether edit --help` lists what can be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet. Add one with `tether add ID --provider P --client-id C`; `tether providers` lists the providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCESS TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token response (JSON): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token response on standard input is missing or larger than 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported tokens for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: refreshed; access token valid until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: refreshed by another process; access token valid until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this process cannot sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --no-browser or --device, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign in, open %1 on any device and enter the code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or open %1 (the code is filled in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code expires at %1; waiting (Ctrl-C cancels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in in the browser window that opened; waiting (Ctrl-C cancels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the address above in a browser to sign in; waiting (Ctrl-C cancels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; change it with `tether edit %1 --%2`</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::DemoSession</name>
    <message>
        <source>the demo provider could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider rejected the refresh token (invalid_grant: revoked); reconnect the account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::DeviceFlow</name>
    <message>
        <source>the device authorization response is not usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device authorization endpoint answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the code expired before the sign-in was approved; start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in was denied on the other device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::MainWindow</name>
    <message>
        <source>Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;tails…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Tether service stopped; it starts again when needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported tokens for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token of %1 is on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1? Its tokens are revoked where the provider allows it, and its tokens and client secret are deleted from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) will no longer be refreshed until Tether starts again. Quit Tether?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tether::Notifier</name>
    <message>
        <source>%1 needs you to sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 must sign in again soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its sign-in ends %1, on %2. Reconnect before then to keep it working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Tether</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::RefreshOperation</name>
    <message>
        <source>account %1 uses the provider profile &quot;%2&quot;, which is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1 is not connected; sign in to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a refresh of %1 was interrupted after its refresh token was sent; the provider may have spent it, so it is not sent again: reconnect the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1 has no refresh token; reconnect it when its access token expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the refresh token of %1 expired on %2; reconnect the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1 has no client secret; set it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response to a refresh of %1 was lost (%2); the provider may have spent its refresh token, so it is not sent again: reconnect the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client secret has characters that servers which do not decode HTTP Basic credentials read wrongly: try sending it in the request body (client authentication &quot;post&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the provider refused to refresh it (%2), as servers do when the sign-in has ended; reconnect the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; check the account&apos;s client id, secret, scopes and endpoints, then reconnect it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider issued new tokens for %1 but the keychain did not store them: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not take the new tokens of %1 (%2); they are held in memory and stored as soon as it is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not take the new tokens; they are held in memory until it is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::RefreshQueue</name>
    <message>
        <source>Tether is quitting; try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::ServiceBackend</name>
    <message>
        <source>a sign-in for %1 is already under way; finish or cancel it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this Tether cannot start at login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::SignIn</name>
    <message>
        <source>account %1 uses a provider profile that is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offers no sign-in on another device (it has no device authorization endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no authorization endpoint to sign in at; set the account&apos;s authorization endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sign-in for %1 is already under way; finish or cancel it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1 has no client secret; set it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the sign-in page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On any device with a browser, open the address below and enter this code. It expires at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in and approve in the browser window that opened. If it did not open, copy this address into a browser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this address into a browser, sign in and approve:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::StartAtLogin</name>
    <message>
        <source>could not change whether Tether starts at login: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::StatusItem</name>
    <message>
        <source>Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) need attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All accounts are connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Tether</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tether</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tether::TetherService</name>
    <message>
        <source>there is no D-Bus session bus (%1); the service runs inside a desktop session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export the D-Bus API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tether&apos;s service is already running in this session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
