"""Settings from the environment, as Slipway gives them: on EKS from the Secret External Secrets
syncs (DATABASE_*, REDIS_URL, DJANGO_SECRET_KEY), locally from `slipway dev`."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")
ROOT_URLCONF = "parrot.urls"
WSGI_APPLICATION = "parrot.wsgi.application"
INSTALLED_APPS = ["django.contrib.contenttypes"]
USE_TZ = True

# The pod signs in as the app user with an IAM token (Pod Identity gives it rds-db:connect), so
# no database password exists anywhere; the backend asks RDS for a fresh token per connection.
DATABASES = {
    "default": {
        "ENGINE": "parrot.db",
        "HOST": os.environ.get("DATABASE_HOST", "localhost"),
        "PORT": os.environ.get("DATABASE_PORT", "5432"),
        "NAME": os.environ.get("DATABASE_NAME", "parrot"),
        "USER": os.environ.get("DATABASE_USER", "parrot_app"),
        "OPTIONS": {"sslmode": os.environ.get("DATABASE_SSL", "verify-full")},
        "CONN_MAX_AGE": 300,
    }
}
# Reads go to the replicas when the environment has them (production); writes to the writer.
READER_HOSTS = [h for h in os.environ.get("DATABASE_READER_HOSTS", "").split(",") if h]

if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}

# One JSON object per line on stdout: the Datadog agent parses them without a pipeline.
LOGGING = {
    "version": 1,
    "formatters": {"json": {"()": "parrot.logs.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
