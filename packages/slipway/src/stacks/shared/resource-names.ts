/**
 * Physical names the stacks give resources other tools must find without reading stack outputs
 * (workflows assume roles by ARN, the deployer waits on the cluster). Kept in one file so a rename
 * happens once.
 */

/** Which CI the roles serve: part of their names, so a role's trust is readable from its name. */
export type CiHost = 'github' | 'gitlab';

/** Role the main branch's build jobs assume to push images. */
export function imagePushRoleName(app: string, ci: CiHost = 'github'): string {
  return `${app}-${ci}-image-push`;
}

/** Role the preview workflow assumes to push branch images, to the preview repositories only. */
export function previewPushRoleName(app: string, ci: CiHost = 'github'): string {
  return `${app}-${ci}-preview-push`;
}

/**
 * Role GitLab's preview jobs assume to bring previews up and down: apart from the copied
 * environment's deploy role, whose main-branch trust stays exact (decision 023).
 */
export function previewDeployRoleName(app: string, ci: CiHost = 'gitlab'): string {
  return `${app}-${ci}-preview-deploy`;
}

/** The repository branch images of a service go to: apart from the one environments run. */
export function previewRepositoryName(repository: string): string {
  return `${repository}-preview`;
}

/** Role an environment's deploy jobs assume; it may only assume the CDK bootstrap roles. */
export function deployRoleName(app: string, env: string, ci: CiHost = 'github'): string {
  return `${app}-${env}-${ci}-deploy`;
}

/** The environment's ECS cluster. */
export function clusterName(app: string, env: string): string {
  return `${app}-${env}`;
}

/** RDS instance identifier; also fixes the name of the instance's PostgreSQL log group. */
export function databaseInstanceIdentifier(app: string, env: string, database: string): string {
  return `${app}-${env}-${database}`;
}

/**
 * What a service's alarms watch. '5xx' and 'p99-latency' are the deployment alarms ECS rolls back
 * on; 'down' is the composite that notifies when the service is down.
 */
export type ServiceAlarmKind =
  | '5xx'
  | 'p99-latency'
  | 'no-healthy-targets'
  | 'no-running-tasks'
  | 'down'
  | 'cpu'
  | 'memory'
  | 'unhealthy-hosts'
  | 'error-lines'
  /** The alarm on the service's uptime canary, in the monitoring stack. */
  | 'uptime';

/**
 * A service's alarm names, explicit so the service can name its deployment alarms without a token
 * and the dashboard can build their ARNs. No kind ends with another kind after a hyphen, and the
 * environment-wide alarms below end in `-high` or `-low`, which no service kind does: two alarms of
 * one environment never share a name, whatever the services, databases and caches are called.
 */
export function serviceAlarmName(app: string, env: string, service: string, alarm: ServiceAlarmKind): string {
  return `${app}-${env}-${service}-${alarm}`;
}

/** A database's alarms, in the monitoring stack. */
export function databaseAlarmName(
  app: string,
  env: string,
  database: string,
  alarm: 'db-cpu-high' | 'db-storage-low' | 'db-connections-high',
): string {
  return `${app}-${env}-${database}-${alarm}`;
}

/** A cache's alarms, in the monitoring stack. */
export function cacheAlarmName(
  app: string,
  env: string,
  cache: string,
  alarm: 'cache-cpu-high' | 'cache-memory-high',
): string {
  return `${app}-${env}-${cache}-${alarm}`;
}

/** The shared load balancer's own 5xx (no target answered), in the monitoring stack. */
export function loadBalancerAlarmName(app: string, env: string): string {
  return `${app}-${env}-elb-5xx-high`;
}

/** A function's alarms, in the functions stack; the name starts with the function's. */
export function functionAlarmName(
  functionName: string,
  alarm: 'errors' | 'failures' | 'iterator-age',
): string {
  return `${functionName}-${alarm}`;
}

/** A declared queue's dead-letter alarm, in the functions stack. */
export function deadLettersAlarmName(queueName: string): string {
  return `${queueName}-dead-letters`;
}

/** The environment's one dashboard. */
export function dashboardName(app: string, env: string): string {
  return `${app}-${env}`;
}

/** The CDK bootstrap roles (default qualifier) a deploy role may assume in one account and region. */
export function cdkBootstrapRolePattern(account: string, region: string): string {
  return `cdk-hnb659fds-*-role-${account}-${region}`;
}

/**
 * The CDK bootstrap roles a preview deploy needs, named one by one: deploying (CloudFormation),
 * uploading file assets and templates, and reading during synth. The image-publishing role is left
 * out: previews run images the preview push role already pushed.
 */
export function cdkPreviewBootstrapRoleNames(account: string, region: string): string[] {
  return (['deploy', 'file-publishing', 'lookup'] as const).map(
    (kind) => `cdk-hnb659fds-${kind}-role-${account}-${region}`,
  );
}

/** Task definition family of a database's one-off provisioner task. */
export function provisionerFamily(app: string, env: string, database: string): string {
  return `${app}-${env}-${database}-provisioner`;
}

/** The provisioner's execution and task roles, named so deploy roles can pass exactly these. */
export function provisionerRoleName(
  app: string,
  env: string,
  database: string,
  kind: 'exec' | 'task',
): string {
  return `${app}-${env}-${database}-provision-${kind}`;
}
