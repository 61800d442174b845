/**
 * EKS Auto Mode's IngressClassParams (`eks.amazonaws.com/v1`) as Slipway writes it. No
 * `@kubernetes-models` package types this kind, so the interface lives here, with nothing
 * imported: the field check compiles it as it compiles a package's, and an excess property at any
 * depth fails that check.
 */
export interface IIngressClassParams {
  apiVersion: 'eks.amazonaws.com/v1';
  kind: 'IngressClassParams';
  metadata: IIngressClassParamsMetadata;
  spec: IIngressClassParamsSpec;
}

/** Cluster-scoped: a name and labels, no namespace. */
export interface IIngressClassParamsMetadata {
  name: string;
  labels?: Record<string, string>;
}

export interface IIngressClassParamsSpec {
  /** Whether the ALB faces the internet or only the VPC. */
  scheme?: 'internet-facing' | 'internal';
  /** Ingresses of this class share one ALB of this name; Auto Mode ignores the group annotation. */
  group?: { name: string };
}
