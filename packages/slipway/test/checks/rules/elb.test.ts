import { describe, expect, it } from 'vitest';
import { elbAccessLogs } from '../../../src/checks/rules/elb/access-logs.js';
import { elbDropInvalidHeaders } from '../../../src/checks/rules/elb/drop-invalid-headers.js';
import { elbHttpRedirectsToHttps } from '../../../src/checks/rules/elb/http-redirects-to-https.js';
import { elbProductionDeletionProtection } from '../../../src/checks/rules/elb/production-deletion-protection.js';
import { elbProductionHttps } from '../../../src/checks/rules/elb/production-https.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

function loadBalancer(attributes: Record<string, string>, type?: string): CfnResource {
  return {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      ...(type === undefined ? {} : { Type: type }),
      LoadBalancerAttributes: Object.entries(attributes).map(([Key, Value]) => ({ Key, Value })),
    },
  };
}

function listener(protocol: string, actions: unknown[]): CfnResource {
  return {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: { Ref: 'Alb' },
      Protocol: protocol,
      Port: protocol === 'HTTP' ? 80 : 443,
      DefaultActions: actions,
    },
  };
}

const redirect = {
  Type: 'redirect',
  RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
};
const forward = { Type: 'forward', TargetGroupArn: { Ref: 'Targets' } };

describe('Slipway-ELB1 drop invalid header fields', () => {
  it('accepts an ALB that drops them', () => {
    const alb = loadBalancer({ 'routing.http.drop_invalid_header_fields.enabled': 'true' });
    expect(checkRule(elbDropInvalidHeaders, alb)).toBe('compliant');
  });

  it('rejects an ALB that passes them on', () => {
    expect(checkRule(elbDropInvalidHeaders, loadBalancer({}))).toBe('non-compliant');
  });

  it('leaves network load balancers alone', () => {
    expect(checkRule(elbDropInvalidHeaders, loadBalancer({}, 'network'))).toBe('not-applicable');
  });
});

describe('Slipway-ELB2 access logs', () => {
  it('accepts an ALB that writes access logs', () => {
    expect(checkRule(elbAccessLogs, loadBalancer({ 'access_logs.s3.enabled': 'true' }))).toBe('compliant');
  });

  it('rejects an ALB with access logs off', () => {
    expect(checkRule(elbAccessLogs, loadBalancer({ 'access_logs.s3.enabled': 'false' }))).toBe(
      'non-compliant',
    );
  });
});

describe('Slipway-ELB3 production deletion protection', () => {
  it('accepts a protected production ALB', () => {
    const alb = loadBalancer({ 'deletion_protection.enabled': 'true' });
    expect(checkRule(elbProductionDeletionProtection, alb, { production: true })).toBe('compliant');
  });

  it('rejects an unprotected production ALB', () => {
    const alb = loadBalancer({ 'deletion_protection.enabled': 'false' });
    expect(checkRule(elbProductionDeletionProtection, alb, { production: true })).toBe('non-compliant');
  });

  it('does not require it outside production', () => {
    expect(checkRule(elbProductionDeletionProtection, loadBalancer({}))).toBe('not-applicable');
  });
});

describe('Slipway-ELB4 HTTP only redirects when HTTPS exists', () => {
  const others = { Alb: loadBalancer({}), Https: listener('HTTPS', [forward]) };

  it('accepts an HTTP listener that redirects to HTTPS', () => {
    expect(checkRule(elbHttpRedirectsToHttps, listener('HTTP', [redirect]), { others })).toBe('compliant');
  });

  it('rejects an HTTP listener that forwards while HTTPS exists', () => {
    expect(checkRule(elbHttpRedirectsToHttps, listener('HTTP', [forward]), { others })).toEqual({
      detail: 'its default action does not redirect to HTTPS',
    });
  });

  it('rejects a rule that forwards plain HTTP on the redirecting listener', () => {
    const rule = {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: { ListenerArn: { Ref: 'Subject' }, Priority: 10, Actions: [forward], Conditions: [] },
    };
    const result = checkRule(elbHttpRedirectsToHttps, listener('HTTP', [redirect]), {
      others: { ...others, Api: rule },
    });
    expect(result).toEqual({ detail: 'listener rule Api serves plain HTTP' });
  });

  it('lets HTTP serve when there is no certificate (no HTTPS listener)', () => {
    const result = checkRule(elbHttpRedirectsToHttps, listener('HTTP', [forward]), {
      others: { Alb: loadBalancer({}) },
    });
    expect(result).toBe('not-applicable');
  });
});

describe('Slipway-ELB5 production serves HTTPS', () => {
  const on = (protocol: string): CfnResource => ({
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: { LoadBalancerArn: { Ref: 'Subject' }, Protocol: protocol, DefaultActions: [forward] },
  });

  it('accepts a production ALB with an HTTPS listener', () => {
    const others = { Http: on('HTTP'), Https: on('HTTPS') };
    expect(checkRule(elbProductionHttps, loadBalancer({}), { production: true, others })).toBe('compliant');
  });

  it('rejects a production ALB that only serves HTTP', () => {
    const others = { Http: on('HTTP') };
    expect(checkRule(elbProductionHttps, loadBalancer({}), { production: true, others })).toBe(
      'non-compliant',
    );
  });

  it('lets dev serve plain HTTP, and leaves internal load balancers alone', () => {
    expect(checkRule(elbProductionHttps, loadBalancer({}), { others: { Http: on('HTTP') } })).toBe(
      'not-applicable',
    );
    const internal: CfnResource = {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: { Scheme: 'internal' },
    };
    expect(checkRule(elbProductionHttps, internal, { production: true })).toBe('not-applicable');
  });
});
