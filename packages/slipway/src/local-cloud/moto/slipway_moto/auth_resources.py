"""The data stack's Cognito user pool, its domain, resource servers and app clients.

moto's Cognito backend has the API but no CloudFormation handlers. Each handler calls the
backend the way the API would, so `describe-user-pool`, `list-user-pool-clients` and the pool's
token endpoint see the same pool a deploy made. `Ref` gives what CloudFormation gives: the pool
id, the client id, the domain prefix and the resource server's identifier.
"""

from typing import Any

from moto.cognitoidp.exceptions import ResourceNotFoundError
from moto.cognitoidp.models import cognitoidp_backends

from .added_resource import AddedResource, cfn_flag, register


def _backend(account_id: str, region_name: str) -> Any:
    return cognitoidp_backends[account_id][region_name]


@register
class UserPool(AddedResource):
    TYPE = "AWS::Cognito::UserPool"
    NAME_PROPERTY = "UserPoolName"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        # The template's properties are the API's, but for the pool's name.
        config = {key: value for key, value in properties.items() if key != "UserPoolName"}
        pool = _backend(account_id, region_name).create_user_pool(properties.get("UserPoolName", name), config)
        attributes = {
            "Arn": pool.arn,
            "UserPoolId": pool.id,
            "ProviderName": f"cognito-idp.{region_name}.amazonaws.com/{pool.id}",
            "ProviderURL": f"https://cognito-idp.{region_name}.amazonaws.com/{pool.id}",
        }
        return cls(pool.id, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        # Users live in the pool: a change updates it in place, as CloudFormation does for these
        # properties, instead of replacing it.
        config = {key: value for key, value in properties.items() if key != "UserPoolName"}
        _backend(account_id, region_name).update_user_pool(original.physical_id, config)
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            _backend(self.account_id, self.region_name).delete_user_pool(self.physical_id)
        except ResourceNotFoundError:
            pass


@register
class UserPoolDomain(AddedResource):
    TYPE = "AWS::Cognito::UserPoolDomain"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        domain = properties["Domain"]
        _backend(account_id, region_name).create_user_pool_domain(properties["UserPoolId"], domain)
        attributes = {"CloudFrontDistribution": f"{domain}.auth.{region_name}.amazoncognito.com"}
        return cls(domain, attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            _backend(self.account_id, self.region_name).delete_user_pool_domain(self.physical_id)
        except ResourceNotFoundError:
            pass


@register
class UserPoolResourceServer(AddedResource):
    TYPE = "AWS::Cognito::UserPoolResourceServer"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        identifier = properties["Identifier"]
        _backend(account_id, region_name).create_resource_server(
            properties["UserPoolId"], identifier, properties.get("Name", identifier), list(properties.get("Scopes", []))
        )
        return cls(identifier, {}, properties, account_id, region_name)

    def remove(self) -> None:
        pool_id = self.properties["UserPoolId"]
        try:
            pool = _backend(self.account_id, self.region_name).describe_user_pool(pool_id)
        except ResourceNotFoundError:
            return
        pool.resource_servers.pop(self.physical_id, None)


@register
class UserPoolClient(AddedResource):
    TYPE = "AWS::Cognito::UserPoolClient"
    NAME_PROPERTY = "ClientName"

    @classmethod
    def create(
        cls,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        pool_id = properties["UserPoolId"]
        config = {key: value for key, value in properties.items() if key not in ("UserPoolId", "GenerateSecret")}
        config.setdefault("ClientName", name)
        client = _backend(account_id, region_name).create_user_pool_client(
            pool_id, cfn_flag(properties.get("GenerateSecret", False)), config
        )
        attributes = {"ClientId": client.id, "Name": config["ClientName"]}
        if client.generate_secret:
            attributes["ClientSecret"] = client.secret
        return cls(client.id, attributes, properties, account_id, region_name)

    @classmethod
    def update(
        cls,
        original: AddedResource,
        name: str,
        properties: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> AddedResource:
        # A new pool or a secret turned on or off replaces the client, as in CloudFormation; the
        # rest changes in place and keeps the id the services were given.
        same_pool = original.properties.get("UserPoolId") == properties.get("UserPoolId")
        same_secret = cfn_flag(original.properties.get("GenerateSecret")) == cfn_flag(properties.get("GenerateSecret"))
        if not (same_pool and same_secret):
            return super().update(original, name, properties, account_id, region_name)
        config = {key: value for key, value in properties.items() if key not in ("UserPoolId", "GenerateSecret")}
        config.setdefault("ClientName", original.attributes["Name"])
        _backend(account_id, region_name).update_user_pool_client(properties["UserPoolId"], original.physical_id, config)
        return cls(original.physical_id, original.attributes, properties, account_id, region_name)

    def remove(self) -> None:
        try:
            _backend(self.account_id, self.region_name).delete_user_pool_client(
                self.properties["UserPoolId"], self.physical_id
            )
        except ResourceNotFoundError:
            pass
