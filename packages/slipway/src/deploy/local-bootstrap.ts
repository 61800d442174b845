import { BootstrapEnvironments, type Toolkit } from '@aws-cdk/toolkit-lib';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { type Connection, withReadClients } from './connection.js';
import type { DeployEvent } from './deploy-events.js';

/** Where CDK's bootstrap stack records its version; deploys check it before anything else. */
export const BOOTSTRAP_VERSION_PARAMETER = '/cdk-bootstrap/hnb659fds/version';

/**
 * Bootstraps an emulator account and region the first time a deploy needs it, with CDK's own
 * bootstrap template (assets bucket, roles, version parameter), so local deploys take exactly
 * the path AWS deploys take. Skipped when the version parameter is already there.
 */
export async function ensureLocalBootstrap(
  toolkit: Toolkit,
  connection: Connection,
  account: string,
  region: string,
  onEvent: (event: DeployEvent) => void,
): Promise<boolean> {
  if (await isBootstrapped(connection, account, region)) return false;
  onEvent({ kind: 'bootstrap', account, region });
  await toolkit.bootstrap(BootstrapEnvironments.fromList([`aws://${account}/${region}`]));
  return true;
}

export async function isBootstrapped(
  connection: Connection,
  account: string,
  region: string,
): Promise<boolean> {
  return withReadClients(connection, account, region, async ({ ssm }) => {
    try {
      await ssm.send(new GetParameterCommand({ Name: BOOTSTRAP_VERSION_PARAMETER }));
      return true;
    } catch (error) {
      if ((error as Error).name === 'ParameterNotFound') return false;
      throw error;
    }
  });
}
