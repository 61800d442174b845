import { EventEmitter } from 'node:events';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CANARY_LIBRARY } from '../../src/stacks/monitoring/canary-runtime.js';
import { CANARY_SCRIPT, HEALTH_URL_VARIABLE } from '../../src/stacks/monitoring/canary-script.js';

interface StepCall {
  readonly name: string;
  readonly request: Record<string, unknown>;
  readonly config: Record<string, unknown>;
}

/** A response as Node's http client gives it: a status, and a body that ends once read. */
function response(statusCode: number): EventEmitter & { statusCode: number; resume(): void } {
  const emitter = new EventEmitter() as EventEmitter & { statusCode: number; resume(): void };
  emitter.statusCode = statusCode;
  emitter.resume = () => setImmediate(() => emitter.emit('end'));
  return emitter;
}

/** Runs the inline script as Synthetics would, its library replaced by a recorder answering `status`. */
async function runScript(url: string, status: number): Promise<StepCall[]> {
  const calls: StepCall[] = [];
  const synthetics = {
    getCanaryUserAgentString: () => 'CloudWatchSynthetics/test',
    executeHttpStep: async (
      name: string,
      request: Record<string, unknown>,
      callback: (r: ReturnType<typeof response>) => Promise<void>,
      config: Record<string, unknown>,
    ) => {
      calls.push({ name, request, config });
      await callback(response(status));
    },
  };
  const module = { exports: {} as { handler?: () => Promise<void> } };
  const require = (id: string) => {
    if (id !== CANARY_LIBRARY) throw new Error(`the script asked for ${id}`);
    return synthetics;
  };
  vm.runInNewContext(CANARY_SCRIPT, {
    require,
    module,
    exports: module.exports,
    URL,
    process: { env: { [HEALTH_URL_VARIABLE]: url } },
  });
  await module.exports.handler!();
  return calls;
}

describe('the uptime canary script', () => {
  it('makes one GET of the URL it is given, over HTTPS to the host and path', async () => {
    const calls = await runScript('https://shop.example.com/healthz', 200);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.name).toBe('health');
    expect(calls[0]!.request).toMatchObject({
      protocol: 'https:',
      hostname: 'shop.example.com',
      path: '/healthz',
      method: 'GET',
      headers: { 'User-Agent': 'CloudWatchSynthetics/test' },
    });
    expect(calls[0]!.request['port']).toBeUndefined();
  });

  it('calls a load balancer over plain HTTP, keeping the port and query', async () => {
    const calls = await runScript('http://internal-lb-1.eu-west-1.elb.amazonaws.com:8080/ping?deep=0', 200);
    expect(calls[0]!.request).toMatchObject({
      protocol: 'http:',
      hostname: 'internal-lb-1.eu-west-1.elb.amazonaws.com',
      port: '8080',
      path: '/ping?deep=0',
    });
  });

  it('fails the run on anything but 200, naming the URL and the status', async () => {
    await expect(runScript('https://shop.example.com/healthz', 503)).rejects.toThrow(
      'https://shop.example.com/healthz answered 503, expected 200',
    );
    await expect(runScript('https://shop.example.com/healthz', 301)).rejects.toThrow(/answered 301/);
  });

  it('keeps no headers or bodies in the artifacts', async () => {
    const [call] = await runScript('https://shop.example.com/healthz', 200);
    expect(call!.config).toEqual({
      includeRequestHeaders: false,
      includeResponseHeaders: false,
      includeRequestBody: false,
      includeResponseBody: false,
    });
  });
});
