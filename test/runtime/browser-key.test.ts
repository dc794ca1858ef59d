/**
 * The browser key rule and the browser-like check (templates/runtime/files/browser.ts), tested
 * where they live, with the globals a page or a worker has laid over Node's. browser.test.ts runs
 * the package in a real browser.
 */
import { describe, expect, it } from 'vitest';
import { globalsPerTest } from '../helpers/globals.ts';
import { checkBrowserKey, isBrowserLike } from '../../templates/runtime/files/browser.ts';
import { ApiError } from '../../templates/runtime/files/errors.ts';

const lay = globalsPerTest();

describe('isBrowserLike', () => {
  it('Node is not', () => expect(isBrowserLike()).toBe(false));

  it.each([
    { name: 'a window with a document is', window: { document: {} }, want: true },
    { name: 'a window without a document is not', window: {}, want: false },
    { name: 'a window whose document is null is not', window: { document: null }, want: false },
    { name: 'a window whose document is no object is not', window: { document: 'x' }, want: false },
    { name: 'a null window is not', window: null, want: false },
    { name: 'a window that is no object is not', window: 'w', want: false },
  ])('$name', ({ window, want }) => {
    lay('window', window);
    expect(isBrowserLike()).toBe(want);
  });

  it.each(['DedicatedWorkerGlobalScope', 'SharedWorkerGlobalScope'])('a %s global is', (name) => {
    lay(name, Object);
    expect(isBrowserLike()).toBe(true);
  });

  it('a worker scope class the global object is no instance of is not', () => {
    lay('DedicatedWorkerGlobalScope', class Other {});
    lay('SharedWorkerGlobalScope', 'not a class');
    expect(isBrowserLike()).toBe(false);
  });
});

describe('checkBrowserKey', () => {
  // Whether the rule applies at all (a browser-like environment, no opt-in) is settled by the
  // client's constructor (core.ts, covered by test/runtime/core.test.ts); this is the key rule.
  const prefixes = ['ek_', 'pk_'];
  it.each([
    { name: 'no rule: nothing is refused', key: 'sk-1', prefixes: undefined },
    { name: 'a key with an allowed prefix passes', key: 'pk_live', prefixes },
    { name: 'the other allowed prefix passes', key: 'ek_123', prefixes },
  ])('$name', ({ key, prefixes: rule }) => {
    expect(() => checkBrowserKey(key, rule)).not.toThrow();
  });

  it('a secret key is refused, naming the allowed prefixes and not the key', () => {
    let error: unknown;
    try {
      checkBrowserKey('sk-secret', prefixes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(
      'refusing to use a secret API key in a browser: use a short-lived one (ek_..., pk_...) or pass { dangerouslyAllowBrowser: true }',
    );
    expect((error as Error).message).not.toContain('sk-secret');
  });

  it('a prefix must start the key', () => {
    expect(() => checkBrowserKey('sk-ek_', prefixes)).toThrow(ApiError);
  });
});
