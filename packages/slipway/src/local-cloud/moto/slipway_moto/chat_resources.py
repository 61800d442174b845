"""The alarm topic's Slack channel, through AWS's chat integration (formerly AWS Chatbot).

moto has neither an API nor a CloudFormation handler for the chat integration, so a channel
configuration is recorded beside the SNS topics it posts (on the region's SNS backend, so a reset
clears it too), with the ARN CloudFormation gives as its Ref and `Arn`. A configuration naming a
topic that does not exist fails as it would on AWS. Nothing is posted to Slack.
"""

from typing import Any

from moto.sns.models import sns_backends
from moto.utilities.utils import get_partition

from .added_resource import AddedResource, register
from .backend_records import records_on

_RECORDS = "slipway_chat_channels"


def chat_channels(account_id: str, region_name: str) -> dict[str, dict[str, Any]]:
    """Recorded channel configurations by ARN."""
    backend = sns_backends[account_id][region_name]
    return records_on(backend, _RECORDS)


@register
class SlackChannelConfiguration(AddedResource):
    """Its Ref and `Arn`: `arn:<partition>:chatbot::<account>:chat-configuration/slack-channel/<name>`."""

    TYPE = "AWS::Chatbot::SlackChannelConfiguration"
    NAME_PROPERTY = "ConfigurationName"

    @classmethod
    def create(cls, name: str, properties: dict[str, Any], account_id: str, region_name: str) -> AddedResource:
        topics = sns_backends[account_id][region_name].topics
        for topic_arn in properties.get("SnsTopicArns", []):
            if topic_arn not in topics:
                raise ValueError(f"SnsTopicArns: topic {topic_arn} does not exist")
        configuration = properties.get("ConfigurationName", name)
        arn = f"arn:{get_partition(region_name)}:chatbot::{account_id}:chat-configuration/slack-channel/{configuration}"
        chat_channels(account_id, region_name)[arn] = {
            "ChatConfigurationArn": arn,
            "ConfigurationName": configuration,
            "SlackTeamId": properties["SlackWorkspaceId"],
            "SlackChannelId": properties["SlackChannelId"],
            "IamRoleArn": properties["IamRoleArn"],
            "SnsTopicArns": list(properties.get("SnsTopicArns", [])),
            "GuardrailPolicyArns": list(properties.get("GuardrailPolicies", [])),
            "UserAuthorizationRequired": str(properties.get("UserRoleRequired", False)).lower() == "true",
        }
        return cls(arn, {"Arn": arn}, properties, account_id, region_name)

    @classmethod
    def update(
        cls, original: AddedResource, name: str, properties: dict[str, Any], account_id: str, region_name: str
    ) -> AddedResource:
        # The name and the workspace are the configuration's identity; the rest changes in place.
        same = properties.get("ConfigurationName", name) == original.properties.get("ConfigurationName", name)
        same = same and properties["SlackWorkspaceId"] == original.properties["SlackWorkspaceId"]
        if not same:
            return super().update(original, name, properties, account_id, region_name)
        chat_channels(account_id, region_name).pop(original.physical_id, None)
        return cls.create(name, properties, account_id, region_name)

    def remove(self) -> None:
        chat_channels(self.account_id, self.region_name).pop(self.physical_id, None)
