"""Two routes: the health check the probes call, and a JSON greeting that reads the database."""
from django.db import connection
from django.http import JsonResponse
from django.urls import path


def healthz(_request):
    return JsonResponse({"status": "ok"})


def index(_request):
    with connection.cursor() as cursor:
        cursor.execute("select current_user, version()")
        user, version = cursor.fetchone()
    return JsonResponse({"app": "parrot", "databaseUser": user, "postgres": version})


urlpatterns = [path("healthz", healthz), path("", index)]
