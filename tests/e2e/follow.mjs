// A scripted user for oidc-provider's development login and consent pages: follows redirects
// with a cookie jar, fills and submits the forms it meets, and stops once it reaches Tether's
// loopback callback. Used as BROWSER in the end-to-end tests that do not need a real browser.
//   node follow.mjs URL                       the browser sign-in (BROWSER=...)
//   node follow.mjs --device approve|deny URL  the device pages at verification_uri_complete:
//                                              confirm the code (or abort), sign in, consent;
//                                              stops at the page that says how it ended
const url = process.argv.at(-1);
const device = process.argv.includes('--device') ? process.argv[process.argv.indexOf('--device') + 1] : null;
const cookies = new Map();

function remember(response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair.indexOf('=');
    cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
}

function cookieHeader() {
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function visit(target, init = {}) {
  let next = new URL(target);
  let options = init;
  for (let hops = 0; hops < 20; hops += 1) {
    const response = await fetch(next, { ...options, redirect: 'manual', headers: { ...(options.headers || {}), cookie: cookieHeader() } });
    remember(response);
    if (response.status >= 300 && response.status < 400) {
      next = new URL(response.headers.get('location'), next);
      options = {};
      continue;
    }
    const body = await response.text();
    if (next.pathname === '/callback') return { url: next, body, status: response.status };
    const form = body.match(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i);
    if (!form && device) return { url: next, body, status: response.status }; // the last page
    if (!form) throw new Error(`no form at ${next}: ${response.status} ${body.slice(0, 200)}`);
    const aborting = device === 'deny' && form[0].includes('op.deviceConfirmForm');
    const fields = new URLSearchParams();
    for (const input of form[2].matchAll(/<input[^>]*>/gi)) {
      const name = input[0].match(/name="([^"]+)"/)?.[1];
      if (!name) continue;
      const value = input[0].match(/value="([^"]*)"/)?.[1] ?? '';
      fields.set(name, name === 'login' ? 'alice' : name === 'password' ? 'wonderland' : value);
    }
    if (aborting) fields.set('abort', 'yes'); // the page's [ Abort ] button
    next = new URL(form[1].replaceAll('&amp;', '&'), next);
    options = { method: 'POST', body: fields, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    if (aborting) {
      const answer = await fetch(next, { ...options, redirect: 'manual', headers: { ...options.headers, cookie: cookieHeader() } });
      return { url: next, body: await answer.text(), status: answer.status };
    }
  }
  throw new Error('too many hops');
}

const result = await visit(url);
if (device) {
  console.log(result.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
  process.exit(0);
}
if (result.status !== 200) {
  console.error(`the callback answered ${result.status}`);
  process.exit(1);
}
