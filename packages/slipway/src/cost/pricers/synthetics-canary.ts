import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer, unpricedLine } from '../pricing-context.js';
import { literalObject, literalString } from '../template-values.js';

const MINUTES_PER_HOUR = 60;

/**
 * Minutes between runs of a `rate(<n> minute(s)|hour(s))` schedule; undefined for a cron
 * expression or a one-off `rate(0 minutes)`, whose runs a month cannot be read off the template.
 */
export function minutesBetweenRuns(expression: string): number | undefined {
  const match = /^rate\((\d+) (minute|minutes|hour|hours)\)$/.exec(expression.trim());
  if (!match) return undefined;
  const every = Number(match[1]);
  if (every === 0) return undefined;
  return match[2]!.startsWith('hour') ? every * MINUTES_PER_HOUR : every;
}

/**
 * `AWS::Synthetics::Canary`: its runs in the month's hours (`usage.hoursPerMonth`) from its
 * schedule, each at the Synthetics price per run: a 5-minute canary over 730 h runs 8,760 times.
 * The price covers the run's Lambda time; its artifacts are a few kilobytes in S3 and its metrics
 * are Synthetics' own, so both are left out as negligible.
 */
export const priceCanary: Pricer = (logicalId, resource, context) => {
  const schedule = literalObject(resource.Properties?.['Schedule']);
  const expression = literalString(schedule?.['Expression']) ?? '';
  const every = minutesBetweenRuns(expression);
  if (every === undefined) {
    return [
      unpricedLine(
        context,
        logicalId,
        resource,
        `runs a month cannot be read from the schedule '${expression}'; each run costs the Synthetics price per run`,
      ),
    ];
  }
  const runs = (context.usage.hoursPerMonth * MINUTES_PER_HOUR) / every;
  const price = context.prices.prices['synthetics.canary-run'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'Synthetics',
      runs * price.usd,
      `${qty(runs)} runs (every ${qty(every)} min over ${qty(context.usage.hoursPerMonth)} h) × ${unitUsd(price)} ` +
        `${cite('Synthetics', price)}; its Lambda time is in the run price, its S3 artifacts negligible`,
    ),
  ];
};
