import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { regionFacts } from '../stacks/shared/partition.js';
import type { DeployTarget } from './target.js';

/** How the deployer reaches AWS: the standard credential chain, or the emulator with dummy keys. */
export interface Connection {
  readonly target: DeployTarget;
  /** The emulator's endpoint; set exactly when `target` is `local`. */
  readonly endpoint?: string;
}

/** The emulator accepts any key; these make requests signed and clearly not real. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'slipway-local', secretAccessKey: 'slipway-local' } as const;

/** The clients Slipway's own reads use (deployed templates, parameters, log groups, OIDC providers), for one account and region. */
export interface ReadClients {
  readonly cloudFormation: CloudFormationClient;
  readonly ssm: SSMClient;
  readonly logs: CloudWatchLogsClient;
  readonly iam: IAMClient;
}

function clients(connection: Connection, region: string, credentials?: AwsCredentialIdentity): ReadClients {
  const config = connection.endpoint
    ? { region, endpoint: connection.endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 }
    : { region, ...(credentials ? { credentials } : {}) };
  return {
    cloudFormation: new CloudFormationClient(config),
    ssm: new SSMClient(config),
    logs: new CloudWatchLogsClient(config),
    iam: new IAMClient(config),
  };
}

/**
 * Runs reads with the caller's credentials and, when those may not read (a CI role that may only
 * assume the CDK bootstrap roles), again through the account's CDK lookup role, which is
 * read-only and trusted wherever the account was bootstrapped with `--trust`.
 */
export async function withReadClients<T>(
  connection: Connection,
  account: string,
  region: string,
  read: (clients: ReadClients) => Promise<T>,
): Promise<T> {
  const direct = clients(connection, region);
  try {
    return await read(direct);
  } catch (error) {
    if (connection.endpoint || !isAccessDenied(error)) throw error;
  } finally {
    destroyAll(direct);
  }
  const viaLookupRole = clients(connection, region, await assumeLookupRole(account, region));
  try {
    return await read(viaLookupRole);
  } finally {
    destroyAll(viaLookupRole);
  }
}

function destroyAll(clients: ReadClients): void {
  for (const client of Object.values(clients)) client.destroy();
}

async function assumeLookupRole(account: string, region: string): Promise<AwsCredentialIdentity> {
  const { partition } = regionFacts(region);
  const roleArn = `arn:${partition}:iam::${account}:role/cdk-hnb659fds-lookup-role-${account}-${region}`;
  const sts = new STSClient({ region });
  try {
    const answer = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'slipway-read' }),
    );
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`${roleArn} gave no credentials`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  } catch (error) {
    throw new Error(
      `Your credentials may not read the stacks in ${account}/${region}, and assuming ${roleArn} failed too ` +
        `(${(error as Error).message}). Fix: use credentials allowed to read CloudFormation and SSM there, ` +
        `or bootstrap the account with --trust <your account>.`,
      { cause: error },
    );
  } finally {
    sts.destroy();
  }
}

function isAccessDenied(error: unknown): boolean {
  const name = (error as { name?: string }).name ?? '';
  return (
    /AccessDenied|UnauthorizedOperation|NotAuthorized/.test(name) ||
    /not authorized/i.test((error as Error).message ?? '')
  );
}

/** The endpoint variables some `withEndpoint` works are running with: how many, and what was there before. */
interface EndpointLease {
  readonly key: string;
  count: number;
  readonly previous: Record<string, string | undefined>;
  /** The lease this one set aside (another endpoint's), given back when this one ends. */
  readonly outer: EndpointLease | undefined;
}

let endpointLease: EndpointLease | undefined;

/**
 * Runs `work` with the environment variables toolkit-lib reads to reach the emulator: the SDK's
 * `AWS_ENDPOINT_URL`, and the S3 endpoint CloudFormation is given template URLs for (moto reads a
 * template URL path-style only when its host is `localhost`). They are restored afterwards, once
 * the last of the works that overlap (service stacks deploy in parallel) has ended: restoring
 * when the first ends would send the others' remaining calls to AWS.
 */
export async function withEndpoint<T>(connection: Connection, work: () => Promise<T>): Promise<T> {
  if (!connection.endpoint) return work();
  const url = new URL(connection.endpoint);
  const values: Record<string, string> = {
    AWS_ENDPOINT_URL: connection.endpoint,
    AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION: `${url.protocol}//localhost:${url.port}`,
  };
  const key = JSON.stringify(values);
  let lease = endpointLease;
  if (lease?.key !== key) {
    lease = {
      key,
      count: 0,
      previous: Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]])),
      outer: endpointLease,
    };
    endpointLease = lease;
    Object.assign(process.env, values);
  }
  lease.count += 1;
  try {
    return await work();
  } finally {
    lease.count -= 1;
    if (lease.count === 0) {
      if (endpointLease === lease) endpointLease = lease.outer;
      for (const [name, value] of Object.entries(lease.previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }
}
