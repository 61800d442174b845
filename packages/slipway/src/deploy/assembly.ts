import { rmSync } from 'node:fs';
import path from 'node:path';
import { type CachedCloudAssembly, MemoryContext, type Toolkit } from '@aws-cdk/toolkit-lib';
import type { AppModel } from '../model/types.js';
import type { CfnTemplate, SynthesizedStack } from '../template/types.js';
import { appContext } from '../stacks/app-context.js';
import { buildApp, type SlipwayApp, type StackKind } from '../stacks/build-app.js';
import { collectFindings } from '../checks/collect-findings.js';
import type { Finding } from '../checks/finding.js';
import { prepareChecks } from '../checks/prepare-checks.js';

/** One stack of the synthesized app, as the deployer needs it. */
export interface PlannedStack {
  readonly name: string;
  readonly kind: StackKind;
  /** Environment name; undefined for the account-level CI stack. */
  readonly environment?: string;
  readonly account: string;
  readonly region: string;
  readonly template: CfnTemplate;
  readonly terminationProtection: boolean;
}

/** The synthesized app: toolkit-lib's assembly (dispose it when done) and its stacks in deploy order. */
export interface SynthesizedApp {
  readonly assembly: CachedCloudAssembly;
  readonly stacks: readonly PlannedStack[];
  /** The security checks' findings on these templates, when asked for (`checks: true`). */
  readonly findings: readonly Finding[];
}

export interface SynthesizeOptions {
  /** Run the plan's security checks on the same synth. @default false */
  readonly checks?: boolean;
  readonly build?: (model: AppModel, options: { outdir: string }) => SlipwayApp;
}

/**
 * Synthesizes the model through toolkit-lib, in process and offline: no context lookups, no
 * default-environment lookup, and a context store holding the availability zones every stack
 * needs (stacks have explicit environments, which otherwise make CDK look them up).
 */
export async function synthesizeApp(
  toolkit: Toolkit,
  model: AppModel,
  outdir: string,
  options: SynthesizeOptions = {},
): Promise<SynthesizedApp> {
  const build = options.build ?? buildApp;
  const dir = path.resolve(outdir);
  rmSync(dir, { recursive: true, force: true });
  let built: SlipwayApp | undefined;
  let thrown: { readonly error: unknown } | undefined;
  const source = await toolkit.fromAssemblyBuilder(
    async ({ outdir: into }) => {
      try {
        built = build(model, { outdir: into ?? dir });
        if (options.checks) prepareChecks(built.app, model);
        return built.app.synth();
      } catch (error) {
        thrown = { error };
        throw error;
      }
    },
    {
      outdir: dir,
      contextStore: new MemoryContext(appContext(model)),
      lookups: false,
      resolveDefaultEnvironment: false,
      // buildApp creates its own App with the context above; nothing goes through process.env.
      clobberEnv: false,
    },
  );
  const assembly = await toolkit.synth(source).catch((error: unknown) => {
    // toolkit-lib wraps whatever the builder throws in "Assembly builder failed"; the original (a
    // ConfigError naming the field and the fix, an acknowledgement error, a bug's stack) is what
    // the user needs, and what the CLI knows how to report.
    throw thrown ? thrown.error : error;
  });
  if (!built) throw new Error('toolkit-lib did not run the assembly builder');
  const app = built;
  const stacks = built.stacks.map(({ stack, kind, environment }) => {
    const artifact = assembly.cloudAssembly.getStackByName(stack.stackName);
    return {
      name: stack.stackName,
      kind,
      environment,
      account: artifact.environment.account,
      region: artifact.environment.region,
      template: artifact.template as CfnTemplate,
      terminationProtection: artifact.terminationProtection ?? false,
    };
  });
  const findings = options.checks
    ? collectFindings({
        app: app.app,
        stacks: stacks.map((s) => ({
          name: s.name,
          environment: s.environment,
          template: s.template,
          templatePath: path.join(
            assembly.cloudAssembly.directory,
            assembly.cloudAssembly.getStackByName(s.name).templateFile,
          ),
        })),
        model,
        // A deploy synthesizes one environment, so an acknowledgement for another is not stale here.
        allEnvironments: false,
      })
    : [];
  return { assembly, stacks, findings };
}

/** The app's stacks as the plan's checks and cost read them: each with its template's path in the assembly. */
export function synthesizedStacks(app: SynthesizedApp): SynthesizedStack[] {
  const assembly = app.assembly.cloudAssembly;
  return app.stacks.map((s) => ({
    name: s.name,
    environment: s.environment,
    region: s.region,
    templatePath: path.join(assembly.directory, assembly.getStackByName(s.name).templateFile),
    template: s.template,
  }));
}
