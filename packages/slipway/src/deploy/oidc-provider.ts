import {
  GetOpenIDConnectProviderCommand,
  type IAMClient,
  ListOpenIDConnectProvidersCommand,
} from '@aws-sdk/client-iam';
import { GITHUB_OIDC_HOST } from '../checks/rules/iam/github-oidc.js';
import type { AppModel } from '../model/types.js';
import { ciStackName } from '../naming/names.js';
import { STACK_TAGS } from '../stacks/shared/slipway-stack.js';
import { regionFacts } from '../stacks/shared/partition.js';
import type { CfnTemplate } from '../template/types.js';
import type { PlannedStack } from './assembly.js';
import { withReadClients } from './connection.js';
import type { DeployedStack } from './deployed-state.js';
import { OidcProviderExistsError, OidcProviderMissingError } from './errors.js';
import type { Session } from './session.js';

/** Whose OIDC provider the CI stack needs: GitHub's, or the GitLab instance's (decision 019). */
export interface OidcIssuer {
  /** The config block that names an existing provider: `<field>.existingOidcProviderArn`. */
  readonly field: 'github' | 'gitlab';
  /** How messages name it: `GitHub` or `GitLab (gitlab.example.com)`. */
  readonly label: string;
  /** The issuer's host, the end of the provider's ARN. */
  readonly host: string;
  readonly existingOidcProviderArn?: string;
}

export function oidcIssuerOf(model: AppModel): OidcIssuer | undefined {
  if (model.delivery?.ci === 'gitlab') {
    const gitlab = model.gitlab;
    if (gitlab === undefined) return undefined;
    return {
      field: 'gitlab',
      label: gitlab.host === 'gitlab.com' ? 'GitLab' : `GitLab (${gitlab.host})`,
      host: gitlab.host,
      ...(gitlab.existingOidcProviderArn === undefined
        ? {}
        : { existingOidcProviderArn: gitlab.existingOidcProviderArn }),
    };
  }
  const github = model.github;
  return {
    field: 'github',
    label: 'GitHub',
    host: GITHUB_OIDC_HOST,
    ...(github?.existingOidcProviderArn === undefined
      ? {}
      : { existingOidcProviderArn: github.existingOidcProviderArn }),
  };
}

/** The issuer's OIDC provider as the account has it. */
export interface GithubOidcProvider {
  readonly arn: string;
  /** The stack that made it, from its tags; undefined when it was made some other way. */
  readonly owner?: string;
}

/**
 * Before the CI stack deploys: an account holds one OIDC provider per issuer URL, so a second
 * Slipway app in the same account cannot create GitHub's (or the GitLab instance's) again. It stops here, naming the line
 * that reuses the provider, instead of half way through on CloudFormation's `EntityAlreadyExists`
 * (decision 011). A CI stack that already holds the provider is left alone; a configured
 * `github.existingOidcProviderArn` must name a provider that is there, and the deploy says which
 * stack owns it, since deleting that stack deletes the provider.
 *
 * `config` is the model as the config wrote it: on the local target the session's model has the
 * emulator's account, and the line to add must use the config's own.
 */
export async function checkOidcProvider(
  session: Session,
  config: AppModel,
  ci: PlannedStack,
  deployed: DeployedStack | undefined,
): Promise<void> {
  const issuer = oidcIssuerOf(session.model);
  const configIssuer = oidcIssuerOf(config);
  if (issuer === undefined || configIssuer === undefined) return;
  const configured = issuer.existingOidcProviderArn;
  const creates = declaresProvider(ci.template, issuer.host);
  if (!creates && configured === undefined) return;
  if (creates && declaresProvider(deployed?.template, issuer.host)) return;
  const found = await withReadClients(session.connection, ci.account, ci.region, ({ iam }) =>
    findProvider(iam, issuer.host),
  );
  if (creates) {
    if (found) {
      throw new OidcProviderExistsError(ci.name, found.arn, found.owner, configArn(config, issuer), issuer);
    }
    return;
  }
  if (!found || found.arn !== configured) {
    throw new OidcProviderMissingError(ci.name, configIssuer.existingOidcProviderArn ?? '', issuer);
  }
  const field = `${issuer.field}.existingOidcProviderArn`;
  session.emit({
    kind: 'note',
    message: found.owner
      ? `${ci.name} trusts ${issuer.label}'s OIDC provider of the ${found.owner} stack (${field}); deleting that stack deletes the provider`
      : `${ci.name} trusts the account's ${issuer.label} OIDC provider (${field}), which no Slipway CI stack made`,
  });
}

/** The account's provider for the issuer (GitHub Actions by default), with the stack that made it when its tags say so. */
export async function findProvider(
  iam: IAMClient,
  host: string = GITHUB_OIDC_HOST,
): Promise<GithubOidcProvider | undefined> {
  const listed = await iam.send(new ListOpenIDConnectProvidersCommand({}));
  const arn = (listed.OpenIDConnectProviderList ?? [])
    .map((p) => p.Arn ?? '')
    .find((a) => a.endsWith(`:oidc-provider/${host}`));
  if (!arn) return undefined;
  const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  const tag = (key: string) => provider.Tags?.find((t) => t.Key === key)?.Value;
  // CloudFormation's own tag names the stack; a Slipway CI stack's app tag names it too.
  const stack = tag('aws:cloudformation:stack-name');
  const app = tag(STACK_TAGS.app);
  return { arn, owner: stack ?? (app ? ciStackName(app) : undefined) };
}

function declaresProvider(template: CfnTemplate | undefined, host: string): boolean {
  return Object.values(template?.Resources ?? {}).some(
    (r) =>
      r.Type === 'AWS::IAM::OIDCProvider' &&
      (r.Properties as { Url?: unknown } | undefined)?.Url === `https://${host}`,
  );
}

/** The provider's ARN in the config's CI account: what `existingOidcProviderArn` takes. */
function configArn(config: AppModel, issuer: OidcIssuer): string {
  const { partition } = regionFacts(config.ci.region);
  return `arn:${partition}:iam::${config.ci.account}:oidc-provider/${issuer.host}`;
}
