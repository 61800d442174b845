import { describe, expect, it } from 'vitest';
import { deployedIngress, ingressSwitchOf } from '../../src/deploy/ingress-switch.js';
import type { CfnTemplate } from '../../src/template/types.js';

const runtimeWith = (...types: string[]): CfnTemplate => ({
  Resources: Object.fromEntries(types.map((type, i) => [`R${i}`, { Type: type }])),
});
const balancer = runtimeWith('AWS::ECS::Cluster', 'AWS::ElasticLoadBalancingV2::LoadBalancer');
const api = runtimeWith('AWS::ECS::Cluster', 'AWS::ApiGatewayV2::Api');
const exposed = [{ public: true }, { public: false }] as const;

describe('ingress switch', () => {
  it('reads the deployed ingress from the runtime template, and none from a template without one', () => {
    expect(deployedIngress(balancer)).toBe('load-balancer');
    expect(deployedIngress(api)).toBe('http-api');
    expect(deployedIngress(runtimeWith('AWS::ECS::Cluster'))).toBeUndefined();
    expect(deployedIngress(undefined)).toBeUndefined();
  });

  it('is a switch only when a deployed ingress differs from the planned one of an ECS environment with a public service', () => {
    const env = { runtime: 'ecs' as const, ingress: 'http-api' as const, services: exposed };
    expect(ingressSwitchOf(env as never, balancer)).toEqual({ from: 'load-balancer', to: 'http-api' });
    expect(ingressSwitchOf(env as never, api)).toBeUndefined();
    expect(ingressSwitchOf(env as never, undefined)).toBeUndefined();
    expect(ingressSwitchOf({ ...env, services: [{ public: false }] } as never, balancer)).toBeUndefined();
    expect(ingressSwitchOf({ ...env, runtime: 'eks' } as never, balancer)).toBeUndefined();
  });
});
