"""PostgreSQL with IAM authentication: a fresh RDS auth token (15 minutes) for every connection."""
import boto3
from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        client = boto3.client("rds")
        params["password"] = client.generate_db_auth_token(
            DBHostname=params["host"], Port=int(params["port"]), DBUsername=params["user"]
        )
        return params
