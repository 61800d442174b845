"""The alarms, composite alarms, log metric filters and autoscaling of the service and monitoring stacks.

moto's CloudFormation makes dashboards itself; the alarms a dashboard names by ARN are made here, so
a stack whose dashboard refers to its own alarms deploys and reads back as it would on AWS.
"""

from typing import Any

from moto.applicationautoscaling.models import applicationautoscaling_backends
from moto.cloudwatch.models import cloudwatch_backends
from moto.logs.models import logs_backends

from .added_resource import AddedResource, register

@register
class Alarm(AddedResource):
    TYPE = "AWS::CloudWatch::Alarm"
    NAME_PROPERTY = "AlarmName"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        backend = cloudwatch_backends[account_id][region_name]
        alarm_name = properties.get("AlarmName", name)
        alarm = backend.put_metric_alarm(
            name=alarm_name,
            namespace=properties.get("Namespace"),
            metric_name=properties.get("MetricName"),
            comparison_operator=properties["ComparisonOperator"],
            evaluation_periods=int(properties["EvaluationPeriods"]),
            period=int(properties["Period"]) if "Period" in properties else None,
            threshold=float(properties["Threshold"]) if "Threshold" in properties else None,
            statistic=properties.get("Statistic"),
            description=properties.get("AlarmDescription"),
            dimensions=list(properties.get("Dimensions", [])),
            alarm_actions=properties.get("AlarmActions", []),
            metric_data_queries=None,
            datapoints_to_alarm=properties.get("DatapointsToAlarm"),
            extended_statistic=properties.get("ExtendedStatistic"),
            ok_actions=properties.get("OKActions", []),
            insufficient_data_actions=properties.get("InsufficientDataActions", []),
            unit=properties.get("Unit"),
            actions_enabled=properties.get("ActionsEnabled", True),
            treat_missing_data=properties.get("TreatMissingData"),
        )
        return cls(alarm_name, {"Arn": alarm.alarm_arn}, properties, account_id, region_name)

    def remove(self) -> None:
        cloudwatch_backends[self.account_id][self.region_name].delete_alarms([self.physical_id])


@register
class CompositeAlarm(Alarm):
    """Recorded with its rule, as moto's own PutCompositeAlarm does; its state is never evaluated.
    Removed like any alarm, by name."""

    TYPE = "AWS::CloudWatch::CompositeAlarm"
    NAME_PROPERTY = "AlarmName"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        backend = cloudwatch_backends[account_id][region_name]
        alarm_name = properties.get("AlarmName", name)
        alarm = backend.put_metric_alarm(
            name=alarm_name,
            namespace=None,  # type: ignore[arg-type]
            metric_name=None,  # type: ignore[arg-type]
            comparison_operator=None,  # type: ignore[arg-type]
            evaluation_periods=None,  # type: ignore[arg-type]
            period=None,  # type: ignore[arg-type]
            threshold=None,  # type: ignore[arg-type]
            statistic=None,  # type: ignore[arg-type]
            description=properties.get("AlarmDescription"),  # type: ignore[arg-type]
            dimensions=[],
            alarm_actions=properties.get("AlarmActions", []),
            ok_actions=properties.get("OKActions", []),
            insufficient_data_actions=properties.get("InsufficientDataActions", []),
            actions_enabled=properties.get("ActionsEnabled", True),
            rule=properties["AlarmRule"],
        )
        return cls(alarm_name, {"Arn": alarm.alarm_arn}, properties, account_id, region_name)


@register
class MetricFilter(AddedResource):
    """A log group's metric filter, findable with DescribeMetricFilters; nothing is counted locally."""

    TYPE = "AWS::Logs::MetricFilter"
    NAME_PROPERTY = "FilterName"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        filter_name = properties.get("FilterName", name)
        transformations = [
            {
                "metricName": t["MetricName"],
                "metricNamespace": t["MetricNamespace"],
                "metricValue": t["MetricValue"],
                **({"unit": t["Unit"]} if "Unit" in t else {}),
            }
            for t in properties.get("MetricTransformations", [])
        ]
        logs_backends[account_id][region_name].put_metric_filter(
            filter_name,
            properties["FilterPattern"],
            properties["LogGroupName"],
            transformations,  # type: ignore[arg-type]
        )
        return cls(filter_name, {}, properties, account_id, region_name)

    def remove(self) -> None:
        backend = logs_backends[self.account_id][self.region_name]
        backend.delete_metric_filter(self.physical_id, self.properties["LogGroupName"])


@register
class ScalableTarget(AddedResource):
    """Its Ref is `<resource id>|<dimension>|<namespace>`, which scaling policies refer to."""

    TYPE = "AWS::ApplicationAutoScaling::ScalableTarget"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        applicationautoscaling_backends[account_id][region_name].register_scalable_target(
            namespace=properties["ServiceNamespace"],
            r_id=properties["ResourceId"],
            dimension=properties["ScalableDimension"],
            min_capacity=int(properties["MinCapacity"]),
            max_capacity=int(properties["MaxCapacity"]),
            role_arn=properties.get("RoleARN", ""),
            suspended_state=properties.get("SuspendedState"),
        )
        parts = [properties["ResourceId"], properties["ScalableDimension"], properties["ServiceNamespace"]]
        target_id = "|".join(parts)
        return cls(target_id, {}, properties, account_id, region_name)

    def remove(self) -> None:
        backend = applicationautoscaling_backends[self.account_id][self.region_name]
        if backend._scalable_target_exists(self.properties["ResourceId"], self.properties["ScalableDimension"]):
            p = self.properties
            backend.deregister_scalable_target(p["ServiceNamespace"], p["ResourceId"], p["ScalableDimension"])


@register
class ScalingPolicy(AddedResource):
    TYPE = "AWS::ApplicationAutoScaling::ScalingPolicy"

    @staticmethod
    def _target(properties: dict[str, Any]) -> tuple[str, str, str]:
        if "ScalingTargetId" in properties:
            resource_id, dimension, namespace = properties["ScalingTargetId"].split("|")
            return resource_id, dimension, namespace
        return properties["ResourceId"], properties["ScalableDimension"], properties["ServiceNamespace"]

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        resource_id, dimension, namespace = cls._target(properties)
        kinds = ("TargetTrackingScalingPolicyConfiguration", "StepScalingPolicyConfiguration")
        body = {key: properties[key] for key in kinds if key in properties}
        policy = applicationautoscaling_backends[account_id][region_name].put_scaling_policy(
            policy_name=properties.get("PolicyName", name),
            service_namespace=namespace,
            resource_id=resource_id,
            scalable_dimension=dimension,
            policy_body=body,
            policy_type=properties.get("PolicyType"),
        )
        return cls(policy.policy_arn, {"Arn": policy.policy_arn}, properties, account_id, region_name)

    def remove(self) -> None:
        resource_id, dimension, namespace = self._target(self.properties)
        backend = applicationautoscaling_backends[self.account_id][self.region_name]
        key = f"{namespace}\t{resource_id}\t{dimension}\t{self.properties.get('PolicyName')}"
        if key in backend.policies:
            backend.delete_scaling_policy(self.properties.get("PolicyName"), namespace, resource_id, dimension)
