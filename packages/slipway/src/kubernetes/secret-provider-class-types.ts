/**
 * The Secrets Store CSI driver's SecretProviderClass (`secrets-store.csi.x-k8s.io/v1`) as Slipway
 * writes it, for the AWS provider only. No `@kubernetes-models` package types this kind, so the
 * interface lives here, with nothing imported: the field check compiles it as it compiles a
 * package's, and an excess property at any depth fails that check.
 */
export interface ISecretProviderClass {
  apiVersion: 'secrets-store.csi.x-k8s.io/v1';
  kind: 'SecretProviderClass';
  metadata: ISecretProviderClassMetadata;
  spec: ISecretProviderClassSpec;
}

export interface ISecretProviderClassMetadata {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface ISecretProviderClassSpec {
  /** The provider plugin that fetches the objects: AWS Secrets Manager and Parameter Store. */
  provider: 'aws';
  parameters: IAwsProviderParameters;
}

/** The AWS provider's parameters; the driver passes them as strings. */
export interface IAwsProviderParameters {
  /** A YAML list of objects: `objectName`, `objectType` (`ssmparameter` or `secretsmanager`), `objectAlias`. */
  objects: string;
  /** Region of the objects; without it the provider asks the node, which costs every mount a lookup. */
  region?: string;
  /** `"true"`: the provider calls AWS with the pod's EKS Pod Identity role. */
  usePodIdentity?: 'true' | 'false';
  failoverRegion?: string;
  pathTranslation?: string;
  preferredAddressType?: 'ipv4' | 'ipv6' | 'auto';
}

/** One entry of `objects`: what to fetch and the file name it is written under. */
export interface IAwsProviderObject {
  objectName: string;
  objectType: 'ssmparameter' | 'secretsmanager';
  objectAlias: string;
}
