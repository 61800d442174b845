import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../config/resolve.js';
import { generateWorkflows } from '../workflows/generate.js';
import { GENERATED_MARKER } from '../workflows/render.js';
import { type FileChange, githubFolders, targetPath, writeGeneratedFiles } from '../workflows/write-files.js';
import { type DetectedService, detectServices, safeName } from './detect-services.js';
import { githubRepository } from './git-remote.js';
import {
  PLACEHOLDER_ACCOUNTS,
  PLACEHOLDER_ALERT_EMAIL,
  renderConfig,
  scaffoldConfig,
} from './scaffold-config.js';

export interface InitOptions {
  /** The repository root. */
  readonly root: string;
  /** Where the config goes, relative to the root. @default 'slipway.config.ts' */
  readonly configFile?: string;
  /** App name. @default the repository's name, else the folder's */
  readonly app?: string;
  /** Replace an existing config and hand-written workflows of the same names. @default false */
  readonly force?: boolean;
}

export interface InitResult {
  readonly app: string;
  readonly configFile: string;
  readonly repository?: string;
  readonly services: readonly DetectedService[];
  /** What happened to each file under `.github`. */
  readonly files: readonly FileChange[];
  /** What the user still has to fill in, one instruction each. */
  readonly todo: readonly string[];
}

/** What the user can fix by running init differently; the message names the flag. */
export class InitError extends Error {
  override readonly name = 'InitError';
}

/**
 * `slipway init`: in an existing repository, one service per Dockerfile (name from its folder,
 * port from `EXPOSE`), the repository from the `origin` remote, placeholder accounts; writes the
 * config and the workflows it calls for. Refuses to replace a config or a hand-written workflow
 * without `force`.
 */
export function initProject(options: InitOptions): InitResult {
  const root = path.resolve(options.root);
  const configFile = path.join(root, options.configFile ?? 'slipway.config.ts');
  if (existsSync(configFile) && !options.force) {
    throw new InitError(
      `${path.relative(process.cwd(), configFile) || configFile} already exists. Fix: edit it, or run slipway init --force to replace it.`,
    );
  }
  const repository = githubRepository(root);
  const app = safeName(options.app ?? repository?.split('/')[1] ?? path.basename(root)) || 'app';
  const services = detectServices(root, app);
  const input = { app, ...(repository === undefined ? {} : { repository }), services };
  // Resolving proves the scaffold is a valid config before anything is written.
  const model = resolveConfig(scaffoldConfig(input));
  const files = generateWorkflows(model, {
    configPath: path.relative(root, configFile).split(path.sep).join('/'),
  });
  const folders = githubFolders(path.join(root, '.github'));
  const clashes = files
    .map((f) => targetPath(folders, f))
    .filter((file) => file.endsWith('.yml') && existsSync(file))
    .filter((file) => !readFileSync(file, 'utf8').startsWith(GENERATED_MARKER));
  if (clashes.length > 0 && !options.force) {
    throw new InitError(
      `${clashes.map((f) => path.relative(root, f)).join(', ')} exist and were not written by Slipway. Fix: rename them, or run slipway init --force to replace them.`,
    );
  }
  writeFileSync(configFile, renderConfig(input));
  const changes = writeGeneratedFiles(folders, files);
  return {
    app,
    configFile,
    ...(repository === undefined ? {} : { repository }),
    services,
    files: changes,
    todo: todoList(repository, services),
  };
}

function todoList(repository: string | undefined, services: readonly DetectedService[]): string[] {
  const todo = [
    `environments.dev.account and .region: replace ${PLACEHOLDER_ACCOUNTS.dev} / us-east-1 with your development account and region.`,
    `environments.prod.account and .region: replace ${PLACEHOLDER_ACCOUNTS.prod} / us-east-1 with your production account and region.`,
    `environments.prod.observability.alerts: replace ${PLACEHOLDER_ALERT_EMAIL} with who hears of production's alarms (or a Slack channel, or PagerDuty).`,
  ];
  if (repository === undefined) {
    todo.unshift('github.repository: no GitHub origin remote was found; set owner/name.');
  }
  if (services.length === 0) {
    todo.push('services: no Dockerfile was found; declare your services.');
  }
  for (const service of services.filter((s) => s.port === undefined)) {
    todo.push(`services.${service.name}.port: its Dockerfile has no EXPOSE; set the port it listens on.`);
  }
  todo.push('services.<name>.healthPath: check each is a path that answers 200 when ready.');
  todo.push(
    'Then: slipway plan, deploy the <app>-ci stack once, and create the GitHub environments it lists.',
  );
  return todo;
}
