import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The document client. Region, credentials and endpoint come from the environment: the task role
 * in the cloud; locally `slipway dev` sets AWS_ENDPOINT_URL_DYNAMODB to its emulator with dummy keys.
 */
export function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
