import { describe, expect, it } from 'vitest';
import { readBackendRequest } from '../../src/client/backendRequest';
import { formatList } from '../../src/notebook/format';

describe('readBackendRequest (issue 14, item 4)', () => {
  const registered = ['webgl', 'cpu', 'wasm'];
  it('takes a registered backend in any case', () => {
    expect(readBackendRequest('wasm', registered)).toEqual({ kind: 'known', name: 'wasm' });
    expect(readBackendRequest('WASM', registered)).toEqual({ kind: 'known', name: 'wasm' });
    expect(readBackendRequest(' WebGL ', registered)).toEqual({ kind: 'known', name: 'webgl' });
  });
  it('names the backends there are when the request is not one of them', () => {
    expect(readBackendRequest('foo', registered)).toEqual({ kind: 'unknown', requested: 'foo', available: ['cpu', 'wasm', 'webgl'] });
    expect(readBackendRequest('webgpu', registered)).toMatchObject({ kind: 'unknown', requested: 'webgpu' });
  });
  it('treats a missing or empty parameter as no request', () => {
    expect(readBackendRequest(null, registered)).toEqual({ kind: 'none' });
    expect(readBackendRequest('', registered)).toEqual({ kind: 'none' });
  });
  it('lists names as a sentence does', () => {
    expect(formatList(['cpu', 'wasm', 'webgl'])).toBe('cpu, wasm and webgl');
    expect(formatList(['cpu', 'wasm', 'webgl'], '和', '、')).toBe('cpu、wasm 和 webgl');
    expect(formatList(['cpu'])).toBe('cpu');
  });
});
