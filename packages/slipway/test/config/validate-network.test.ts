import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { expectIssue, validConfig } from './fixtures.js';

describe('network', () => {
  it('rejects a CIDR too small for one public and one private subnet per zone, with both ways out', () => {
    const config = validConfig();
    config.environments.dev!.network = { cidr: '10.0.0.0/22', subnetMask: 24 };
    expectIssue(config, 'environments.dev.network.cidr', {
      message: [
        '10.0.0.0/22 has room for 4 /24 subnet(s)',
        '3 zones × 2 subnet types (public, private) need 6',
      ],
      fix: ["a /21 block (cidr '10.0.0.0/21')", 'subnetMask 25'],
    });
  });

  it('accepts the smallest CIDR that fits', () => {
    const config = validConfig();
    config.environments.dev!.network = { cidr: '10.0.0.0/21', subnetMask: 24 };
    expect(resolveConfig(config).environments[0]!.network.cidr).toBe('10.0.0.0/21');
  });

  it('rejects a VPC CIDR overlapping a declared peer network', () => {
    const config = validConfig();
    config.environments.prod!.network = {
      cidr: '10.0.0.0/16',
      peerCidrs: ['172.16.0.0/12', '10.0.128.0/17'],
    };
    expectIssue(config, 'environments.prod.network.cidr', {
      message: ['10.0.0.0/16 overlaps the peer network 10.0.128.0/17 (network.peerCidrs[1])'],
      fix: ['outside every peer range'],
    });
  });

  it('rejects a malformed or misaligned CIDR and names the aligned block', () => {
    const config = validConfig();
    config.environments.dev!.network = { cidr: '10.0.1.0/16' };
    expectIssue(config, 'environments.dev.network.cidr', {
      message: ["'10.0.1.0/16' has host bits set; the block starts at 10.0.0.0/16"],
      fix: ["'10.0.0.0/16'"],
    });
    config.environments.dev!.network = { cidr: '10.0.0/16' };
    expectIssue(config, 'environments.dev.network.cidr', {
      message: ['is not an IPv4 CIDR block'],
      fix: ["'10.0.0.0/16'"],
    });
  });

  it('rejects a VPC larger than /16', () => {
    const config = validConfig();
    config.environments.dev!.network = { cidr: '10.0.0.0/8' };
    expectIssue(config, 'environments.dev.network.cidr', {
      message: ['/8 is outside the /16–/28'],
      fix: ['between /16 and /28'],
    });
  });

  it('rejects subnets larger than the VPC', () => {
    const config = validConfig();
    config.environments.dev!.network = { cidr: '10.0.0.0/20', subnetMask: 18 };
    expectIssue(config, 'environments.dev.network.subnetMask', {
      message: ['/18 subnets do not fit in 10.0.0.0/20'],
      fix: ['between 20 and 28'],
    });
  });

  it('rejects more NAT gateways than zones', () => {
    const config = validConfig();
    config.environments.prod!.network = { natGateways: 4 };
    expectIssue(config, 'environments.prod.network.natGateways', {
      message: ['4 NAT gateways for 3 zones'],
      fix: ['up to 3 (one per zone)'],
    });
  });
});
