import { describe, expect, it, vi } from 'vitest';
import { createRouter, isTrustedSender, type Handlers } from '../../src/messages/router';
import { ok } from '../../src/result';

const ID = 'ahighblbmfnlcneegcphegikbpkbhakb';
const ORIGIN = `chrome-extension://${ID}`;
const popup = { id: ID, origin: ORIGIN, url: `${ORIGIN}/popup/index.html` };
const STATUS = {
  version: '1.2.3',
  vault: 'absent',
  lockAt: null,
  minPassphraseLength: 8,
  policy: {},
} as const;

function router(overrides: Partial<Handlers> = {}) {
  // Only `status` is exercised; the other handlers are never reached in these tests.
  const handlers = {
    status: () => Promise.resolve(ok(STATUS)),
    ...overrides,
  } as unknown as Handlers;
  return createRouter(handlers, ID);
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
  ])('%s → %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender, ID)).toBe(trusted);
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
