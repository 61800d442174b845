import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { EdgeConfig, SlipwayConfig } from '../../src/config/schema.js';
import { expectIssue, validConfig } from './fixtures.js';

/** The valid fixture with an edge in front of prod (previews copy dev, so they stay reachable). */
function withEdge(edge: EdgeConfig = { cloudfront: true }): SlipwayConfig {
  const config = validConfig();
  config.environments['prod']!.edge = edge;
  return config;
}

const CERTIFICATE = 'arn:aws:acm:us-east-1:222222222222:certificate/11111111-2222-3333-4444-555555555555';

describe('edge', () => {
  it('resolves the defaults: PriceClass_100, no WAF, nothing cached; WAF true takes three groups and 2,000 per IP', () => {
    const edgeOf = (config: SlipwayConfig) =>
      resolveConfig(config).environments.find((e) => e.name === 'prod')?.edge;
    expect(edgeOf(withEdge())).toEqual({ priceClass: 'PriceClass_100', cachedPaths: [] });
    expect(edgeOf(withEdge({ cloudfront: true, waf: true }))?.waf).toEqual({
      managedRules: ['common', 'known-bad-inputs', 'ip-reputation'],
      rateLimit: 2000,
    });
    expect(edgeOf(withEdge({ cloudfront: true, waf: { rateLimit: 0 } }))?.waf).toEqual({
      managedRules: ['common', 'known-bad-inputs', 'ip-reputation'],
    });
    expect(edgeOf(withEdge({ cloudfront: false, waf: true }))).toBeUndefined();
    const model = resolveConfig(withEdge());
    expect(model.environments.find((e) => e.name === 'prod')?.stackNames.edge).toBe('shop-prod-edge');
    expect(model.environments.find((e) => e.name === 'dev')?.stackNames.edge).toBeUndefined();
  });

  it('refuses a certificate outside us-east-1, naming where it is and where it must be', () => {
    expectIssue(
      withEdge({
        cloudfront: true,
        domain: { name: 'shop.example.com', certificateArn: CERTIFICATE.replace('us-east-1', 'eu-west-1') },
      }),
      'environments.prod.edge.domain.certificateArn',
      { message: ['eu-west-1', 'us-east-1'], fix: ['us-east-1'] },
    );
    expectIssue(
      withEdge({ cloudfront: true, domain: { name: 'Shop Example', certificateArn: CERTIFICATE } }),
      'environments.prod.edge.domain.name',
      { message: ['not a host name'], fix: ['shop.example.com'] },
    );
  });

  it("refuses the environment's own domain beside an edge, pointing at edge.domain", () => {
    const config = withEdge();
    config.environments['prod']!.domain = {
      name: 'shop.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:222222222222:certificate/abc',
    };
    expectIssue(config, 'environments.prod.domain', { message: ['internal'], fix: ['edge.domain'] });
  });

  it('refuses an edge with nothing public to serve', () => {
    const config = withEdge();
    config.services!['web']!.public = false;
    expectIssue(config, 'environments.prod.edge', { message: ['no public service'], fix: ['public'] });
  });

  it('refuses an edge on the environment previews copy', () => {
    const config = validConfig();
    config.environments['dev']!.edge = { cloudfront: true };
    expectIssue(config, 'environments.dev.edge', {
      message: ['previews', 'internal'],
      fix: ['previewBranches'],
    });
    config.delivery = { previewBranches: [] };
    expect(() => resolveConfig(config)).not.toThrow();
  });

  it('refuses an edge on EKS', () => {
    const config = withEdge();
    config.environments['prod']!.runtime = 'eks';
    expectIssue(config, 'environments.prod.edge', { message: ['EKS'], fix: ['ECS'] });
  });

  it('refuses caching every path, a malformed pattern and a TTL over a year', () => {
    expectIssue(withEdge({ cloudfront: true, cache: { '/*': 60 } }), 'environments.prod.edge.cache./*', {
      message: ['APIs'],
      fix: ['/static/*'],
    });
    expectIssue(
      withEdge({ cloudfront: true, cache: { '/static/<x>': 60 } }),
      'environments.prod.edge.cache./static/<x>',
      {
        message: ['not a CloudFront path pattern'],
        fix: ['/static/*'],
      },
    );
    expectIssue(
      withEdge({ cloudfront: true, cache: { '/static/*': 40_000_000 } }),
      'environments.prod.edge.cache./static/*',
      {
        message: ['outside'],
        fix: ['a year'],
      },
    );
  });

  it('refuses a rate limit AWS WAF does not take, a group listed twice and a web ACL with no rule', () => {
    expectIssue(
      withEdge({ cloudfront: true, waf: { rateLimit: 5 } }),
      'environments.prod.edge.waf.rateLimit',
      {
        message: ['outside', '10'],
        fix: ['0 for no rate rule'],
      },
    );
    expectIssue(
      withEdge({ cloudfront: true, waf: { managedRules: ['common', 'linux', 'common'] } }),
      'environments.prod.edge.waf.managedRules',
      { message: ["'common'", 'twice'], fix: ['once'] },
    );
    expectIssue(
      withEdge({ cloudfront: true, waf: { managedRules: [], rateLimit: 0 } }),
      'environments.prod.edge.waf',
      {
        message: ['block nothing'],
        fix: ['rateLimit'],
      },
    );
  });
});
