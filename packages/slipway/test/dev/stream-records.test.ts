import { describe, expect, it } from 'vitest';
import { lambdaStreamRecord } from '../../src/dev/stream-records.js';

describe('stream records as Lambda hands them over', () => {
  it('turns the SDK record back into the event JSON: epoch seconds, base64 bytes, the table region, the stream ARN', () => {
    const streamArn =
      'arn:aws:dynamodb:eu-west-1:123456789012:table/orders-dev-orders/stream/2026-12-02T19:27:51.856';
    const record = lambdaStreamRecord(
      {
        eventID: 'e-1',
        eventName: 'INSERT',
        eventVersion: '1.0',
        eventSource: 'aws:dynamodb',
        // The emulator names its default region, not the table's.
        awsRegion: 'us-east-1',
        dynamodb: {
          ApproximateCreationDateTime: new Date('2026-12-02T19:27:51.897Z'),
          Keys: { orderId: { S: 'o-1' } },
          NewImage: { orderId: { S: 'o-1' }, blob: { B: new Uint8Array([1, 2, 3]) }, total: { N: '12' } },
          SequenceNumber: '1100000000017454423009',
          SizeBytes: 218,
          StreamViewType: 'NEW_IMAGE',
        },
      },
      'eu-west-1',
      streamArn,
    );
    expect(record).toEqual({
      eventID: 'e-1',
      eventName: 'INSERT',
      eventVersion: '1.0',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: {
        ApproximateCreationDateTime: 1796239671,
        Keys: { orderId: { S: 'o-1' } },
        NewImage: { orderId: { S: 'o-1' }, blob: { B: 'AQID' }, total: { N: '12' } },
        SequenceNumber: '1100000000017454423009',
        SizeBytes: 218,
        StreamViewType: 'NEW_IMAGE',
      },
      eventSourceARN: streamArn,
    });
    // It must survive the trip to the handler's process as JSON unchanged.
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});
