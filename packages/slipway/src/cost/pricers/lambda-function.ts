import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import { literalNumber, literalString } from '../template-values.js';

/** What the usage model assumes when it does not say: a million calls of 200 ms a month. */
export const FUNCTION_USAGE_DEFAULTS = { callMillions: 1, averageMs: 200 } as const;
/** Lambda's default memory, when the template sets none. */
const DEFAULT_MEMORY_MB = 128;

/**
 * `AWS::Lambda::Function`: requests and GB-seconds (memory × duration) from the usage model
 * (`usage.functionCallMillionsPerMonth`, `functionAverageMs`), at the function's architecture's rate.
 * Stream reads by the event source mapping are free; X-Ray traces beyond the free 100,000 a month and
 * the account's free tier are ignored.
 */
export const priceLambdaFunction: Pricer = (logicalId, resource, context) => {
  const { prices } = context.prices;
  const calls = context.usage.functionCallMillionsPerMonth ?? FUNCTION_USAGE_DEFAULTS.callMillions;
  const ms = context.usage.functionAverageMs ?? FUNCTION_USAGE_DEFAULTS.averageMs;
  const props = resource.Properties ?? {};
  const memoryMb = literalNumber(props.MemorySize) ?? DEFAULT_MEMORY_MB;
  const architectures = Array.isArray(props.Architectures) ? props.Architectures : [];
  const arm = literalString(architectures[0]) === 'arm64';
  const requests = prices['lambda.request-million'];
  const duration = arm ? prices['lambda.arm.gb-second'] : prices['lambda.x86.gb-second'];
  const gbSeconds = calls * 1_000_000 * (ms / 1000) * (memoryMb / 1024);
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Lambda',
      calls * requests.usd + gbSeconds * duration.usd,
      `${qty(calls)} M calls × ${unitUsd(requests)} + ${qty(gbSeconds)} GB-s (${qty(ms)} ms × ${qty(memoryMb)} MB` +
        `${arm ? ', arm64' : ', x86_64'}) × ${unitUsd(duration)} ${cite('Lambda', requests, duration)}`,
    ),
  ];
};
