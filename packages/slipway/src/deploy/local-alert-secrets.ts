import {
  CreateSecretCommand,
  DescribeSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { observabilityOf } from '../model/observability.js';
import type { EnvironmentModel } from '../model/types.js';
import { LOCAL_CREDENTIALS } from './connection.js';

/**
 * What the emulator's PagerDuty secret holds when the local deploy makes it: an https URL (SNS
 * takes nothing else for an HTTPS subscription) on a reserved domain that can never answer.
 */
export const PLACEHOLDER_PAGERDUTY_URL = 'https://pagerduty.invalid/slipway-local-placeholder';

/** Tag on a placeholder, so a reader of the emulator sees it is not the team's secret. */
const PLACEHOLDER_TAG = 'slipway:local-placeholder';

/**
 * PagerDuty's integration URL lives in a secret the team made in its account, which the emulator
 * has not got, and CloudFormation fails a dynamic reference to a missing secret. As for
 * certificates, the local target stands in: the secret is made in the emulator once, under the
 * configured name, holding a placeholder URL. An existing secret is left as it is. Returns the
 * names made, for the deploy to say so.
 */
export async function ensureLocalAlertSecrets(env: EnvironmentModel, endpoint: string): Promise<string[]> {
  const pagerduty = observabilityOf(env).alerts.pagerduty;
  if (pagerduty === undefined) return [];
  const name = pagerduty.integrationUrlSecret;
  const client = new SecretsManagerClient({
    region: env.region,
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 2,
  });
  try {
    if (await exists(client, name)) return [];
    await client.send(
      new CreateSecretCommand({
        Name: name,
        SecretString: PLACEHOLDER_PAGERDUTY_URL,
        Description: "Made by Slipway's local deploy in place of the team's PagerDuty integration URL",
        Tags: [{ Key: PLACEHOLDER_TAG, Value: 'true' }],
      }),
    );
    return [name];
  } finally {
    client.destroy();
  }
}

async function exists(client: SecretsManagerClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeSecretCommand({ SecretId: name }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}
