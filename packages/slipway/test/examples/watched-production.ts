import type { EnvironmentModel } from '../../src/model/types.js';
import { observabilityOf } from '../../src/model/observability.js';
import {
  cacheAlarmName,
  databaseAlarmName,
  deadLettersAlarmName,
  functionAlarmName,
  serviceAlarmName,
} from '../../src/stacks/shared/resource-names.js';

/** An alarm as either a template or the emulator's DescribeAlarms shows it. */
export interface SeenAlarm {
  readonly name: string;
  /** Whether the alarm itself notifies the environment's alarm topic. */
  readonly notifies: boolean;
  /** A composite's rule, naming the alarms it stands for. */
  readonly rule?: string;
}

/**
 * The alarms a person hears of: those that notify the topic, and those a notifying composite names
 * in its rule (a service's 5xx alarm speaks through its "down" composite).
 */
export function routedAlarmNames(alarms: readonly SeenAlarm[]): Set<string> {
  const routed = new Set(alarms.filter((a) => a.notifies).map((a) => a.name));
  for (const composite of alarms.filter((a) => a.notifies && a.rule !== undefined)) {
    for (const alarm of alarms) if (names(composite.rule ?? '', alarm.name)) routed.add(alarm.name);
  }
  return routed;
}

/** A composite's rule names an alarm by name or by ARN, inside ALARM("..."). */
function names(rule: string, alarm: string): boolean {
  return rule.includes(`("${alarm}")`) || rule.includes(`:alarm:${alarm}")`);
}

type Template = { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

/**
 * A template's alarms as the emulator would list them: a composite's rule, which names its alarms
 * by `Fn::GetAtt` of their ARNs, is written out with each ARN ending in the alarm's name.
 */
export function templateAlarms(template: Template): SeenAlarm[] {
  const resources = template.Resources ?? {};
  const nameOf = (id: string) => String(resources[id]?.Properties?.AlarmName ?? id);
  const render = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(render).join('');
    if (value !== null && typeof value === 'object') {
      const [fn, args] = Object.entries(value)[0] ?? [];
      if (fn === 'Fn::Join' && Array.isArray(args))
        return (args[1] as unknown[]).map(render).join(String(args[0]));
      if (fn === 'Fn::GetAtt' && Array.isArray(args))
        return `arn:aws:cloudwatch:::alarm:${nameOf(String(args[0]))}`;
    }
    return '';
  };
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm' || r.Type === 'AWS::CloudWatch::CompositeAlarm')
    .map(([id, r]) => ({
      name: nameOf(id),
      notifies: Array.isArray(r.Properties?.AlarmActions) && r.Properties.AlarmActions.length > 0,
      ...(r.Type === 'AWS::CloudWatch::CompositeAlarm' ? { rule: render(r.Properties?.AlarmRule) } : {}),
    }));
}

/**
 * What a production environment must route to a person, written from the promise rather
 * than from the stacks: for each public ECS service its 5xx answers and its latency, for each
 * service that it is down, for each database and cache its CPU, storage or memory and connections,
 * for each function its errors, for each queue the messages it gave up on. An EKS cluster's services
 * are watched by Datadog monitors instead, checked apart.
 */
export function alarmsThatMustReachSomeone(app: string, env: EnvironmentModel): string[] {
  const names: string[] = [];
  if (env.runtime !== 'eks') {
    for (const service of env.services) {
      const name = (kind: Parameters<typeof serviceAlarmName>[3]) =>
        serviceAlarmName(app, env.name, service.name, kind);
      names.push(name('down'));
      if (service.public) names.push(name('5xx'), name('p99-latency'));
    }
    for (const fn of env.functions ?? []) names.push(functionAlarmName(fn.functionName, 'errors'));
    for (const queue of env.queues ?? []) names.push(deadLettersAlarmName(queue.queueName));
  }
  for (const db of env.databases) {
    for (const kind of ['db-cpu-high', 'db-storage-low', 'db-connections-high'] as const)
      names.push(databaseAlarmName(app, env.name, db.name, kind));
  }
  // Each uptime canary's alarm: the canary exists so that someone hears when the service is unreachable.
  for (const service of servicesWithCanaries(env))
    names.push(serviceAlarmName(app, env.name, service, 'uptime'));
  for (const cache of env.caches ?? []) {
    for (const kind of ['cache-cpu-high', 'cache-memory-high'] as const)
      names.push(cacheAlarmName(app, env.name, cache.name, kind));
  }
  return names;
}

/** The public services an uptime canary must call, by name; none with uptime off. */
export function servicesWithCanaries(env: EnvironmentModel): string[] {
  return observabilityOf(env).uptime ? env.services.filter((s) => s.public).map((s) => s.name) : [];
}
