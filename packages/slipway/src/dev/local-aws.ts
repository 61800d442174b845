import { LOCAL_CREDENTIALS } from '../deploy/connection.js';

/** The emulator a local run's tables and streams live on, in the environment's region. */
export interface LocalAws {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly region: string;
}

/** SDK client settings for the emulator: its endpoint and keys that are clearly not real. */
export function localClientConfig(aws: LocalAws) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return { region: aws.region, endpoint: aws.endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 };
}

/**
 * What a process needs for its AWS SDK to reach the emulator's DynamoDB and SQS instead of AWS: the
 * service-specific endpoint variables every current AWS SDK reads (so calls to any other AWS
 * service still go where they would), the region, and dummy keys. In the cloud the task role
 * gives the credentials; locally there are none to give, and the emulator accepts any.
 */
export function localAwsVariables(aws: LocalAws): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_DYNAMODB: aws.endpoint,
    AWS_ENDPOINT_URL_SQS: aws.endpoint,
    AWS_REGION: aws.region,
    AWS_DEFAULT_REGION: aws.region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    // The SDK warns at every start that its releases from 2027 need Node 22: noise in a local log.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
