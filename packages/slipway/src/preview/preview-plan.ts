import { createHash } from 'node:crypto';
import type { AppModel, DatabaseModel, EnvironmentModel, ServiceModel } from '../model/types.js';
import {
  previewDatabaseName,
  previewRoleName,
  previewRoutePrefix,
  previewSlug,
  previewStackName,
} from '../naming/preview-names.js';
import { previewRepositoryName } from '../stacks/shared/resource-names.js';
import { PreviewError } from './errors.js';

/** Listener ports previews take on the shared load balancer; 999 previews at most per environment. */
export const PREVIEW_PORTS = { first: 9001, last: 9999 } as const;

/** One preview as it will be deployed. */
export interface PreviewPlan {
  readonly app: string;
  /** The branch as given. */
  readonly branch: string;
  readonly slug: string;
  readonly stackName: string;
  /** The preview's own listener port on the copied environment's load balancer (`ingress: 'load-balancer'`). */
  readonly port: number;
  /** The preview's path prefix on the copied environment's HTTP API (`ingress: 'http-api'`): `/pr-<slug>`. */
  readonly routePrefix: string;
  /** ISO time of the first `preview up`; kept across later ones. */
  readonly createdAt: string;
  /** The environment copied; its SSM parameters describe everything the preview shares. */
  readonly source: EnvironmentModel;
  /**
   * The source environment as the preview runs it: every service on Fargate Spot with one task and
   * a plain rolling deploy, every database renamed to the preview's own database and role.
   */
  readonly environment: EnvironmentModel;
  /** The databases the preview's services use, each with the preview's own names. */
  readonly databases: readonly PreviewDatabase[];
}

export interface PreviewDatabase {
  /** The declared database (`main`) whose instance holds the preview's database. */
  readonly name: string;
  readonly databaseName: string;
  readonly roleName: string;
}

export interface PreviewPlanInput {
  readonly branch: string;
  /** Ports other previews of the app hold. @default none */
  readonly takenPorts?: ReadonlySet<number>;
  /**
   * The preview as deployed, when it is: its port and creation time stay; its slug, read back from
   * its tags, wins over the branch (the branch tag may have lost characters tags refuse).
   */
  readonly existing?: { readonly port: number; readonly createdAt: string; readonly slug?: string };
  /** @default now */
  readonly now?: Date;
  /**
   * Run images from the preview repositories (`<repository>-preview`), where the preview workflow
   * pushes the branch's builds, instead of the environment's. @default false
   */
  readonly branchImages?: boolean;
}

/** The environment previews copy, or an error saying how to turn previews on. */
export function previewSource(model: AppModel): EnvironmentModel {
  const name = model.delivery?.preview?.environment;
  const source = model.environments.find((e) => e.name === name);
  if (!source) {
    throw new PreviewError(
      'delivery.previewBranches',
      'previews are off for this app (no branches, or no non-production environment to copy)',
      "Set delivery.previewBranches (e.g. ['feat/*']) and declare a non-production environment.",
    );
  }
  return source;
}

/** Plans a branch's preview: names, port and the copied environment. */
export function planPreview(model: AppModel, input: PreviewPlanInput): PreviewPlan {
  const source = previewSource(model);
  const slug = input.existing?.slug ?? previewSlug(input.branch);
  const stackName = previewStackName(model.app, slug);
  const used = new Set(source.services.flatMap((s) => (s.database === undefined ? [] : [s.database])));
  const databases = source.databases
    .filter((d) => used.has(d.name))
    .map((d) => ({
      name: d.name,
      databaseName: previewDatabaseName(d.databaseName, slug),
      roleName: previewRoleName(d.appUsername, slug),
    }));
  const environment: EnvironmentModel = {
    ...source,
    capacity: 'spot',
    services: source.services.map((s) => previewService(s, input.branchImages ?? false)),
    databases: source.databases.map((d) => renamed(d, databases)),
    stackNames: {
      ...source.stackNames,
      services: Object.fromEntries(source.services.map((s) => [s.name, `${stackName}-${s.name}`])),
    },
  };
  return {
    app: model.app,
    branch: input.branch,
    slug,
    stackName,
    port: input.existing?.port ?? choosePort(slug, input.takenPorts ?? new Set()),
    routePrefix: previewRoutePrefix(slug),
    createdAt: input.existing?.createdAt ?? (input.now ?? new Date()).toISOString(),
    source,
    environment,
    databases,
  };
}

/**
 * A preview runs the cheapest way the service can: one Spot task, no scaling, a plain rolling
 * deploy; with branch images, from the service's preview repository.
 */
function previewService(service: ServiceModel, branchImages: boolean): ServiceModel {
  return {
    ...service,
    image: branchImages
      ? { ...service.image, repository: previewRepositoryName(service.image.repository) }
      : service.image,
    capacity: 'spot',
    desiredCount: 1,
    minCount: 1,
    maxCount: 1,
    scaling: {},
    deployment: { strategy: 'rolling' },
  };
}

function renamed(database: DatabaseModel, previews: readonly PreviewDatabase[]): DatabaseModel {
  const preview = previews.find((p) => p.name === database.name);
  return preview
    ? { ...database, databaseName: preview.databaseName, appUsername: preview.roleName }
    : database;
}

/**
 * The slug's own port when free (the same branch lands on the same port in every account), else
 * the next free one after it, wrapping around the range.
 */
export function choosePort(slug: string, taken: ReadonlySet<number>): number {
  const size = PREVIEW_PORTS.last - PREVIEW_PORTS.first + 1;
  const start = Number.parseInt(createHash('sha256').update(slug).digest('hex').slice(0, 8), 16) % size;
  for (let step = 0; step < size; step += 1) {
    const port = PREVIEW_PORTS.first + ((start + step) % size);
    if (!taken.has(port)) return port;
  }
  throw new PreviewError(
    'preview',
    `all ${size} preview ports of the load balancer are taken`,
    'Remove old previews with `slipway preview prune --older-than 3d`.',
  );
}
