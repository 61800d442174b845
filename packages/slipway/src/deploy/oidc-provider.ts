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

/** GitHub's OIDC provider as the account has it. */
export interface GithubOidcProvider {
  readonly arn: string;
  /** The stack that made it, from its tags; undefined when it was made some other way. */
  readonly owner?: string;
}

/**
 * Before the CI stack deploys: an account holds one OIDC provider per issuer URL, so a second
 * Slipway app in the same account cannot create GitHub's again. It stops here, naming the line
 * that reuses the provider, instead of half way through on CloudFormation's `EntityAlreadyExists`
 * (decision 011). A CI stack that already holds the provider is left alone; a configured
 * `github.existingOidcProviderArn` must name a provider that is there, and the deploy says which
 * stack owns it, since deleting that stack deletes the provider.
 *
 * `config` is the model as the config wrote it: on the local target the session's model has the
 * emulator's account, and the line to add must use the config's own.
 */
export async function checkGithubOidcProvider(
  session: Session,
  config: AppModel,
  ci: PlannedStack,
  deployed: DeployedStack | undefined,
): Promise<void> {
  const configured = session.model.github?.existingOidcProviderArn;
  const creates = declaresGithubProvider(ci.template);
  if (!creates && configured === undefined) return;
  if (creates && declaresGithubProvider(deployed?.template)) return;
  const found = await withReadClients(session.connection, ci.account, ci.region, ({ iam }) =>
    findGithubProvider(iam),
  );
  if (creates) {
    if (found) throw new OidcProviderExistsError(ci.name, found.arn, found.owner, configArn(config));
    return;
  }
  if (!found || found.arn !== configured) {
    throw new OidcProviderMissingError(ci.name, config.github?.existingOidcProviderArn ?? '');
  }
  session.emit({
    kind: 'note',
    message: found.owner
      ? `${ci.name} trusts GitHub's OIDC provider of the ${found.owner} stack (github.existingOidcProviderArn); deleting that stack deletes the provider`
      : `${ci.name} trusts the account's GitHub OIDC provider (github.existingOidcProviderArn), which no Slipway CI stack made`,
  });
}

/** The account's GitHub Actions provider, with the stack that made it when its tags say so. */
export async function findGithubProvider(iam: IAMClient): Promise<GithubOidcProvider | undefined> {
  const listed = await iam.send(new ListOpenIDConnectProvidersCommand({}));
  const arn = (listed.OpenIDConnectProviderList ?? [])
    .map((p) => p.Arn ?? '')
    .find((a) => a.endsWith(`:oidc-provider/${GITHUB_OIDC_HOST}`));
  if (!arn) return undefined;
  const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  const tag = (key: string) => provider.Tags?.find((t) => t.Key === key)?.Value;
  // CloudFormation's own tag names the stack; a Slipway CI stack's app tag names it too.
  const stack = tag('aws:cloudformation:stack-name');
  const app = tag(STACK_TAGS.app);
  return { arn, owner: stack ?? (app ? ciStackName(app) : undefined) };
}

function declaresGithubProvider(template: CfnTemplate | undefined): boolean {
  return Object.values(template?.Resources ?? {}).some(
    (r) =>
      r.Type === 'AWS::IAM::OIDCProvider' &&
      JSON.stringify((r.Properties as { Url?: unknown } | undefined)?.Url ?? '').includes(GITHUB_OIDC_HOST),
  );
}

/** The provider's ARN in the config's CI account: what `existingOidcProviderArn` takes. */
function configArn(config: AppModel): string {
  const { partition } = regionFacts(config.ci.region);
  return `arn:${partition}:iam::${config.ci.account}:oidc-provider/${GITHUB_OIDC_HOST}`;
}
