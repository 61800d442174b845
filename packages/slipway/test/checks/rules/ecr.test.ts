import { describe, expect, it } from 'vitest';
import { ecrImmutableTags } from '../../../src/checks/rules/ecr/immutable-tags.js';
import { ecrLifecyclePolicy } from '../../../src/checks/rules/ecr/lifecycle-policy.js';
import { ecrNoPublicPrincipal } from '../../../src/checks/rules/ecr/no-public-principal.js';
import { ecrScanOnPush } from '../../../src/checks/rules/ecr/scan-on-push.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

function repository(properties: Record<string, unknown> = {}): CfnResource {
  return { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'shop/web', ...properties } };
}

describe('Slipway-ECR1 scan on push', () => {
  it('accepts a repository that scans on push', () => {
    const result = checkRule(ecrScanOnPush, repository({ ImageScanningConfiguration: { ScanOnPush: true } }));
    expect(result).toBe('compliant');
  });

  it('rejects a repository that does not', () => {
    expect(checkRule(ecrScanOnPush, repository())).toBe('non-compliant');
  });
});

describe('Slipway-ECR2 immutable tags', () => {
  it('accepts IMMUTABLE', () => {
    expect(checkRule(ecrImmutableTags, repository({ ImageTagMutability: 'IMMUTABLE' }))).toBe('compliant');
  });

  it('accepts IMMUTABLE_WITH_EXCLUSION for named moving tags', () => {
    const result = checkRule(
      ecrImmutableTags,
      repository({
        ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        ImageTagMutabilityExclusionFilters: [
          {
            ImageTagMutabilityExclusionFilterType: 'WILDCARD',
            ImageTagMutabilityExclusionFilterValue: 'latest',
          },
        ],
      }),
    );
    expect(result).toBe('compliant');
  });

  it('rejects the default, MUTABLE', () => {
    expect(checkRule(ecrImmutableTags, repository())).toEqual({
      detail: 'ImageTagMutability is unset (MUTABLE)',
    });
  });

  it('rejects an exclusion that exempts every tag', () => {
    const result = checkRule(
      ecrImmutableTags,
      repository({
        ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        ImageTagMutabilityExclusionFilters: [
          { ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: '*' },
        ],
      }),
    );
    expect(result).toEqual({ detail: expect.stringContaining('every tag mutable') });
  });
});

describe('Slipway-ECR3 lifecycle policy', () => {
  it('accepts a lifecycle policy with rules', () => {
    const text = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 60 },
          action: { type: 'expire' },
        },
      ],
    });
    expect(
      checkRule(ecrLifecyclePolicy, repository({ LifecyclePolicy: { LifecyclePolicyText: text } })),
    ).toBe('compliant');
  });

  it('rejects a repository without one', () => {
    expect(checkRule(ecrLifecyclePolicy, repository())).toBe('non-compliant');
  });

  it('rejects a policy with no rules', () => {
    const result = checkRule(
      ecrLifecyclePolicy,
      repository({ LifecyclePolicy: { LifecyclePolicyText: '{"rules":[]}' } }),
    );
    expect(result).toBe('non-compliant');
  });
});

describe('Slipway-ECR4 no public principal', () => {
  it('accepts a policy naming an account', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Pull',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:root' },
          Action: 'ecr:BatchGetImage',
        },
      ],
    };
    expect(checkRule(ecrNoPublicPrincipal, repository({ RepositoryPolicyText: policy }))).toBe('compliant');
  });

  it('rejects a policy open to everyone, also when written as JSON text', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'ecr:BatchGetImage' }],
    });
    expect(checkRule(ecrNoPublicPrincipal, repository({ RepositoryPolicyText: policy }))).toEqual({
      detail: 'statement Anyone allows everyone',
    });
  });
});
