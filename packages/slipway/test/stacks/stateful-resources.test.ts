import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { STATEFUL_RESOURCE_TYPES, statefulResources } from '../../src/stacks/shared/stateful-resources.js';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

interface PinnedStack {
  readonly kind: string;
  readonly resources: Record<string, string>;
}

interface PinnedFile {
  readonly types: string[];
  readonly fixtures: Record<string, Record<string, PinnedStack>>;
}

const pinned = JSON.parse(
  readFileSync(new URL('../../stateful-resources.json', import.meta.url), 'utf8'),
) as PinnedFile;

const fixtures: Record<string, () => AppModel> = { devFloorModel, megadollsLikeModel };

/**
 * SECURITY.md 30: a stateful resource whose logical id changes is replaced by CloudFormation. The
 * committed list is the contract; this fails on any rename, addition or removal.
 */
describe('stateful-resources.json', () => {
  it('covers the same resource types the kit treats as stateful', () => {
    expect(pinned.types).toEqual([...STATEFUL_RESOURCE_TYPES]);
  });

  it('lists every fixture model', () => {
    expect(Object.keys(pinned.fixtures).sort()).toEqual(Object.keys(fixtures).sort());
  });

  describe.each(Object.entries(fixtures))('%s', (name, model) => {
    let fx: FixtureApp;
    beforeAll(() => {
      fx = fixtureApp(model());
    });
    afterAll(() => fx.dispose());

    it('synthesizes exactly the pinned stateful logical ids, stack by stack', () => {
      const actual = Object.fromEntries(
        fx.synthesized.map((s, i) => [
          s.name,
          { kind: fx.built.stacks[i]?.kind, resources: statefulResources(s.template) },
        ]),
      );
      const expected = pinned.fixtures[name];
      // On failure, the received block is what the file would need; change it only with a migration plan.
      expect(actual).toEqual(expected);
    });
  });
});
