/**
 * Task counts, autoscaling and shutdown timing. Production runs at least two tasks so a deploy or
 * a lost zone never takes the service down (SECURITY.md 22).
 */
import { type ConfigIssue, issue } from '../errors.js';
import { describeEnvironment, eachService, servicePath, type Validator } from './context.js';

const MIN_PRODUCTION_TASKS = 2;
/** Fargate's ceiling for a container's stop timeout. */
const MAX_STOP_TIMEOUT = 120;

export const validateServiceCounts: Validator = ({ config, model }) =>
  eachService(model, (env, service) => {
    const path = (...field: string[]) => servicePath(config, env.name, service.name, ...field);
    const where = `service '${service.name}' in ${describeEnvironment(env)}`;
    const { minCount, desiredCount, maxCount, scaling } = service;
    const issues: ConfigIssue[] = [];
    if (env.production) {
      if (desiredCount < MIN_PRODUCTION_TASKS) {
        issues.push(
          issue(
            path('desiredCount'),
            `${desiredCount} task(s) for ${where}; a deploy or a lost zone would take it down`,
            `set desiredCount to ${MIN_PRODUCTION_TASKS} or more`,
          ),
        );
      }
      if (minCount < MIN_PRODUCTION_TASKS) {
        issues.push(
          issue(
            path('minCount'),
            `${minCount} for ${where}; autoscaling could scale it to one task`,
            `set minCount to ${MIN_PRODUCTION_TASKS} or more`,
          ),
        );
      }
    }
    // In production a low count is already reported above; the ordering would only repeat it.
    const reported = issues.length > 0;
    if (!reported && (minCount < 0 || minCount > desiredCount || desiredCount > maxCount || maxCount < 1)) {
      issues.push(
        issue(
          path(service.minCount > service.desiredCount ? 'minCount' : 'maxCount'),
          `counts must satisfy minCount ≤ desiredCount ≤ maxCount with maxCount ≥ 1, but ${where} has ${minCount} ≤ ${desiredCount} ≤ ${maxCount}`,
          'adjust minCount, desiredCount and maxCount so they are in order',
        ),
      );
    }
    for (const key of ['cpuPercent', 'memoryPercent'] as const) {
      const value = scaling[key];
      if (value !== undefined && (value <= 0 || value > 100)) {
        issues.push(
          issue(
            path('scaling', key),
            `${value} is not a utilisation percentage`,
            'use a value above 0 and up to 100, e.g. 60',
          ),
        );
      }
    }
    if (scaling.requestsPerTarget !== undefined) {
      if (scaling.requestsPerTarget < 1) {
        issues.push(
          issue(
            path('scaling', 'requestsPerTarget'),
            `${scaling.requestsPerTarget} requests per task is below 1`,
            'use 1 or more, e.g. 1000',
          ),
        );
      }
      if (!service.public) {
        issues.push(
          issue(
            path('scaling', 'requestsPerTarget'),
            `scales on load balancer requests, but service '${service.name}' is not public and has no load balancer`,
            'scale on cpuPercent or memoryPercent instead, or make the service public',
          ),
        );
      }
    }
    const hasMetric = Object.values(scaling).some((value) => value !== undefined);
    if (maxCount > minCount && !hasMetric) {
      issues.push(
        issue(
          path('scaling'),
          `${where} may scale between ${minCount} and ${maxCount} tasks but names no scaling metric`,
          'set scaling.cpuPercent (e.g. 60), or set maxCount equal to minCount for a fixed size',
        ),
      );
    }
    if (service.stopTimeoutSeconds < 1 || service.stopTimeoutSeconds > MAX_STOP_TIMEOUT) {
      issues.push(
        issue(
          path('stopTimeoutSeconds'),
          `${service.stopTimeoutSeconds} seconds is outside the 1–${MAX_STOP_TIMEOUT} Fargate allows`,
          `use 1–${MAX_STOP_TIMEOUT} (default 30)`,
        ),
      );
    }
    if (service.healthCheckGracePeriodSeconds < 0) {
      issues.push(
        issue(
          path('healthCheckGracePeriodSeconds'),
          `${service.healthCheckGracePeriodSeconds} is negative`,
          'use 0 or more seconds, at least the boot time',
        ),
      );
    }
    return issues;
  });
