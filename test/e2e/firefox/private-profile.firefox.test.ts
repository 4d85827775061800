/**
 * Firefox set to "Never remember history" (`browser.privatebrowsing.autostart`): every window is
 * private, and so is the event page's context, whose IndexedDB Firefox deletes when it closes.
 * A vault made there would lose every account at the next start, so Otter refuses to make one and
 * says why (`storage_not_kept`), in the worker, where the vault is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchOtterInFirefox, request, type FirefoxOtter } from './harness';

let otter: FirefoxOtter | undefined;

beforeAll(async () => {
  otter = await launchOtterInFirefox({ prefs: { 'browser.privatebrowsing.autostart': true } });
}, 120_000);

afterAll(async () => {
  await otter?.close();
});

describe('a profile that never remembers history', () => {
  it('makes no vault, and says that Firefox would delete it when it closes', async () => {
    expect(await request(otter!.settings, 'status', {})).toMatchObject({
      ok: true,
      value: { vault: 'absent' },
    });
    expect(
      await request(otter!.settings, 'createVault', { passphrase: 'firefox test passphrase' }),
    ).toEqual({ ok: false, error: { code: 'storage_not_kept' } });
    expect(await request(otter!.settings, 'status', {})).toMatchObject({
      ok: true,
      value: { vault: 'absent' },
    });
  });
});
