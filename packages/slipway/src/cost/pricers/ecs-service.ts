import type { CfnResource } from '../../template/types.js';
import { cite, qty, unitUsd } from '../format.js';
import {
  type CostLine,
  costLine,
  type Pricer,
  type PricingContext,
  unpricedLine,
} from '../pricing-context.js';
import { literalNumber, literalObject, literalString, refTarget } from '../template-values.js';
import { resolveStrategy, splitTasks } from './fargate-capacity.js';
import { fargateTaskRate, type TaskSize } from './fargate-rate.js';

function tasks(n: number): string {
  return n === 1 ? '1 task' : `${qty(n)} tasks`;
}

/** The task size of the definition the service points at, or why it cannot be read. */
function readTaskSize(service: CfnResource, context: PricingContext): TaskSize | string {
  const id = refTarget(service.Properties?.TaskDefinition);
  const definition = id === undefined ? undefined : context.stack.template.Resources?.[id];
  if (definition?.Type !== 'AWS::ECS::TaskDefinition') {
    return 'its TaskDefinition is not a Ref to a task definition in the same stack';
  }
  const props = definition.Properties ?? {};
  const cpuUnits = literalNumber(props.Cpu);
  const memoryMiB = literalNumber(props.Memory);
  if (cpuUnits === undefined || memoryMiB === undefined) {
    return `task definition ${id} has no literal task-level Cpu and Memory`;
  }
  const platform = literalObject(props.RuntimePlatform);
  const os = literalString(platform?.OperatingSystemFamily) ?? 'LINUX';
  if (os !== 'LINUX') return `the table has Linux Fargate prices only, not ${os}`;
  return {
    cpuUnits,
    memoryMiB,
    architecture: literalString(platform?.CpuArchitecture) === 'ARM64' ? 'arm64' : 'x86_64',
    ephemeralGiB: literalNumber(literalObject(props.EphemeralStorage)?.SizeInGiB),
  };
}

/**
 * `AWS::ECS::Service` on Fargate: task-hours at the service's DesiredCount split over its capacity
 * providers (Spot ≈ 0.30 × on-demand), a public IPv4 address per task when it assigns one, and
 * Cloud Map registrations. The task definition is priced here, through the service's Ref to it.
 */
export const priceEcsService: Pricer = (logicalId, resource, context) => {
  const size = readTaskSize(resource, context);
  if (typeof size === 'string') return [unpricedLine(context, logicalId, resource, size)];

  const prices = context.prices.prices;
  const hours = context.usage.hoursPerMonth;
  const desired = literalNumber(resource.Properties?.DesiredCount);
  // CloudFormation starts one task when DesiredCount is left out (CDK leaves it out by default).
  const count = desired ?? 1;
  const countNote = desired === undefined ? '; DesiredCount unset, CloudFormation starts 1' : '';
  const strategy = resolveStrategy(resource, context.stack, context.stacks);
  const originNote = strategy.origin === 'service' ? '' : `; capacity from the ${strategy.origin}`;
  const rate = fargateTaskRate(prices, size);
  const lines: CostLine[] = [];
  let fargateTasks = 0;

  for (const [provider, n] of splitTasks(count, strategy.items)) {
    if (n === 0) continue;
    if (provider === 'FARGATE') {
      fargateTasks += n;
      lines.push(
        costLine(
          context,
          logicalId,
          resource,
          'Fargate',
          n * hours * rate.usdPerHour,
          `${tasks(n)} × ${qty(hours)} h × (${rate.formula}) ${cite(rate.label, ...rate.prices)}${countNote}${originNote}`,
        ),
      );
    } else if (provider === 'FARGATE_SPOT') {
      fargateTasks += n;
      const spot = prices['fargate.spot-factor'];
      lines.push(
        costLine(
          context,
          logicalId,
          resource,
          'Fargate',
          n * hours * rate.usdPerHour * spot.usd,
          `${tasks(n)} × ${qty(hours)} h × (${rate.formula}) × ${spot.usd.toFixed(2)} spot ` +
            `${cite(rate.label, ...rate.prices, spot)}${countNote}${originNote}; Spot factor is an assumption`,
        ),
      );
    } else {
      lines.push(
        unpricedLine(
          context,
          logicalId,
          resource,
          `${tasks(n)} on ${provider}: only Fargate capacity is priced`,
        ),
      );
    }
  }

  const network = literalObject(
    literalObject(resource.Properties?.NetworkConfiguration)?.AwsvpcConfiguration,
  );
  if (literalString(network?.AssignPublicIp) === 'ENABLED' && fargateTasks > 0) {
    const ipv4 = prices['ipv4.address-hour'];
    lines.push(
      costLine(
        context,
        logicalId,
        resource,
        'Public IPv4',
        fargateTasks * hours * ipv4.usd,
        `${tasks(fargateTasks)} with a public IP × ${qty(hours)} h × ${unitUsd(ipv4)} ${cite('public IPv4', ipv4)}`,
      ),
    );
  }

  const registries = resource.Properties?.ServiceRegistries;
  if (Array.isArray(registries) && registries.length > 0 && fargateTasks > 0) {
    const registration = prices['cloudmap.registered-instance-month'];
    lines.push(
      costLine(
        context,
        logicalId,
        resource,
        'Private DNS',
        fargateTasks * registries.length * registration.usd,
        `${tasks(fargateTasks)} × ${registries.length} Cloud Map service(s) × ${unitUsd(registration)} per month ` +
          `${cite('Cloud Map registrations', registration)}`,
      ),
    );
  }
  return lines;
};
