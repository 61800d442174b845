import { observabilityOf } from '../../model/observability.js';
import { uptimePlan } from '../../model/uptime.js';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import {
  cacheAlarmName,
  databaseAlarmName,
  deadLettersAlarmName,
  functionAlarmName,
  loadBalancerAlarmName,
  serviceAlarmName,
} from '../shared/resource-names.js';

/**
 * The names of the alarms that notify a person, across every stack of the environment, as those
 * stacks make them: what the dashboard's alarm status shows. Names are fixed, so the list is known
 * before anything deploys; alarms that only feed a composite (the 5xx, "no healthy target" and
 * "no running task" ones) are left out, as their composite stands for them. Behind an HTTP API
 * there are no target groups and no load balancer, so no unhealthy-hosts or load balancer alarm.
 */
export function environmentAlarmNames(model: AppModel, env: EnvironmentModel): string[] {
  const all = observabilityOf(env).alarms === 'all';
  const names: string[] = [];
  const ecs = env.runtime !== 'eks';
  const balanced = ecs && env.ingress !== 'http-api';
  if (ecs) {
    for (const service of env.services) {
      const name = (kind: Parameters<typeof serviceAlarmName>[3]) =>
        serviceAlarmName(model.app, env.name, service.name, kind);
      names.push(name('down'));
      if (service.public) names.push(name('p99-latency'));
      if (all) names.push(name('cpu'), name('memory'), name('error-lines'));
      if (all && balanced && service.public) names.push(name('unhealthy-hosts'));
    }
    for (const fn of env.functions ?? []) {
      names.push(functionAlarmName(fn.functionName, 'errors'));
      const events = fn.events;
      if (events === undefined || !('queue' in events))
        names.push(functionAlarmName(fn.functionName, 'failures'));
      if (events !== undefined && 'table' in events)
        names.push(functionAlarmName(fn.functionName, 'iterator-age'));
    }
    for (const queue of env.queues ?? []) names.push(deadLettersAlarmName(queue.queueName));
  }
  for (const check of uptimePlan(env).checks)
    names.push(serviceAlarmName(model.app, env.name, check.service, 'uptime'));
  names.push(...storeAlarmNames(model, env));
  if (all && balanced && env.services.some((s) => s.public))
    names.push(loadBalancerAlarmName(model.app, env.name));
  return names;
}

/** The database and cache alarms the monitoring stack makes at level 'all'. */
export function storeAlarmNames(model: AppModel, env: EnvironmentModel): string[] {
  if (observabilityOf(env).alarms !== 'all') return [];
  return [
    ...env.databases.flatMap((db) =>
      (['db-cpu-high', 'db-storage-low', 'db-connections-high'] as const).map((kind) =>
        databaseAlarmName(model.app, env.name, db.name, kind),
      ),
    ),
    ...(env.caches ?? []).flatMap((cache) =>
      (['cache-cpu-high', 'cache-memory-high'] as const).map((kind) =>
        cacheAlarmName(model.app, env.name, cache.name, kind),
      ),
    ),
  ];
}
