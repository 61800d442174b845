import * as synthetics from 'aws-cdk-lib/aws-synthetics';

/**
 * The Synthetics runtime every uptime canary runs on, pinned here and nowhere else.
 *
 * `syn-nodejs-4.1`: CloudWatch Synthetics' Node.js runtime without a browser (Lambda's Node.js
 * 22.x), the newest in AWS's "Runtime versions using Node.js" page
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Library_Nodejs.html,
 * read 2026-12-03). A health check is one HTTP request, so no Chromium is started or paid for in
 * memory and cold start; its library (`@aws/synthetics-core`, the namespace since `syn-nodejs-3.1`)
 * has `executeHttpStep`, which records the step and its SuccessPercent. aws-cdk-lib names only the
 * browser runtimes, hence the version string. Moving to a newer runtime is a change of this line;
 * Synthetics updates a canary's runtime in place.
 */
export const CANARY_RUNTIME_VERSION = 'syn-nodejs-4.1';

export const CANARY_RUNTIME = new synthetics.Runtime(CANARY_RUNTIME_VERSION, synthetics.RuntimeFamily.NODEJS);

/** The module the runtime's library is loaded from inside a canary. */
export const CANARY_LIBRARY = '@aws/synthetics-core';
