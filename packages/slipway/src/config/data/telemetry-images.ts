/**
 * The images of the telemetry sidecars a traced service's task runs beside the app (the ADOT
 * collector, the OpenTelemetry collector for Elastic, the Datadog agent and its log router). Each is
 * an exact release, never a tag that moves (Slipway-OBS3); where a multi-architecture index digest
 * could be matched to the release it is pinned as well, so arm64 and x86_64 tasks pull the same
 * build. The build cannot reach the registries: `found` says where each pin was read and when.
 * Bump `image` and `digest` together, and check a new digest with
 * `docker buildx imagetools inspect <image>` (the first `Digest:` line is the index's).
 */
export interface TelemetryImage {
  /** `registry/name:tag`, an exact release. */
  readonly image: string;
  /** `sha256:` digest of the release's multi-architecture index, when one was matched to it. */
  readonly digest?: string;
  /** Where the tag (and digest) were read, and when. */
  readonly found: string;
}

/** What a container definition's `Image` says: `name:tag@sha256:…`, or `name:tag` without a digest. */
export function telemetryImageRef(image: TelemetryImage): string {
  return image.digest === undefined ? image.image : `${image.image}@${image.digest}`;
}

/**
 * AWS Distro for OpenTelemetry collector, for provider 'cloudwatch': its bundled
 * `/etc/ecs/ecs-xray.yaml` takes OTLP on 4317/4318 and writes to X-Ray.
 */
export const ADOT_COLLECTOR_IMAGE: TelemetryImage = {
  image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.48.0',
  digest: 'sha256:9b28046359054b414f4ba76056ba4e8cffda2d53fbcee06171d7eeecd71326c3',
  found:
    'v0.48.0 with this index digest in several public projects (read 2026-12-03), one recording it ' +
    'as the multi-architecture digest of the Public ECR release, checked 2026-07-18; the same ' +
    'digest is published as amazon/aws-otel-collector:v0.48.0 on Docker Hub',
};

/**
 * The OpenTelemetry project's contrib collector, for provider 'elastic' (why this one and not
 * Elastic's EDOT build: `stacks/runtime/ecs/telemetry/elastic-collector.ts`).
 */
export const OTEL_CONTRIB_COLLECTOR_IMAGE: TelemetryImage = {
  image: 'otel/opentelemetry-collector-contrib:0.156.0',
  digest: 'sha256:125bdbeb7590cc1952c5b3430ecf14063568980c2c93d5b38676cc0446ed8108',
  found:
    '0.156.0 with this digest in several public Compose files, Dockerfiles and tests (read ' +
    '2026-12-03), one recording the collector version it reported when run on 2026-07-24',
};

/**
 * The Datadog agent, for provider 'datadog'. No index digest could be matched to this release
 * (the ones published beside Datadog tags are per-architecture); the exact release tag is pinned.
 */
export const DATADOG_AGENT_IMAGE: TelemetryImage = {
  image: 'public.ecr.aws/datadog/agent:7.84.1',
  found:
    'public.ecr.aws/datadog/agent:7.84.1 pinned in a public Terraform module (read 2026-12-03); ' +
    '7.84.2 is the newest seen on Docker Hub; no multi-architecture digest found, so none is pinned',
};

/**
 * AWS for Fluent Bit, the FireLens log router that sends a Datadog service's logs to its site's
 * log intake. As for the agent, the exact release tag is pinned without a digest.
 */
export const FLUENT_BIT_IMAGE: TelemetryImage = {
  image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3.20260901',
  found:
    '2.34.3.20260901 pinned in two public projects (read 2026-12-03); the digest one of them ' +
    'records is not known to be the multi-architecture index, so none is pinned',
};
