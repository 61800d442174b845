/**
 * The VPC: a valid block between /16 and /28, big enough for one public and one private subnet
 * per zone at the chosen subnet size, NAT gateways no more than zones, and no overlap with
 * declared peer networks (overlapping ranges cannot be routed to each other).
 */
import type { EnvironmentModel } from '../../model/types.js';
import { blockSize, type Cidr, formatCidr, overlaps, parseCidr } from '../cidr.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import type { Validator } from './context.js';

/** Public and private: one subnet of each per zone. */
const SUBNET_TYPES = 2;
/** AWS's bounds for a VPC block and for a subnet. */
const LARGEST_VPC = 16;
const SMALLEST_BLOCK = 28;

export const validateNetworks: Validator = ({ model }) => model.environments.flatMap(checkNetwork);

function checkNetwork(env: EnvironmentModel): ConfigIssue[] {
  const path = (...rest: (string | number)[]) => joinPath('environments', env.name, 'network', ...rest);
  const { network } = env;
  const issues: ConfigIssue[] = [];
  const parsed = parseCidr(network.cidr);
  if (!parsed.ok) {
    issues.push(issue(path('cidr'), parsed.reason, "use a private block such as '10.0.0.0/16'"));
  } else if (parsed.cidr.prefix < LARGEST_VPC || parsed.cidr.prefix > SMALLEST_BLOCK) {
    issues.push(
      issue(
        path('cidr'),
        `/${parsed.cidr.prefix} is outside the /${LARGEST_VPC}–/${SMALLEST_BLOCK} a VPC may have`,
        `use a block between /${LARGEST_VPC} and /${SMALLEST_BLOCK}, e.g. '10.0.0.0/16'`,
      ),
    );
  } else {
    issues.push(...checkSubnets(env, parsed.cidr, path));
    issues.push(...checkPeers(env, parsed.cidr, path));
  }
  const zones = env.availabilityZones.length;
  if (network.natGateways < 0 || network.natGateways > zones) {
    issues.push(
      issue(
        path('natGateways'),
        `${network.natGateways} NAT gateways for ${zones} zones; there can be at most one per zone`,
        `use 0 (tasks in public subnets), 1 (shared) or up to ${zones} (one per zone)`,
      ),
    );
  }
  return issues;
}

function checkSubnets(env: EnvironmentModel, vpc: Cidr, path: (...rest: string[]) => string): ConfigIssue[] {
  const mask = env.network.subnetMask;
  if (mask < vpc.prefix || mask > SMALLEST_BLOCK) {
    return [
      issue(
        path('subnetMask'),
        `/${mask} subnets do not fit in ${formatCidr(vpc)}; a subnet must be between /${vpc.prefix} and /${SMALLEST_BLOCK}`,
        `use a subnetMask between ${vpc.prefix} and ${SMALLEST_BLOCK}`,
      ),
    ];
  }
  const zones = env.availabilityZones.length;
  const needed = zones * SUBNET_TYPES;
  const room = blockSize(vpc.prefix) / blockSize(mask);
  if (needed <= room) return [];
  const bits = Math.ceil(Math.log2(needed));
  const largerVpc = mask - bits;
  const smallerSubnets = vpc.prefix + bits;
  const fixes: string[] = [];
  if (largerVpc >= LARGEST_VPC) fixes.push(`a /${largerVpc} block (cidr '${largerBlock(vpc, largerVpc)}')`);
  if (smallerSubnets <= SMALLEST_BLOCK) fixes.push(`subnetMask ${smallerSubnets}`);
  return [
    issue(
      path('cidr'),
      `${formatCidr(vpc)} has room for ${room} /${mask} subnet(s), but ${zones} zones × ${SUBNET_TYPES} subnet types (public, private) need ${needed}`,
      fixes.length > 0 ? `use ${fixes.join(', or ')}` : 'list fewer zones',
    ),
  ];
}

/** The `prefix`-sized block containing `vpc`, e.g. 10.0.0.0/24 → 10.0.0.0/22. */
function largerBlock(vpc: Cidr, prefix: number): string {
  const size = blockSize(prefix);
  return formatCidr({ base: vpc.base - (vpc.base % size), prefix });
}

function checkPeers(
  env: EnvironmentModel,
  vpc: Cidr,
  path: (...rest: (string | number)[]) => string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  (env.network.peerCidrs ?? []).forEach((peer, index) => {
    const parsed = parseCidr(peer);
    if (!parsed.ok) {
      issues.push(
        issue(
          path('peerCidrs', index),
          parsed.reason,
          "write the peer network as a CIDR block, e.g. '10.1.0.0/16'",
        ),
      );
    } else if (overlaps(vpc, parsed.cidr)) {
      issues.push(
        issue(
          path('cidr'),
          `${formatCidr(vpc)} overlaps the peer network ${formatCidr(parsed.cidr)} (network.peerCidrs[${index}]); overlapping ranges cannot route to each other`,
          'choose a VPC cidr outside every peer range, e.g. a different 10.x.0.0/16',
        ),
      );
    }
  });
  return issues;
}
