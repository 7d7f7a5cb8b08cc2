// A real browser as BROWSER: Debian's Chromium, headless, driven by playwright-core. It opens
// the authorization URL, signs in and approves on oidc-provider's pages like a person would,
// and waits until Tether's loopback callback says the sign-in is complete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const url = process.argv.at(-1);
const profile = mkdtempSync(join(tmpdir(), 'tether-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-quic'],
});
try {
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('input[name="login"]', 'alice');
  await page.fill('input[name="password"]', 'wonderland');
  await page.click('button[type="submit"]');
  await page.waitForSelector('button[type="submit"]'); // the consent page
  await page.click('button[type="submit"]');
  await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback/);
  await page.getByText('You can close this tab').waitFor();
  if (process.env.TETHER_SCREENSHOT) await page.screenshot({ path: process.env.TETHER_SCREENSHOT });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
