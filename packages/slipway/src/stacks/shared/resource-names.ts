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

/** Deployment alarm names, explicit so the service can name them without a token. */
export function serviceAlarmName(
  app: string,
  env: string,
  service: string,
  alarm: '5xx' | 'p99-latency',
): string {
  return `${app}-${env}-${service}-${alarm}`;
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
