import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { functionAlarmName } from '../shared/resource-names.js';
import { queueHoldsMessageAlarm } from './queue-holds-message-alarm.js';

/** How far behind its stream a function may fall, sustained, before someone is told. */
const ITERATOR_AGE = Duration.minutes(1);

export interface FunctionAlarmsProps {
  /** `<app>-<env>-<function>`: each alarm's name starts with it. */
  readonly functionName: string;
  readonly fn: lambda.IFunction;
  /**
   * The failure queue; its depth alarm fires on the first batch given up on. None for a function a
   * declared queue calls: that queue's dead-letter queue has an alarm of its own.
   */
  readonly failures?: sqs.IQueue;
  /** Whether a stream calls the function: only then does iterator age mean anything. */
  readonly streamSource: boolean;
  /** The environment's alarm topic (runtime stack), which every alarm notifies. */
  readonly alarmTopicArn: string;
}

/**
 * A function's alarms, each notifying the environment's alarm topic: any error in five minutes,
 * a stream reader more than a minute behind for five minutes in a row, and any message in its
 * failure queue. Missing data is fine: no calls is not an outage. Cost: $0.10 per alarm-month.
 */
export class FunctionAlarms extends Construct {
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    const errors = new cloudwatch.Alarm(this, 'Errors', {
      alarmName: functionAlarmName(props.functionName, 'errors'),
      alarmDescription: 'The function failed at least once in five minutes',
      metric: props.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const alarms = [errors];
    if (props.failures !== undefined) {
      alarms.push(
        queueHoldsMessageAlarm(this, 'Failures', {
          queue: props.failures,
          alarmName: functionAlarmName(props.functionName, 'failures'),
          description: 'Lambda gave up on a batch: its failure queue holds a message',
        }),
      );
    }
    if (props.streamSource) {
      alarms.push(
        new cloudwatch.Alarm(this, 'IteratorAge', {
          alarmName: functionAlarmName(props.functionName, 'iterator-age'),
          alarmDescription: `The function is more than ${ITERATOR_AGE.toSeconds()} s behind its stream for 5 minutes`,
          metric: props.fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
          threshold: ITERATOR_AGE.toMilliseconds(),
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 5,
          datapointsToAlarm: 5,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    const notify = new actions.SnsAction(sns.Topic.fromTopicArn(this, 'Topic', props.alarmTopicArn));
    for (const alarm of alarms) alarm.addAlarmAction(notify);
    this.alarms = alarms;
  }
}
