import type { Price } from './types.js';

/**
 * EC2 Linux on-demand per instance-hour in us-east-1 (shared tenancy, no pre-installed software),
 * for the instance types an EKS node pool commonly uses. Read from the table AWS's Karpenter
 * generates from the AWS Pricing API; third-party guides quote the same figures (t3.large $0.0832,
 * m7g.large $0.0816). A type not listed here gets a "not priced" line rather than a guess.
 */
const KARPENTER =
  "AWS price list as AWS's Karpenter copies it from the AWS Pricing API " +
  '(aws/karpenter-provider-aws, pkg/providers/pricing/zz_generated.pricing_aws.go, generated 2026-07-20)';

function listed(usd: number): Price {
  return { usd, unit: 'instance-hour', source: 'PL', reference: KARPENTER, date: '2026-07', verified: true };
}

/** Hourly on-demand prices by family, then size. */
const FAMILIES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  // Burstable: Graviton (arm64), then Intel and AMD (x86_64).
  t4g: { small: 0.0168, medium: 0.0336, large: 0.0672, xlarge: 0.1344, '2xlarge': 0.2688 },
  t3: { small: 0.0208, medium: 0.0416, large: 0.0832, xlarge: 0.1664 },
  t3a: { medium: 0.0376, large: 0.0752 },
  // General purpose.
  m6g: { large: 0.077, xlarge: 0.154, '2xlarge': 0.308 },
  m7g: { large: 0.0816, xlarge: 0.1632, '2xlarge': 0.3264 },
  m8g: { large: 0.08976, xlarge: 0.17952, '2xlarge': 0.35904 },
  m5: { large: 0.096, xlarge: 0.192 },
  m6i: { large: 0.096, xlarge: 0.192, '2xlarge': 0.384 },
  m7i: { large: 0.1008, xlarge: 0.2016, '2xlarge': 0.4032 },
  m6a: { large: 0.0864, xlarge: 0.1728 },
  m7a: { large: 0.11592, xlarge: 0.23184 },
  // Compute optimized.
  c6g: { large: 0.068, xlarge: 0.136 },
  c7g: { large: 0.0725, xlarge: 0.145 },
  c8g: { large: 0.07976, xlarge: 0.15952 },
  c6i: { large: 0.085, xlarge: 0.17 },
  c7i: { large: 0.08925, xlarge: 0.1785 },
  // Memory optimized.
  r6g: { large: 0.1008, xlarge: 0.2016 },
  r7g: { large: 0.1071, xlarge: 0.2142 },
  r8g: { large: 0.11782, xlarge: 0.23564 },
  r6i: { large: 0.126 },
  r7i: { large: 0.1323 },
};

/** EC2 Linux on-demand instance-hour prices in us-east-1, by instance type (`t4g.medium`). */
export const US_EAST_1_EC2: Readonly<Record<string, Price>> = Object.fromEntries(
  Object.entries(FAMILIES).flatMap(([family, sizes]) =>
    Object.entries(sizes).map(([size, usd]): [string, Price] => [`${family}.${size}`, listed(usd)]),
  ),
);
