"""The KMS key of a CloudFormation log group, as CloudWatch Logs describes it."""

from typing import Any

from moto.logs.models import LogGroup


def _log_group_kms_key() -> str:
    """`AWS::Logs::LogGroup` names its key `KmsKeyId`; moto's log group reads only `kmsKeyId`.

    moto's handler passes the CloudFormation properties on as they are, and the log group looks
    for the API's spelling, so a group created by a stack lost its key and `DescribeLogGroups`
    showed it unencrypted. The property is copied to the spelling the model reads.
    """
    original = LogGroup.create_from_cloudformation_json.__func__

    def create(
        cls: Any,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> Any:
        properties = cloudformation_json.get("Properties", {})
        if "KmsKeyId" in properties:
            properties["kmsKeyId"] = properties["KmsKeyId"]
        return original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)

    LogGroup.create_from_cloudformation_json = classmethod(create)
    return "AWS::Logs::LogGroup: KmsKeyId kept on the log group"


def apply() -> list[str]:
    return [_log_group_kms_key()]
