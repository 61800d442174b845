import { CANARY_LIBRARY } from './canary-runtime.js';

/** The environment variable the script reads its URL from. */
export const HEALTH_URL_VARIABLE = 'HEALTH_URL';

/** The handler Synthetics calls: inline code is saved as `index.js`. */
export const CANARY_HANDLER = 'index.handler';

/**
 * The uptime canary, inline (no asset to upload): one GET of the URL in `HEALTH_URL`, passing on
 * 200 only, as the load balancer's own health check does. `executeHttpStep` times the request and
 * records it as the step `health`; a thrown error fails the run, which is what SuccessPercent
 * counts. Headers and bodies stay out of the artifacts, so nothing a health endpoint returns is
 * kept. The body is drained so the request ends and the connection is released.
 */
export const CANARY_SCRIPT = `const synthetics = require('${CANARY_LIBRARY}');

exports.handler = async () => {
  const target = new URL(process.env.${HEALTH_URL_VARIABLE});
  const request = {
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port || undefined,
    path: target.pathname + target.search,
    method: 'GET',
    headers: { 'User-Agent': synthetics.getCanaryUserAgentString() },
  };
  const expectOk = (response) =>
    new Promise((resolve, reject) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(target.href + ' answered ' + response.statusCode + ', expected 200'));
        return;
      }
      response.on('error', reject);
      response.on('end', resolve);
      response.resume();
    });
  await synthetics.executeHttpStep('health', request, expectOk, {
    includeRequestHeaders: false,
    includeResponseHeaders: false,
    includeRequestBody: false,
    includeResponseBody: false,
  });
};
`;
