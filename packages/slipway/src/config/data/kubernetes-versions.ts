/**
 * The Kubernetes versions a new cluster may use: those in EKS standard support. Dates from the
 * EKS version calendar (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, and
 * endoflife.date/amazon-eks), checked 2026-12-02; a version is in standard support for 14 months
 * from its EKS release. 1.34's standard support ended on 2026-12-02, so it is no longer offered:
 * past that a cluster costs $0.60 an hour instead of $0.10. 1.36 and 1.37 are offered by
 * aws-cdk-lib 2.276 (which adds a version once EKS ships it); their EKS release dates were not
 * confirmed here, so their end dates are unknown (null) rather than guessed.
 */
export interface KubernetesVersionFacts {
  readonly version: string;
  /** ISO date EKS released it, or null when not confirmed. */
  readonly released: string | null;
  /** ISO date its standard support ends, or null when not confirmed. */
  readonly endOfStandardSupport: string | null;
}

export const KUBERNETES_VERSIONS: readonly KubernetesVersionFacts[] = [
  { version: '1.35', released: '2026-01-28', endOfStandardSupport: '2027-03-27' },
  { version: '1.36', released: null, endOfStandardSupport: null },
  { version: '1.37', released: null, endOfStandardSupport: null },
];
