import type * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * Gives a container with a read-only root filesystem the places it may write: each path becomes a
 * task volume with no host, which Fargate backs with the task's own ephemeral storage, empty at
 * start and gone when the task stops. Volume names come from the path (`/tmp` → `writable-tmp`),
 * with a number added when two paths would give the same name.
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
