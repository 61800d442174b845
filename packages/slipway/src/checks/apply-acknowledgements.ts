import type { AcknowledgementModel } from '../model/types.js';
import type { Finding } from './finding.js';
import type { CodeAcknowledgement } from './construct-index.js';
import { isWithin, type LocatedFinding } from './located-finding.js';

export const STALE_ACKNOWLEDGEMENT_RULE = 'Slipway-ACK1';

export interface AcknowledgementScope {
  /** Stacks whose findings are being reported; acknowledgements elsewhere are neither applied nor stale. */
  readonly stacks: ReadonlySet<string>;
  /** Whether every environment is being checked, so an app-wide config acknowledgement that matches nothing is stale. */
  readonly complete: boolean;
  /** Stack that app-wide stale acknowledgements are reported on: the shared CI stack. */
  readonly sharedStack: string;
}

/** A config `resource` is a construct path (it contains '/') or a logical id. */
function matchesConfig(finding: LocatedFinding, ack: AcknowledgementModel): boolean {
  if (ack.rule !== finding.rule) return false;
  if (ack.stack !== undefined && ack.stack !== finding.stack) return false;
  if (ack.resource === undefined) return true;
  const resource = ack.resource.replace(/^\//, '');
  return resource.includes('/') ? isWithin(finding.path, resource) : finding.logicalId === resource;
}

function matchesCode(finding: LocatedFinding, ack: CodeAcknowledgement): boolean {
  return ack.rule === finding.rule && isWithin(finding.path, ack.path);
}

function toFinding(finding: LocatedFinding, reason: string | undefined): Finding {
  const { rule, level, stack, message } = finding;
  const resource = finding.logicalId ?? finding.path ?? '';
  return reason === undefined
    ? { rule, level, stack, resource, message, acknowledged: false }
    : { rule, level, stack, resource, message, acknowledged: true, reason };
}

function stale(stack: string, resource: string, message: string): Finding {
  return {
    rule: STALE_ACKNOWLEDGEMENT_RULE,
    level: 'warning',
    stack,
    resource,
    message,
    acknowledged: false,
  };
}

/**
 * Marks each finding acknowledged when an `acknowledge()` call or a config entry covers it, keeping
 * the finding and its reason in the report. Acknowledgements that cover nothing come back as
 * warnings: once the finding is fixed or renamed, a leftover acknowledgement would silently accept
 * the next, unrelated one.
 */
export function applyAcknowledgements(
  findings: readonly LocatedFinding[],
  code: readonly CodeAcknowledgement[],
  config: readonly AcknowledgementModel[],
  scope: AcknowledgementScope,
): Finding[] {
  const usedCode = new Set<CodeAcknowledgement>();
  const usedConfig = new Set<AcknowledgementModel>();

  const result = findings.map((finding) => {
    // Every covering acknowledgement counts as used; the one nearest the resource gives the reason.
    const byCode = code
      .filter((ack) => matchesCode(finding, ack))
      .sort((a, b) => b.path.length - a.path.length);
    const byConfig = config.filter((ack) => matchesConfig(finding, ack));
    for (const ack of byCode) usedCode.add(ack);
    for (const ack of byConfig) usedConfig.add(ack);
    return toFinding(finding, byCode[0]?.reason ?? byConfig[0]?.reason);
  });

  for (const ack of code) {
    if (usedCode.has(ack) || (ack.stack !== undefined && !scope.stacks.has(ack.stack))) continue;
    result.push(
      stale(
        ack.stack ?? scope.sharedStack,
        ack.resource,
        `acknowledge(..., '${ack.rule}', ...) on ${ack.path || 'the app'} matches no finding. Remove it, or correct the rule id to the one the plan reports.`,
      ),
    );
  }
  config.forEach((ack, index) => {
    if (usedConfig.has(ack)) return;
    if (ack.stack === undefined ? !scope.complete : !scope.stacks.has(ack.stack)) return;
    result.push(
      stale(
        ack.stack ?? scope.sharedStack,
        `acknowledgements[${index}]`,
        `The acknowledgement of ${ack.rule}${ack.resource === undefined ? '' : ` on ${ack.resource}`} matches no finding. Remove it from the config, or correct its rule, stack or resource.`,
      ),
    );
  });
  return result;
}
