import type { ManifestDocument } from './manifest-rule.js';

type Data = Readonly<Record<string, unknown>>;

/** A container of a pod template, named for messages. */
export interface ContainerEntry {
  readonly name: string;
  readonly container: Data;
}

/**
 * The pod spec an object runs, wherever its kind keeps it: a Pod's own spec, a workload's
 * template, a CronJob's job template. Undefined for kinds that run no pods.
 */
export function podSpecOf(document: ManifestDocument): Data | undefined {
  const spec = record(document.spec);
  switch (document.kind) {
    case 'Pod':
      return spec;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return record(record(spec?.template)?.spec);
    case 'CronJob':
      return record(record(record(record(spec?.jobTemplate)?.spec)?.template)?.spec);
    default:
      return undefined;
  }
}

/** Every container and init container of a pod spec. */
export function containersOf(pod: Data): ContainerEntry[] {
  return [...list(pod.initContainers), ...list(pod.containers)].map((c, i) => ({
    name: typeof c.name === 'string' ? c.name : `#${i}`,
    container: c,
  }));
}

export function record(value: unknown): Data | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
}

function list(value: unknown): Data[] {
  return Array.isArray(value) ? value.map(record).filter((v): v is Data => v !== undefined) : [];
}
