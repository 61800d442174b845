import type * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * Gives a container with a read-only root filesystem the places it may write: each path becomes a
 * task volume with no host, which Fargate backs with the task's own ephemeral storage, gone when
 * the task stops. Fargate creates such a volume owned by root (0755) unless the image declares the
 * path as a VOLUME, whose directory (owner, mode, files) it copies instead; so images that run as
 * another user declare their writable paths. Volume names come from the path (`/tmp` →
 * `writable-tmp`), with a number added when two paths would give the same name.
 */
export function mountWritablePaths(
  taskDefinition: ecs.TaskDefinition,
  container: ecs.ContainerDefinition,
  paths: readonly string[],
): void {
  const taken = new Set<string>();
  paths.forEach((containerPath, index) => {
    const base = `writable-${containerPath.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`.slice(
      0,
      200,
    );
    const name = taken.has(base) ? `${base}-${index}` : base;
    taken.add(name);
    taskDefinition.addVolume({ name });
    container.addMountPoints({ sourceVolume: name, containerPath, readOnly: false });
  });
}
