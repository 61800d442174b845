import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { AppModel } from '../../src/model/types.js';
import type { CfnResource, SynthesizedStack } from '../../src/template/types.js';
import { buildApp, type SlipwayApp } from '../../src/stacks/build-app.js';
import { synthesize } from '../../src/stacks/synthesize.js';

/** A fixture model built and synthesized once, for a whole describe block. */
export interface FixtureApp {
  readonly built: SlipwayApp;
  readonly synthesized: readonly SynthesizedStack[];
  /** The stack named `name`; fails the test when there is none. */
  stack(name: string): Stack;
  /** Assertions over the named stack's template. */
  template(name: string): Template;
  /** Every resource of every template, with the stack it is in. */
  resources(): { stack: string; id: string; resource: CfnResource }[];
  /** Removes the assembly directory. */
  dispose(): void;
}

export function fixtureApp(model: AppModel): FixtureApp {
  const outdir = mkdtempSync(join(tmpdir(), `slipway-${model.app}-`));
  const built = buildApp(model, { outdir });
  const synthesized = synthesize(built);
  const templates = new Map<string, Template>();
  const stack = (name: string): Stack => {
    const found = built.stacks.find((s) => s.stack.stackName === name);
    if (!found)
      throw new Error(`no stack ${name}; have ${built.stacks.map((s) => s.stack.stackName).join(', ')}`);
    return found.stack;
  };
  return {
    built,
    synthesized,
    stack,
    template(name) {
      const cached = templates.get(name) ?? Template.fromStack(stack(name));
      templates.set(name, cached);
      return cached;
    },
    resources() {
      return synthesized.flatMap((s) =>
        Object.entries(s.template.Resources ?? {}).map(([id, resource]) => ({ stack: s.name, id, resource })),
      );
    },
    dispose() {
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

/** Builds (without synthesizing) into a throwaway directory: for tests of build-time errors. */
export function buildOnly(model: AppModel): SlipwayApp {
  const outdir = mkdtempSync(join(tmpdir(), `slipway-build-${model.app}-`));
  try {
    return buildApp(model, { outdir });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The one resource of a `findResources` result; fails when there are none or several. */
export function onlyResource<T>(found: Record<string, T>): T {
  const all = Object.values(found);
  if (all.length !== 1) throw new Error(`expected exactly one resource, found ${all.length}`);
  return all[0] as T;
}
