/** A DynamoDB table of an environment, as the data stack makes it. */
export interface TableModel {
  /** Name the services refer to (`orders`). */
  readonly name: string;
  /** The table's physical name, `<app>-<env>-<name>`: fixed, so services get it without a lookup. */
  readonly tableName: string;
  readonly partitionKey: TableKeyModel;
  readonly sortKey?: TableKeyModel;
  /** Attribute with each item's expiry in epoch seconds; absent without expiry. */
  readonly ttlAttribute?: string;
  /** What the table's stream carries; absent without a stream. */
  readonly stream?: TableStream;
  /** Refuses deletion through the API and CloudFormation; on in production. */
  readonly deletionProtection: boolean;
}

export interface TableKeyModel {
  readonly name: string;
  readonly type: 'string' | 'number' | 'binary';
}

export type TableStream = 'keys-only' | 'new-image' | 'old-image' | 'new-and-old-images';

/** How a service may use a table. */
export type TableAccess = 'read' | 'read-write';
