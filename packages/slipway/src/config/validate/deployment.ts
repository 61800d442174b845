/**
 * Rollout strategies. ECS's native canary, linear and blue/green shift traffic between two
 * target groups, so they need the load balancer (public services) and their own parameters; CDK
 * does not reject a CANARY without them, so Slipway does (SECURITY.md 23).
 */
import type { DeploymentModel } from '../../model/types.js';
import { type ConfigIssue, issue } from '../errors.js';
import { eachService, servicePath, type Validator } from './context.js';

type Field = Exclude<keyof DeploymentModel, 'strategy'>;

interface FieldRule {
  readonly min: number;
  readonly max: number;
  /** Traffic percentages must be multiples of 0.1. */
  readonly tenths?: boolean;
  readonly example: number;
}

/** ECS's bounds (the CDK validates the same numbers). */
const RULES: Readonly<Record<Field, FieldRule>> = {
  canaryPercent: { min: 0.1, max: 100, tenths: true, example: 10 },
  stepPercent: { min: 3, max: 100, tenths: true, example: 10 },
  stepMinutes: { min: 0, max: 1440, example: 5 },
  bakeMinutes: { min: 0, max: 1440, example: 10 },
};

/** Per strategy: the fields it requires and the ones it also accepts. */
const STRATEGIES: Readonly<Record<DeploymentModel['strategy'], { required: Field[]; optional: Field[] }>> = {
  rolling: { required: [], optional: [] },
  canary: { required: ['canaryPercent', 'bakeMinutes'], optional: [] },
  linear: { required: ['stepPercent', 'stepMinutes'], optional: ['bakeMinutes'] },
  'blue-green': { required: ['bakeMinutes'], optional: [] },
};

export const validateDeployments: Validator = ({ config, model }) =>
  eachService(model, (env, service) => {
    const { deployment } = service;
    const path = (field?: Field) =>
      field === undefined
        ? servicePath(config, env.name, service.name, 'deployment', 'strategy')
        : servicePath(config, env.name, service.name, 'deployment', field);
    const spec = STRATEGIES[deployment.strategy];
    const issues: ConfigIssue[] = [];
    for (const field of spec.required) {
      if (deployment[field] === undefined) {
        issues.push(
          issue(
            path(field),
            `'${deployment.strategy}' needs ${field} (service '${service.name}')`,
            `set deployment.${field}, e.g. ${RULES[field].example}`,
          ),
        );
      }
    }
    for (const field of Object.keys(RULES) as Field[]) {
      const value = deployment[field];
      if (value === undefined) continue;
      if (!spec.required.includes(field) && !spec.optional.includes(field)) {
        issues.push(
          issue(
            path(field),
            `does not apply to the '${deployment.strategy}' strategy`,
            `remove it, or choose the strategy it belongs to (${strategiesUsing(field).join(' or ')})`,
          ),
        );
        continue;
      }
      const rule = RULES[field];
      if (
        value < rule.min ||
        value > rule.max ||
        (rule.tenths === true && !Number.isInteger(Math.round(value * 1e6) / 1e5))
      ) {
        issues.push(
          issue(
            path(field),
            `${value} is outside ${rule.min}–${rule.max}${rule.tenths ? ' in steps of 0.1' : ''}`,
            `use a value between ${rule.min} and ${rule.max}, e.g. ${rule.example}`,
          ),
        );
      } else if (rule.tenths === true && !exactTenth(value)) {
        issues.push(
          issue(
            path(field),
            `${value} is a tenth that the AWS::ECS::Service schema's multipleOf 0.1 refuses: ${value} / 0.1 is ${value / 0.1} in binary floating point, and AWS's cfn-lint rejects the template`,
            `use ${nearestExactTenths(value).join(' or ')}`,
          ),
        );
      }
    }
    const duration = issues.length === 0 ? rolloutDuration(deployment) : undefined;
    if (duration !== undefined && duration.minutes > MAX_ROLLOUT_MINUTES) {
      issues.push(
        issue(
          path('bakeMinutes'),
          `'${deployment.strategy}' rollout of service '${service.name}' takes ${duration.minutes} minutes (${duration.detail}); CloudFormation refuses more than ${MAX_ROLLOUT_MINUTES} (33 hours)`,
          duration.fix,
        ),
      );
    }
    if (deployment.strategy !== 'rolling' && !service.public) {
      issues.push(
        issue(
          path(),
          `'${deployment.strategy}' shifts load-balancer traffic, but service '${service.name}' is not public and has no load balancer`,
          "use strategy 'rolling' for internal services, or make the service public",
        ),
      );
    }
    return issues;
  });

/** CloudFormation refuses a linear or canary rollout it computes at over 33 hours (it times out at 36). */
const MAX_ROLLOUT_MINUTES = 33 * 60;

/** The rollout time CloudFormation computes from the template, for the strategies it checks. */
function rolloutDuration(d: DeploymentModel): { minutes: number; detail: string; fix: string } | undefined {
  const bake = d.bakeMinutes ?? 0;
  if (d.strategy === 'canary') {
    // Slipway bakes the canary share for bakeMinutes, then the full shift for as long again.
    return {
      minutes: 2 * bake,
      detail: `the canary and the full shift bake ${bake} minutes each`,
      fix: `set bakeMinutes to at most ${MAX_ROLLOUT_MINUTES / 2}`,
    };
  }
  if (d.strategy !== 'linear' || d.stepPercent === undefined || d.stepMinutes === undefined) return undefined;
  // No wait follows the step that reaches 100 %: 10 % steps wait nine times, 30 % steps three.
  const tenths = Math.round(d.stepPercent * 10);
  const steps = 1000 % tenths === 0 ? 1000 / tenths - 1 : Math.floor(1000 / tenths);
  return {
    minutes: bake + steps * d.stepMinutes,
    detail: `${steps} steps × ${d.stepMinutes} minutes + ${bake} minutes of bake`,
    fix: 'shorten stepMinutes or bakeMinutes, or take a larger stepPercent (fewer steps)',
  };
}

function strategiesUsing(field: Field): string[] {
  return Object.entries(STRATEGIES)
    .filter(([, spec]) => spec.required.includes(field) || spec.optional.includes(field))
    .map(([strategy]) => `'${strategy}'`);
}

/** The schema divides by 0.1 in floating point, so only tenths whose quotient comes out whole pass. */
function exactTenth(value: number): boolean {
  return Number.isInteger(value / 0.1);
}

/** The closest tenths below and above `value` that pass the schema's check. */
function nearestExactTenths(value: number): string[] {
  const tenths = Math.round(value * 10);
  const found: string[] = [];
  for (const step of [-1, 1]) {
    for (let t = tenths + step; t >= 1 && t <= 1000; t += step) {
      if (exactTenth(t / 10)) {
        found.push(String(t / 10));
        break;
      }
    }
  }
  return found;
}
