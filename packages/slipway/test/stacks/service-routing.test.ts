import { afterAll, describe, expect, it } from 'vitest';
import type { AppModel, ServiceModel } from '../../src/model/types.js';
import { devFloorModel, stackNamesFor } from '../fixtures/models.js';
import { fixtureApp, onlyResource } from './fixture-app.js';

/** The floor model with a catch-all `api` listed before a sticky, more specific `admin`. */
function twoServiceModel(): AppModel {
  const base = devFloorModel();
  const env = base.environments[0]!;
  const api = env.services[0]!;
  const admin: ServiceModel = {
    ...api,
    name: 'admin',
    paths: ['/admin/*'],
    stickySessions: true,
    secrets: {},
  };
  const services = [api, admin];
  return {
    ...base,
    environments: [{ ...env, services, stackNames: stackNamesFor(base.app, env.name, services) }],
  };
}

describe('service routing on the shared load balancer', () => {
  const fx = fixtureApp(twoServiceModel());
  afterAll(() => fx.dispose());

  const rule = (stack: string) =>
    onlyResource(fx.template(stack).findResources('AWS::ElasticLoadBalancingV2::ListenerRule'));
  const targetGroupAttributes = (stack: string) =>
    onlyResource(fx.template(stack).findResources('AWS::ElasticLoadBalancingV2::TargetGroup')).Properties
      .TargetGroupAttributes as { Key: string; Value: string }[];

  it('matches the more specific path first, whatever order the config lists the services in', () => {
    const admin = rule('floor-dev-admin').Properties.Priority as number;
    const api = rule('floor-dev-api').Properties.Priority as number;
    expect(admin).toBeLessThan(api);
  });

  it('keeps a sticky service on one task with a load balancer cookie, and others not', () => {
    expect(targetGroupAttributes('floor-dev-admin')).toEqual(
      expect.arrayContaining([
        { Key: 'stickiness.enabled', Value: 'true' },
        { Key: 'stickiness.type', Value: 'lb_cookie' },
      ]),
    );
    expect(targetGroupAttributes('floor-dev-api')).not.toContainEqual({
      Key: 'stickiness.enabled',
      Value: 'true',
    });
  });
});
