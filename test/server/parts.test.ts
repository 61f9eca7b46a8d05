/**
 * Issue 16, the server's small parts on their own: which Host names a bound server answers, and the preview
 * store's bounds (count and bytes, least recently used dropped first).
 */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { allowedHosts, isLoopbackHost } from '../../src/server/allowed-hosts.js';
import { PreviewStore } from '../../src/server/preview-store.js';

describe('allowedHosts', () => {
  it('on loopback: the loopback names with the port, nothing else', () => {
    expect([...allowedHosts('127.0.0.1', 4317)].sort()).toEqual(['127.0.0.1:4317', '[::1]:4317', 'localhost:4317']);
  });

  it('on a named address: that address with the port', () => {
    expect([...allowedHosts('192.0.2.7', 80)]).toEqual(['192.0.2.7:80']);
    expect([...allowedHosts('2001:db8::1', 80)]).toEqual(['[2001:db8::1]:80']);
  });

  it('on every interface: loopback, this machine\'s name and addresses', () => {
    const hosts = allowedHosts('0.0.0.0', 8080);
    expect(hosts.has('localhost:8080')).toBe(true);
    expect(hosts.has(`${hostname().toLowerCase()}:8080`)).toBe(true);
    expect(hosts.has('evil.example:8080')).toBe(false);
  });

  it('isLoopbackHost', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2', 'localhost.evil.example'].some(isLoopbackHost)).toBe(false);
  });
});

describe('PreviewStore', () => {
  it('keeps at most maxEntries pages, dropping the least recently used', () => {
    const store = new PreviewStore(2);
    const a = store.add('a');
    const b = store.add('b');
    expect(store.get(a)).toBe('a');
    const c = store.add('c');
    expect(store.get(b)).toBeUndefined();
    expect([store.get(a), store.get(c)]).toEqual(['a', 'c']);
  });

  it('keeps at most maxBytes, but always the page just added', () => {
    const store = new PreviewStore(10, 10);
    const a = store.add('aaaaaa');
    const b = store.add('bbbbbb');
    expect(store.get(a)).toBeUndefined();
    expect(store.get(b)).toBe('bbbbbb');
    const big = store.add('x'.repeat(50));
    expect(store.get(big)).toHaveLength(50);
    expect(store.get(b)).toBeUndefined();
  });

  it('ids are 128-bit random hex', () => {
    const store = new PreviewStore();
    const ids = new Set(Array.from({ length: 100 }, () => store.add('p')));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
