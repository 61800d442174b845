/**
 * Datadog's public CloudFormation extension for monitors, `Datadog::Monitors::Monitor`, as a
 * deploy activates it (decision 025).
 *
 * - Publisher id and public type ARN: the `aws cloudformation activate-type` lines of the
 *   cdklabs/cdk-cloudformation package generated from the type's published schema
 *   (`@cdk-cloudformation/datadog-monitors-monitor`, v4.8.0), read 2026-12-03. The public ARN is
 *   the same id in every region: `arn:<partition>:cloudformation:<region>::type/resource/<publisher>/Datadog-Monitors-Monitor`.
 * - Major version 4: DataDog/datadog-cloudformation-resources,
 *   `datadog-monitors-monitor-handler/CHANGELOG.md`, newest 4.10.0 of 2026-05-12, read 2026-12-03.
 *   Pinning the major lets CloudFormation take Datadog's minor releases (`AutoUpdate`) while a
 *   5.x that changes the schema waits for Slipway to move the pin.
 */
export const DATADOG_MONITOR_TYPE = 'Datadog::Monitors::Monitor';

/** Datadog's publisher id in the CloudFormation registry. */
export const DATADOG_PUBLISHER_ID = '7171b96e5d207b947eb72ca9ce05247c246de623';

/** The major version a deploy activates, with minor versions updated by CloudFormation. */
export const DATADOG_MONITOR_TYPE_MAJOR_VERSION = 4;

/** The public type's ARN in a region: what ActivateType is given and what DescribeType must answer. */
export function datadogMonitorPublicTypeArn(partition: string, region: string): string {
  return `arn:${partition}:cloudformation:${region}::type/resource/${DATADOG_PUBLISHER_ID}/Datadog-Monitors-Monitor`;
}

/**
 * The API URL of a Datadog site, which the type's configuration takes as `ApiURL`: `api.` before
 * the site parameter (`https://api.datadoghq.eu`, `https://api.us5.datadoghq.com`), as Datadog's
 * README for the CloudFormation resources gives for EU and US5 (read 2026-12-03).
 */
export function datadogApiUrl(site: string): string {
  return `https://api.${site}`;
}
