"""The CI stack's GitHub OIDC provider and the secrets the data stack creates."""

import json
from typing import Any

from moto.iam.models import iam_backends
from moto.secretsmanager.models import secretsmanager_backends
from moto.utilities.utils import get_partition

from .added_resource import AddedResource, register, tag_list

@register
class OidcProvider(AddedResource):
    TYPE = "AWS::IAM::OIDCProvider"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        backend = iam_backends[account_id][get_partition(region_name)]
        provider = backend.create_open_id_connect_provider(
            url=properties["Url"],
            thumbprint_list=properties.get("ThumbprintList", []),
            client_id_list=properties.get("ClientIdList", []),
            tags=tag_list(properties.get("Tags")),
        )
        return cls(provider.arn, {"Arn": provider.arn}, properties, account_id, region_name)

    def remove(self) -> None:
        iam_backends[self.account_id][get_partition(self.region_name)].delete_open_id_connect_provider(self.physical_id)


@register
class Secret(AddedResource):
    """A secret with no value given gets a generated one, as `GenerateSecretString` asks."""

    TYPE = "AWS::SecretsManager::Secret"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        backend = secretsmanager_backends[account_id][region_name]
        value = properties.get("SecretString")
        generate = properties.get("GenerateSecretString")
        if value is None and generate is not None:
            value = json.loads(backend.get_random_password(
                password_length=int(generate.get("PasswordLength", 32)),
                exclude_characters=generate.get("ExcludeCharacters", ""),
                exclude_numbers=False, exclude_punctuation=bool(generate.get("ExcludePunctuation", False)),
                exclude_uppercase=False, exclude_lowercase=False,
                include_space=False, require_each_included_type=True,
            ))["RandomPassword"]
        created = json.loads(backend.create_secret(
            name=properties.get("Name", name),
            secret_string=value,
            secret_binary=None,
            description=properties.get("Description"),
            tags=tag_list(properties.get("Tags")),
            kms_key_id=properties.get("KmsKeyId"),
            client_request_token=None,
            replica_regions=[],
            force_overwrite=False,
        ))
        return cls(created["ARN"], {"Id": created["ARN"]}, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        # The value belongs to the team; only the description follows the template.
        backend = secretsmanager_backends[account_id][region_name]
        backend.update_secret(original.physical_id, description=properties.get("Description"))
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        backend = secretsmanager_backends[self.account_id][self.region_name]
        backend.delete_secret(self.physical_id, recovery_window_in_days=None, force_delete_without_recovery=True)
