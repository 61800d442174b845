import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/service-config.js';
import { trustedAuthorities } from '../src/db/pool.js';
import { bundleCovers, RDS_CA, rdsCaRegions, rdsEndpoint } from '../src/db/rds-ca.js';

// The Amazon RDS certificate authorities the service trusts for RDS endpoints, and how a host name
// is recognised as one.
describe('the bundled RDS certificates', () => {
  it('are certificate authorities, with current roots for the regions Slipway deploys to', () => {
    const certificates = RDS_CA.map((pem) => new X509Certificate(pem));
    expect(certificates.length).toBeGreaterThan(50);
    for (const certificate of certificates) expect(certificate.ca, certificate.subject).toBe(true);
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']) {
      const roots = certificates.filter((c) =>
        c.subject.includes(`CN=Amazon RDS ${region} Root CA RSA2048 G1`),
      );
      expect(roots, region).toHaveLength(1);
      expect(new Date(roots[0]!.validTo).getTime()).toBeGreaterThan(Date.now());
      expect(rdsCaRegions().has(region)).toBe(true);
    }
  });

  it('include the Amazon roots that RDS Proxy certificates chain to', () => {
    const subjects = RDS_CA.map((pem) => new X509Certificate(pem).subject);
    expect(subjects).toContainEqual(expect.stringContaining('CN=Amazon Root CA 1'));
  });

  it('are what verify-full trusts on RDS, with DATABASE_SSL_CA and NODE_EXTRA_CA_CERTS added', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slipway-api-ca-'));
    try {
      const [own, extra] = [join(dir, 'own.pem'), join(dir, 'extra.pem')];
      await writeFile(own, 'own authority');
      await writeFile(extra, 'extra authority');
      const env = {
        DATABASE_URL: 'postgres://app:pw@shop.c9akciq32.eu-west-1.rds.amazonaws.com/shop',
        DATABASE_SSL_CA: own,
        NODE_EXTRA_CA_CERTS: extra,
      };
      expect(trustedAuthorities(loadConfig(env).database)).toEqual([
        ...RDS_CA,
        'own authority',
        'extra authority',
      ]);
      // Elsewhere only the named file replaces the system store; NODE_EXTRA_CA_CERTS is Node's own.
      const elsewhere = {
        ...env,
        DATABASE_URL: 'postgres://app:pw@db.internal/shop',
        DATABASE_SSL: 'verify-full',
      };
      expect(trustedAuthorities(loadConfig(elsewhere).database)).toEqual(['own authority']);
      const { DATABASE_SSL_CA: _, ...systemStore } = elsewhere;
      expect(trustedAuthorities(loadConfig(systemStore).database)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('RDS endpoints', () => {
  it.each([
    ['shop.c9akciq32.eu-west-1.rds.amazonaws.com', 'eu-west-1', true],
    ['shop.cluster-ro-c9akciq32.us-east-2.rds.amazonaws.com', 'us-east-2', true],
    ['shop.c9akciq32.rds.cn-north-1.amazonaws.com.cn', 'cn-north-1', false],
    ['shop.cluster-c9akciq32.cn-northwest-1.rds.amazonaws.com.cn', 'cn-northwest-1', false],
    ['shop.c9akciq32.rds.us-gov-west-1.amazonaws.com', 'us-gov-west-1', false],
  ])('reads %s as in %s (bundle covers it: %s)', (host, region, covered) => {
    const endpoint = rdsEndpoint(host);
    expect(endpoint?.region).toBe(region);
    expect(bundleCovers(endpoint!)).toBe(covered);
  });

  it('counts a proxy outside China as covered in any region: its certificate is from ACM', () => {
    const endpoint = rdsEndpoint('shop.proxy-c9akciq32.us-gov-east-1.rds.amazonaws.com');
    expect(endpoint).toMatchObject({ proxy: true, region: 'us-gov-east-1' });
    expect(bundleCovers(endpoint!)).toBe(true);
  });

  it('does not take other hosts for RDS', () => {
    for (const host of [
      'db.internal',
      'localhost',
      '10.0.0.12',
      'rds.amazonaws.com.example.org',
      'myrds.amazonaws.com',
    ])
      expect(rdsEndpoint(host), host).toBeUndefined();
  });
});
