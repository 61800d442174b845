import { describe, expect, it } from 'vitest';
import { DeployUsageError } from '../../src/deploy/errors.js';
import { applyImageTags, parseImageTag } from '../../src/deploy/image-tags.js';
import { megadollsLikeModel } from '../fixtures/models.js';

const tags = (model: ReturnType<typeof megadollsLikeModel>, env: string) =>
  Object.fromEntries(
    model.environments.find((e) => e.name === env)?.services.map((s) => [s.name, s.image.tag]) ?? [],
  );

describe('--image-tag', () => {
  it('parses a bare tag and a service=tag pair', () => {
    expect(parseImageTag('1f2e3d4')).toEqual({ tag: '1f2e3d4' });
    expect(parseImageTag('web=1f2e3d4')).toEqual({ service: 'web', tag: '1f2e3d4' });
    expect(() => parseImageTag('web=')).toThrow(/--image-tag web=: expected <tag> or <service>=<tag>/);
  });

  it('sets one service, all services, and lets the per-service form win over the bare one', () => {
    const model = megadollsLikeModel();
    expect(tags(applyImageTags(model, 'dev', [{ service: 'web', tag: 'abc' }]), 'dev')).toEqual({
      ...tags(model, 'dev'),
      web: 'abc',
    });
    const both = applyImageTags(model, 'dev', [{ service: 'web', tag: 'abc' }, { tag: 'all' }]);
    expect(tags(both, 'dev')).toEqual({ pgadmin: 'all', web: 'abc', worker: 'all' });
    // Other environments keep the config's tags.
    expect(tags(both, 'prod')).toEqual(tags(model, 'prod'));
  });

  it('names an unknown service and lists the real ones', () => {
    const error = (() => {
      try {
        applyImageTags(megadollsLikeModel(), 'dev', [{ service: 'wbe', tag: 'abc' }]);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(DeployUsageError);
    expect(error?.message).toBe(
      "--image-tag wbe=abc: dev has no service 'wbe'. Fix: use one of pgadmin, web, worker.",
    );
  });

  it('refuses a tag ECR would refuse, saying what a tag may contain', () => {
    expect(() => applyImageTags(megadollsLikeModel(), 'dev', [{ tag: '-bad' }])).toThrow(
      /--image-tag: '-bad' is not a valid image tag\. Fix: use up to 128 letters/,
    );
  });
});
