import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

/** One record of a DynamoDB stream event, in the JSON shape Lambda hands a handler. */
export interface LambdaStreamRecord {
  readonly eventID: string;
  readonly eventName: string;
  readonly eventVersion: string;
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: {
    /** Epoch seconds, as Lambda sends it (the SDK hands back a Date). */
    readonly ApproximateCreationDateTime?: number;
    readonly Keys?: unknown;
    readonly NewImage?: unknown;
    readonly OldImage?: unknown;
    readonly SequenceNumber: string;
    readonly SizeBytes?: number;
    readonly StreamViewType?: string;
  };
  readonly eventSourceARN: string;
}

/**
 * A stream record as Lambda passes it on: the SDK's parsed record turned back into the wire JSON
 * (a date as epoch seconds, binary attributes as base64), the region the table lives in (the
 * emulator's records name its default region) and the stream's ARN as `eventSourceARN`.
 */
export function lambdaStreamRecord(
  record: StreamRecord,
  region: string,
  streamArn: string,
): LambdaStreamRecord {
  const data = record.dynamodb ?? {};
  const created = data.ApproximateCreationDateTime;
  return {
    eventID: record.eventID ?? '',
    eventName: record.eventName ?? '',
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ...(created === undefined ? {} : { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
      ...(data.Keys === undefined ? {} : { Keys: wireJson(data.Keys) }),
      ...(data.NewImage === undefined ? {} : { NewImage: wireJson(data.NewImage) }),
      ...(data.OldImage === undefined ? {} : { OldImage: wireJson(data.OldImage) }),
      SequenceNumber: data.SequenceNumber ?? '',
      ...(data.SizeBytes === undefined ? {} : { SizeBytes: data.SizeBytes }),
      ...(data.StreamViewType === undefined ? {} : { StreamViewType: data.StreamViewType }),
    },
    eventSourceARN: streamArn,
  };
}

/** Attribute values as JSON carries them: bytes become base64 strings, sets stay lists. */
function wireJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(wireJson);
  if (value instanceof Set) return [...value].map(wireJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, inner]) => (inner === undefined ? [] : [[key, wireJson(inner)]])),
    );
  }
  return value;
}
