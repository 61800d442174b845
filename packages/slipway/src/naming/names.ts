/**
 * Every name Slipway derives, in one place: stacks, SSM parameters, private DNS. Other modules
 * call these instead of formatting names themselves, so a rename happens once.
 */

/** Names no service may take, because they are the environment's own layer stacks. */
export const RESERVED_SERVICE_NAMES = [
  'network',
  'data',
  'runtime',
  'cluster',
  'functions',
  'monitoring',
  'ci',
] as const;

export function ciStackName(app: string): string {
  return `${app}-ci`;
}

export function layerStackName(
  app: string,
  env: string,
  layer: 'network' | 'data' | 'runtime' | 'cluster' | 'functions' | 'edge' | 'monitoring',
): string {
  return `${app}-${env}-${layer}`;
}

export function serviceStackName(app: string, env: string, service: string): string {
  return `${app}-${env}-${service}`;
}

/** Cross-stack values travel through SSM parameters named `/<app>/<env>/<layer>/<name>`. */
export function ssmParameterName(app: string, env: string, layer: string, name: string): string {
  return `/${app}/${env}/${layer}/${name}`;
}

/**
 * The Secrets Manager secret holding a machine client's secret, beside the parameter with its id
 * (`/<app>/<env>/data/auth/clients/<client>/id`): unique per environment, so two environments in
 * one account and region never take the same name.
 */
export function machineClientSecretName(app: string, env: string, client: string): string {
  return ssmParameterName(app, env, 'data', `auth/clients/${client}/secret`);
}

/** The private DNS namespace services and the database are reachable under inside the VPC. */
export function privateDnsNamespace(app: string): string {
  return `${app}.internal`;
}
