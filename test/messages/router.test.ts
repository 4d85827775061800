import { describe, expect, it, vi } from 'vitest';
import { createRouter, isTrustedSender, type Execute } from '../../src/messages/router';
import { ok } from '../../src/result';

const ID = 'ahighblbmfnlcneegcphegikbpkbhakb';
const ORIGIN = `chrome-extension://${ID}`;
const SELF = { id: ID, origin: ORIGIN };
const popup = { id: ID, origin: ORIGIN, url: `${ORIGIN}/popup/index.html` };
const STATUS = {
  version: '1.2.3',
  vault: 'absent',
  lockAt: null,
  minPassphraseLength: 8,
  policy: {},
} as const;

type Fake = (payload: unknown) => Promise<unknown>;

function router(overrides: Record<string, Fake> = {}) {
  // Only a few requests are exercised; the dispatcher is a map of fakes.
  const handlers: Record<string, Fake> = {
    status: () => Promise.resolve(ok(STATUS)),
    ...overrides,
  };
  const execute = ((type: string, payload: unknown) => handlers[type]!(payload)) as Execute;
  return createRouter(execute, SELF);
}

describe('isTrustedSender', () => {
  it.each([
    ['the popup', popup, true],
    ['the offscreen document (url only)', { id: ID, url: `${ORIGIN}/offscreen/index.html` }, true],
    [
      'another extension',
      { id: 'b'.repeat(32), origin: `chrome-extension://${'b'.repeat(32)}` },
      false,
    ],
    [
      'a web page claiming our id',
      { id: ID, origin: 'https://evil.example', url: 'https://evil.example/' },
      false,
    ],
    ['our id with a foreign url', { id: ID, url: 'https://evil.example/' }, false],
    ['a look-alike origin prefix', { id: ID, url: `${ORIGIN}.evil.example/` }, false],
    ['no id', { origin: ORIGIN }, false],
    [
      'a Firefox page of ours (moz-extension origin, gecko id)',
      { id: 'otter@x', origin: 'moz-extension://1234' },
      false,
    ],
  ])('%s → %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender, SELF)).toBe(trusted);
  });
});

describe('createRouter', () => {
  it('answers a request from our own page', async () => {
    await expect(router()({ otter: 1, type: 'status', payload: {} }, popup)).resolves.toEqual(
      ok(STATUS),
    );
  });

  it('ignores messages that are not Otter requests, so other listeners can answer them', () => {
    const route = router();
    for (const message of [
      undefined,
      null,
      'status',
      { type: 'status' },
      { otter: 2, type: 'status' },
      { otter: 1 },
    ]) {
      expect(route(message, popup)).toBeUndefined();
    }
  });

  it('refuses foreign senders before running any handler', async () => {
    const status = vi.fn(() => Promise.resolve(ok(STATUS)));
    const reply = await router({ status })(
      { otter: 1, type: 'status', payload: {} },
      { id: 'other' },
    );
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden_sender' } });
    expect(status).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown request', { otter: 1, type: 'exportEverything', payload: {} }],
    ['a prototype key as request name', { otter: 1, type: '__proto__', payload: {} }],
    ['an array payload', { otter: 1, type: 'status', payload: [] }],
    ['a missing payload', { otter: 1, type: 'status' }],
    ['a class instance payload', { otter: 1, type: 'status', payload: new Date() }],
  ])('rejects %s as bad_request', async (_name, message) => {
    await expect(router()(message, popup)).resolves.toEqual({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('turns a thrown bug into `internal` without its text', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const reply = await router({
      status: () => {
        throw new Error(`failed on ${secret}`);
      },
    })({ otter: 1, type: 'status', payload: {} }, popup);
    expect(reply).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain(secret);
  });
});

describe('payloads are parsed by the request table before any handler runs', () => {
  it.each([
    ['a wrong type', { otter: 1, type: 'unlock', payload: { passphrase: 42 } }],
    ['a missing field', { otter: 1, type: 'unlock', payload: {} }],
    ['an unknown field', { otter: 1, type: 'unlock', payload: { passphrase: 'x', admin: true } }],
    ['an empty request with a field', { otter: 1, type: 'status', payload: { x: 1 } }],
    ['an id list with repeats', { otter: 1, type: 'trashAccounts', payload: { ids: ['a', 'a'] } }],
    ['an empty id list', { otter: 1, type: 'trashAccounts', payload: { ids: [] } }],
    [
      'a confirmation token that is not the one',
      { otter: 1, type: 'resetVault', payload: { confirm: 'yes' } },
    ],
    ['a negative tab id', { otter: 1, type: 'fillForTab', payload: { tabId: -1 } }],
    [
      'a setting out of bounds',
      { otter: 1, type: 'updateSettings', payload: { autoLockMinutes: 0 } },
    ],
    [
      'a prototype key in a record',
      {
        otter: 1,
        type: 'confirmRestore',
        payload: JSON.parse(
          '{"text":"","password":"","restoreSettings":false,"choices":{"__proto__":{"choice":"skip","existing":"x"}}}',
        ) as unknown,
      },
    ],
  ])('%s: bad_request, the handler never runs', async (_name, message) => {
    const handler = vi.fn(() => Promise.resolve(ok({})));
    const name = (message as { type: string }).type;
    const reply = await router({ [name]: handler })(message, popup);
    expect(reply).toEqual({ ok: false, error: { code: 'bad_request' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('hands the handler exactly the parsed payload', async () => {
    const handler = vi.fn(() => Promise.resolve(ok({ lockAt: 1 })));
    await router({ unlock: handler })(
      { otter: 1, type: 'unlock', payload: { passphrase: 'correct horse' } },
      popup,
    );
    expect(handler).toHaveBeenCalledWith({ passphrase: 'correct horse' });
  });

  it('accepts null where the table allows it (moveAccount to the end)', async () => {
    const handler = vi.fn(() => Promise.resolve(ok({})));
    const reply = await router({ moveAccount: handler })(
      { otter: 1, type: 'moveAccount', payload: { id: 'a', before: null } },
      popup,
    );
    expect(reply).toEqual(ok({}));
    expect(handler).toHaveBeenCalledWith({ id: 'a', before: null });
  });
});
