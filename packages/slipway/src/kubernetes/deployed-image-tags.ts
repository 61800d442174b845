import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The image tag each service runs in a GitOps folder as it is in the repository: the tag of the
 * first container of the service's Deployment in `services/<service>.yaml`. Delivery owns these
 * tags (it commits a new one for each build), so regenerating the folder from the config keeps
 * them instead of resetting every service to the config's tag. Services without a file, or whose
 * image has a digest and no tag, are left out.
 */
export function deployedImageTags(
  root: string,
  envFolder: string,
  services: readonly string[],
): Map<string, string> {
  const tags = new Map<string, string>();
  for (const service of services) {
    const file = path.join(root, envFolder, 'services', `${service}.yaml`);
    if (!existsSync(file)) continue;
    const tag = deploymentImageTag(readFileSync(file, 'utf8'), service);
    if (tag !== undefined) tags.set(service, tag);
  }
  return tags;
}

function deploymentImageTag(yaml: string, service: string): string | undefined {
  for (const document of parseAllDocuments(yaml)) {
    const object = document.toJS() as {
      kind?: string;
      metadata?: { name?: string };
      spec?: { template?: { spec?: { containers?: { image?: string }[] } } };
    } | null;
    if (object?.kind !== 'Deployment' || object.metadata?.name !== service) continue;
    const image = object.spec?.template?.spec?.containers?.[0]?.image;
    return image === undefined ? undefined : tagOf(image);
  }
  return undefined;
}

/** `registry:5000/repo/name:tag` → `tag`; an image with a digest or no tag has none. */
function tagOf(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const name = image.slice(image.lastIndexOf('/') + 1);
  const at = name.lastIndexOf(':');
  return at === -1 ? undefined : name.slice(at + 1);
}
