import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { NoCredentialsError } from './errors.js';

/**
 * Resolves credentials through the SDK's standard chain (environment, SSO and shared files,
 * web identity, container and instance roles) without calling any AWS API, so a missing sign-in
 * is reported before anything is synthesized or uploaded.
 */
export async function requireAwsCredentials(region: string): Promise<void> {
  // The SDK warns on every run that its releases from 2027 need Node 22; Slipway pins its SDK.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new CloudFormationClient({ region });
  try {
    const credentials = await client.config.credentials();
    if (!credentials.accessKeyId) throw new Error('the chain returned no access key');
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NoCredentialsError(detail ?? 'no provider in the chain had any');
  } finally {
    client.destroy();
  }
}
