import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { auditDist } from '../../scripts/audit-dist';
import { E2E_DIST, launchOtter, type Locale, type Otter } from './harness';
import { screenshot } from './support';

let otter: Otter | undefined;
afterEach(async () => {
  await otter?.close();
  otter = undefined;
});

const catalogue = (locale: Locale) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;

describe.each<Locale>(['en', 'sv'])('in %s', (locale) => {
  const messages = catalogue(locale);

  it('the worker answers status, and the popup and options page render', async () => {
    otter = await launchOtter({ locale });
    const worker = await otter.worker();
    expect(await worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(
      new RegExp(`^${locale}`),
    );

    // First run: the popup offers to create the vault, in the browser's language.
    const popup = await otter.openPopup();
    await popup.getByTestId('create-vault').waitFor();
    expect(await popup.getByRole('heading', { level: 2 }).textContent()).toBe(
      messages.createTitle!.message,
    );
    expect(await popup.getAttribute('html', 'lang')).toMatch(new RegExp(`^${locale}`));
    await screenshot(popup, `popup-${locale}`);

    const options = await otter.openOptions();
    await options.getByTestId('version').waitFor();
    const { version } = JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string };
    expect(await options.getByTestId('version').textContent()).toBe(
      messages.versionLabel!.message.replace('$VERSION$', version),
    );
    expect(await options.title()).toBe(messages.optionsTitle!.message);
    await screenshot(options, `options-${locale}`);
  });
});

it('the status request, sent from a page, round-trips through the router', async () => {
  otter = await launchOtter();
  const popup = await otter.openPopup();
  const reply = await popup.evaluate(() =>
    chrome.runtime.sendMessage({ otter: 1, type: 'status', payload: {} }),
  );
  expect(reply).toMatchObject({ ok: true, value: { version: expect.any(String) } });
  // An unknown request and a malformed payload get typed errors, not silence.
  expect(
    await popup.evaluate(() => chrome.runtime.sendMessage({ otter: 1, type: 'nope', payload: {} })),
  ).toEqual({
    ok: false,
    error: { code: 'bad_request' },
  });
  expect(
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ otter: 1, type: 'status', payload: [1] }),
    ),
  ).toEqual({
    ok: false,
    error: { code: 'bad_request' },
  });
});

it('the release audit rejects the e2e build (it has <all_urls>)', () => {
  const problems = auditDist(E2E_DIST);
  expect(problems).toContain('manifest has host_permissions');
  expect(problems).toContain('manifest names <all_urls>');
});

describe('the harness itself', () => {
  it('fails a test on a console error in an extension page', async () => {
    const o = await launchOtter();
    const popup = await o.openPopup();
    await popup.evaluate(() => console.error('deliberate'));
    await expect(o.close()).rejects.toThrow(/deliberate/);
  });

  it('fails a test on a CSP violation (a remote script)', async () => {
    const o = await launchOtter();
    const popup = await o.openPopup();
    await popup.evaluate(() => {
      const script = document.createElement('script');
      script.src = 'https://cdn.example.com/x.js';
      document.head.append(script);
    });
    // The refusal reaches the harness as a console message, at no fixed time.
    await expect
      .poll(() => o.problems.join('\n'))
      .toMatch(/Content Security Policy|Refused to load/);
    await expect(o.close()).rejects.toThrow(/Content Security Policy|Refused to load/);
  });
});
