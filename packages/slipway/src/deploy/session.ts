import path from 'node:path';
import { BaseCredentials, Toolkit } from '@aws-cdk/toolkit-lib';
import { localCloudStatus, startLocalCloud } from '../local-cloud/launcher.js';
import { DEFAULT_STATE_DIR } from '../local-cloud/state-file.js';
import type { AppModel, EnvironmentModel } from '../model/types.js';
import { type AccountMapping, mapAccountsForLocal } from './account-mapping.js';
import { type SynthesizedApp, synthesizeApp } from './assembly.js';
import { type Connection, LOCAL_CREDENTIALS, withEndpoint } from './connection.js';
import { requireAwsCredentials } from './credentials.js';
import type { DeployEvent } from './deploy-events.js';
import { applyImageTags, type ImageTagOverride } from './image-tags.js';
import { DeployIoHost } from './io-host.js';
import { type CertificateStandIn, standInCertificates } from './local-certificates.js';
import { selectEnvironment } from './select-environment.js';
import { chooseTarget, type DeployTarget } from './target.js';

/** A part of an environment: its layer stacks, or its service stacks. */
export type StackGroup = 'infrastructure' | 'services';

/**
 * Whether a stack of `kind` belongs to `group` (every stack when no group is given). Service stacks
 * are the services; everything else, the monitoring stack included, is infrastructure: it names the
 * service stacks' alarms only by their fixed names and reads nothing they publish, so it deploys
 * with the layers (the only part an EKS environment has) and needs no release to change.
 */
export function inGroup(kind: string, group: StackGroup | undefined): boolean {
  if (group === undefined) return true;
  return group === 'services' ? kind === 'service' : kind !== 'service';
}

/** What deploy, diff and destroy have in common. */
export interface SessionOptions {
  /** `aws` or `local`. @default `aws` when AWS credentials are configured, `local` otherwise */
  readonly target?: DeployTarget;
  /** Image tags that override the model's (`--image-tag [service=]tag`). @default none */
  readonly imageTags?: readonly ImageTagOverride[];
  /** Folder for the emulator's state and the synthesized assembly. @default '.slipway' */
  readonly stateDir?: string;
  /** Told about progress; the CLI prints it on stderr. @default ignored */
  readonly onEvent?: (event: DeployEvent) => void;
}

/** An environment ready to be compared with, deployed to or removed from its target. */
export interface Session {
  /** The whole model (on the local target, in the emulator's account) with this environment's image tags. */
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
  readonly connection: Connection;
  readonly mappings: readonly AccountMapping[];
  /** On the local target: self-signed certificates used for the environment's configured one. */
  readonly certificates: readonly CertificateStandIn[];
  readonly toolkit: Toolkit;
  readonly io: DeployIoHost;
  readonly stateDir: string;
  readonly emit: (event: DeployEvent) => void;
  /** False on the local target when no emulator runs and none was started: nothing is deployed. */
  readonly reachable: boolean;
}

/**
 * Chooses the target, starts the emulator when asked and needed, and maps accounts for it; checks
 * AWS credentials before anything else happens on the AWS target.
 */
export async function openSession(
  model: AppModel,
  envName: string,
  options: SessionOptions,
  startEmulator: boolean,
): Promise<Session> {
  // The SDK warns on every run that its releases from 2027 need Node 22; Slipway pins its SDK.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const emit = options.onEvent ?? (() => {});
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  const chosen = chooseTarget(options.target);
  // The whole app is built, so the shared stacks (CI, a CodePipeline) see every environment; only
  // this environment's stacks and the shared ones are deployed.
  const tagged = applyImageTags(model, envName, options.imageTags ?? []);
  const selected = { model: tagged, environment: selectEnvironment(tagged, envName).environment };
  const io = new DeployIoHost(emit);

  if (chosen.target === 'aws') {
    emit({ kind: 'target', target: 'aws', reason: chosen.reason });
    await requireAwsCredentials(selected.environment.region);
    return {
      ...selected,
      connection: { target: 'aws' },
      mappings: [],
      certificates: [],
      toolkit: new Toolkit({ ioHost: io, color: false, emojis: false }),
      io,
      stateDir,
      emit,
      reachable: true,
    };
  }

  let endpoint = (await localCloudStatus({ stateDir })).endpoint;
  if (!endpoint && startEmulator) {
    const started = await startLocalCloud({ stateDir });
    endpoint = started.endpoint;
    emit({ kind: 'emulator-started', endpoint, motoVersion: started.motoVersion });
  }
  emit({ kind: 'target', target: 'local', reason: chosen.reason, endpoint });
  const mapped = mapAccountsForLocal(selected.model);
  if (mapped.mappings.length > 0) emit({ kind: 'accounts-mapped', mappings: mapped.mappings });
  // Commands that may start the emulator deploy; only they import a stand-in certificate.
  const certified = endpoint
    ? await standInCertificates(mapped.model, envName, endpoint, startEmulator)
    : { model: mapped.model, standIns: [] };
  for (const standIn of certified.standIns) emit({ kind: 'certificate-stand-in', standIn });
  const environment = certified.model.environments.find((e) => e.name === envName) ?? selected.environment;
  const toolkit = new Toolkit({
    ioHost: io,
    color: false,
    emojis: false,
    sdkConfig: {
      baseCredentials: BaseCredentials.custom({
        provider: async () => LOCAL_CREDENTIALS,
        region: environment.region,
      }),
    },
  });
  return {
    model: certified.model,
    environment,
    connection: { target: 'local', endpoint },
    mappings: mapped.mappings,
    certificates: certified.standIns,
    toolkit,
    io,
    stateDir,
    emit,
    reachable: endpoint !== undefined,
  };
}

/**
 * Synthesizes the session's model into `outdir` (`<stateDir>/assembly/<env>` by default); keeps
 * this environment's stacks and the shared ones (no environment), in deploy order.
 */
export async function synthesize(
  session: Session,
  options: { readonly checks?: boolean; readonly outdir?: string } = {},
): Promise<SynthesizedApp> {
  const outdir = options.outdir ?? path.join(session.stateDir, 'assembly', session.environment.name);
  const app = await withEndpoint(session.connection, () =>
    synthesizeApp(session.toolkit, session.model, outdir, { checks: options.checks }),
  );
  const stacks = app.stacks.filter(
    (s) => s.environment === undefined || s.environment === session.environment.name,
  );
  session.emit({ kind: 'synth', stacks: stacks.length });
  return { ...app, stacks };
}
