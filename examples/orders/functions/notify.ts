// Called with batches of new orders from the orders table's stream. A record that fails is
// reported back alone, so the stream retries it without sending the others twice.

interface StreamRecord {
  readonly eventName?: string;
  readonly dynamodb?: {
    readonly SequenceNumber?: string;
    readonly NewImage?: Record<string, { readonly S?: string; readonly N?: string }>;
  };
}

interface StreamEvent {
  readonly Records: readonly StreamRecord[];
}

interface BatchResponse {
  readonly batchItemFailures: { readonly itemIdentifier: string }[];
}

export async function handler(event: StreamEvent): Promise<BatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    try {
      const orderId = image?.orderId?.S;
      if (orderId === undefined) throw new Error('a new order without orderId');
      // Sending the message is the team's: an email, a push notification, a webhook.
      console.log(JSON.stringify({ msg: 'order placed', orderId, customer: image?.customerId?.S }));
    } catch (error) {
      console.error(JSON.stringify({ msg: 'notify failed', error: String(error) }));
      if (record.dynamodb?.SequenceNumber) failures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
    }
  }
  return { batchItemFailures: failures };
}
