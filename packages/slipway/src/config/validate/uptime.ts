/**
 * Uptime canaries: the problems `uptimePlan` finds, said where the config wrote what causes them.
 * The monitoring stack says the same words for a model built by hand.
 */
import { observabilityOf } from '../../model/observability.js';
import type { EnvironmentModel } from '../../model/types.js';
import { type UptimeProblem, uptimePlan } from '../../model/uptime.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import { servicePath } from './context.js';

/** What is wrong and the fix, without the path. */
export function uptimeProblemMessage(env: string, problem: UptimeProblem): { message: string; fix: string } {
  switch (problem.kind) {
    case 'no-public-service':
      return {
        message: `${env} has no public service, so an uptime canary would have nothing to call`,
        fix: `turn uptime off for ${env} (environments.${env}.observability.uptime: false), or make a service public`,
      };
    case 'edge-without-domain':
      return {
        message:
          `${env}'s viewers reach it through CloudFront, whose *.cloudfront.net name exists only once the ` +
          'edge stack has deployed in us-east-1, and the load balancer behind it is internal: a canary has no URL to call',
        fix: `give the edge a domain (environments.${env}.edge.domain with its us-east-1 certificate), or turn uptime off for ${env}`,
      };
    case 'eks-without-domain':
      return {
        message: `${env} runs on EKS, whose load balancer the cluster's controller names at run time: a canary has no URL to call`,
        fix: `set environments.${env}.domain, the host the Ingresses answer, or turn uptime off for ${env}`,
      };
    case 'allowed-cidrs':
      return {
        message:
          `'${problem.service}' admits only its allowedCidrs, and a canary calls from AWS's addresses outside ` +
          'them: every run would fail',
        fix: `remove allowedCidrs from '${problem.service}', or turn uptime off for ${env}`,
      };
    case 'health-path-elsewhere':
      return {
        message:
          `the load balancer sends '${problem.healthPath}' ${problem.answeredBy === undefined ? 'to no service (a 404)' : `to '${problem.answeredBy}'`}, ` +
          `so a canary calling it would not check '${problem.service}'`,
        fix: `serve the health check under one of '${problem.service}''s paths, e.g. healthPath: '/${problem.service}/healthz', or turn uptime off for ${env}`,
      };
  }
}

/** The field of an environment's model each problem points at. */
export function uptimeProblemField(problem: UptimeProblem): string {
  switch (problem.kind) {
    case 'no-public-service':
    case 'eks-without-domain':
      return 'observability.uptime';
    case 'edge-without-domain':
      return 'edge.domain';
    case 'allowed-cidrs':
      return joinPath('services', problem.service, 'allowedCidrs');
    case 'health-path-elsewhere':
      return joinPath('services', problem.service, 'healthPath');
  }
}

/**
 * An environment with uptime on must have a canary for every public service. Uptime with nothing to
 * call is an error, not a quiet no-op: someone turned it on expecting to be told when the service
 * is down. Each problem is reported where it was written: uptime where it was turned on; a
 * service's field where the service sets it.
 */
export function checkUptime(config: SlipwayConfig, env: EnvironmentModel, uptimeAt: string): ConfigIssue[] {
  if (!observabilityOf(env).uptime) return [];
  return uptimePlan(env).problems.map((problem) => {
    const { message, fix } = uptimeProblemMessage(env.name, problem);
    return issue(configPath(config, env.name, problem, uptimeAt), message, fix);
  });
}

function configPath(config: SlipwayConfig, env: string, problem: UptimeProblem, uptimeAt: string): string {
  switch (problem.kind) {
    case 'no-public-service':
    case 'eks-without-domain':
      return uptimeAt;
    case 'edge-without-domain':
      return joinPath('environments', env, 'edge', 'domain');
    case 'allowed-cidrs':
      return servicePath(config, env, problem.service, 'allowedCidrs');
    case 'health-path-elsewhere':
      return servicePath(config, env, problem.service, 'healthPath');
  }
}
