import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRequestGuard } from './request-guard';

const guard = createRequestGuard({ allowedHosts: ['faultline.lan'], ownPort: () => 4000 });
const req = (method: string, url: string, headers: Record<string, string>) =>
  ({ method, url, headers }) as unknown as http.IncomingMessage;
const codeOf = (method: string, url: string, headers: Record<string, string>) =>
  guard(req(method, url, { host: '127.0.0.1:4000', ...headers }))?.code ?? 'OK';

describe('the control plane request guard', () => {
  it('answers loopback Hosts and configured names only', () => {
    for (const host of ['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', '127.9.0.1', 'LOCALHOST'])
      expect(codeOf('GET', '/api/chaos/topology', { host }), host).toBe('OK');
    expect(codeOf('GET', '/', { host: 'faultline.lan:4000' })).toBe('OK');
    for (const host of ['evil.example', 'evil.example:4000', '127.0.0.1.evil.example', '', '[::2]'])
      expect(codeOf('GET', '/api/chaos/topology', { host }), host).toBe('HOST_NOT_ALLOWED');
  });

  it("accepts the UI's and its own Origin, refuses any other", () => {
    for (const origin of [
      'http://localhost:5173',
      'http://127.0.0.1:5173',
      'http://127.0.0.1:4000',
      'http://localhost:4000',
      'http://faultline.lan:5173',
    ])
      expect(codeOf('GET', '/api/chaos/topology', { origin }), origin).toBe('OK');
    for (const origin of [
      'http://evil.example',
      'http://localhost:8080',
      'null',
      'file://',
      'http://evil.example:5173',
    ])
      expect(codeOf('GET', '/api/chaos/topology', { origin }), origin).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('lets a state-changing request through only as JSON or with the actor header', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(codeOf(method, '/api/chaos/load/stop', {})).toBe('JSON_REQUIRED');
      expect(codeOf(method, '/api/chaos/load/stop', { 'content-type': 'text/plain' })).toBe(
        'JSON_REQUIRED',
      );
      expect(codeOf(method, '/x', { 'content-type': 'multipart/form-data; boundary=x' })).toBe(
        'JSON_REQUIRED',
      );
      expect(codeOf(method, '/x', { 'content-type': 'application/json' })).toBe('OK');
      expect(codeOf(method, '/x', { 'content-type': 'application/json; charset=utf-8' })).toBe(
        'OK',
      );
      expect(codeOf(method, '/x', { 'content-type': 'application/merge-patch+json' })).toBe('OK');
      expect(codeOf(method, '/x', { 'content-type': 'application/jsonx' })).toBe('JSON_REQUIRED');
      expect(codeOf(method, '/x', { 'x-faultline-actor': 'web-ui' })).toBe('OK');
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(codeOf(method, '/x', {})).toBe('OK');
    // The feed's polling transport posts text/plain; Host and Origin still guard it.
    expect(
      codeOf('POST', '/socket.io/?EIO=4&transport=polling', { 'content-type': 'text/plain' }),
    ).toBe('OK');
    expect(codeOf('POST', '/socket.io/?EIO=4', { origin: 'http://evil.example' })).toBe(
      'ORIGIN_NOT_ALLOWED',
    );
  });
});
