"""Topic subscriptions: the functions stack's inbox queues and the alarm topic's routes (email, HTTPS)."""

from typing import Any

from moto.sns.models import sns_backends

from .added_resource import AddedResource, cfn_flag, register


@register
class TopicSubscription(AddedResource):
    """`AWS::SNS::Subscription`: a function's inbox queue on its topic, so a publish reaches the queue, or
    an alarm route (an email address, PagerDuty's HTTPS URL): recorded with its endpoint, nothing is sent."""

    TYPE = "AWS::SNS::Subscription"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        backend = sns_backends[account_id][region_name]
        subscription = backend.subscribe(properties["TopicArn"], properties["Endpoint"], properties["Protocol"])
        if cfn_flag(properties.get("RawMessageDelivery", False)):
            backend.set_subscription_attributes(subscription.arn, "RawMessageDelivery", "true")
        return cls(subscription.arn, {"Arn": subscription.arn}, properties, account_id, region_name)

    def remove(self) -> None:
        sns_backends[self.account_id][self.region_name].unsubscribe(self.physical_id)
