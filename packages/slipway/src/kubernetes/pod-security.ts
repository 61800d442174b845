import type { IPodSecurityContext, ISecurityContext, IVolume, IVolumeMount } from 'kubernetes-models/v1';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { ManifestError, servicePathOf } from './manifest-error.js';

/** Ports below this need a capability or the sysctl below for a non-root process to bind them. */
const FIRST_UNPRIVILEGED_PORT = 1024;

/**
 * The pod's identity on the node: never root, with the runtime's default seccomp profile. The
 * kubelet can only prove `runAsNonRoot` for a numeric user, so `service.user` must be a uid
 * (`1000`) or uid:gid (`1000:1000`) here, where ECS also takes a name the image defines.
 */
export function podSecurityContext(env: EnvironmentModel, service: ServiceModel): IPodSecurityContext {
  const match = /^(\d+)(?::(\d+))?$/.exec(service.user);
  if (!match) {
    throw new ManifestError(
      servicePathOf(env.name, service.name, 'user'),
      `'${service.user}' is not numeric, so Kubernetes cannot check that the container does not run as root`,
      "use the uid the image's user has, e.g. '1000' or '1000:1000'",
    );
  }
  const runAsUser = Number(match[1]);
  if (runAsUser === 0) {
    throw new ManifestError(
      servicePathOf(env.name, service.name, 'user'),
      `'${service.user}' is root`,
      "use an unprivileged uid, e.g. '1000'",
    );
  }
  return {
    runAsNonRoot: true,
    runAsUser,
    ...(match[2] === undefined ? {} : { runAsGroup: Number(match[2]) }),
    seccompProfile: { type: 'RuntimeDefault' },
    // With every capability dropped, a non-root process may only bind a low port (pgAdmin's 80)
    // through this namespaced sysctl, which the restricted Pod Security level allows.
    ...(service.port < FIRST_UNPRIVILEGED_PORT
      ? { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] }
      : {}),
  };
}

/** The container may not gain privileges, holds no capability, and writes only where allowed. */
export function containerSecurityContext(service: ServiceModel): ISecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: service.readonlyRootFilesystem,
    capabilities: { drop: ['ALL'] },
  };
}

/** A writable path as an emptyDir volume and its mount: gone with the pod, like Fargate's task storage. */
export interface WritableVolume {
  readonly volume: IVolume;
  readonly mount: IVolumeMount;
}

/**
 * One emptyDir per writable path, named from the path (`/tmp` → `writable-tmp`) within the 63
 * characters of a DNS label, with the path's index added when two paths would share a name.
 */
export function writableVolumes(service: ServiceModel): WritableVolume[] {
  const taken = new Set<string>();
  return service.writablePaths.map((mountPath, index) => {
    const slug = mountPath
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const base = `writable-${slug}`.slice(0, 55).replace(/-$/, '');
    const name = taken.has(base) ? `${base}-${index}` : base;
    taken.add(name);
    return { volume: { name, emptyDir: {} }, mount: { name, mountPath } };
  });
}
