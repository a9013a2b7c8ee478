"""A database outage answers 503 "try again" with Retry-After, never a 500 traceback.

The outage is simulated where it happens for real: every query raises the error that
psycopg raises when PostgreSQL is down (benchmarks/fault_pg_restart.py restarts a real
server and checks the same answers).
"""

import pytest
from django.db import InterfaceError, OperationalError, connection


def failing(error):
    def wrapper(execute, sql, params, many, context):
        raise error

    return wrapper


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("connection to server at 127.0.0.1, port 5432 failed"),
        InterfaceError("connection already closed"),
    ],
)
def test_page_while_the_database_is_down_is_a_503(client, homes, error):
    with connection.execute_wrapper(failing(error)):
        response = client.get("/en/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "Briefly unavailable" in body
    assert "Traceback" not in body and "5432" not in body
    assert "csrftoken" not in response.cookies and "sessionid" not in response.cookies


def test_the_503_page_is_in_the_language_of_the_address(client, homes):
    with connection.execute_wrapper(failing(OperationalError("server closed the connection"))):
        response = client.get("/de/")
    assert response.status_code == 503
    assert '<html lang="de">' in response.content.decode()
    assert 'href="/de/"' in response.content.decode()


def test_other_errors_stay_server_errors(client, homes):
    """Control: only database unavailability becomes a 503; a bug is still a 500."""
    client.raise_request_exception = False
    with connection.execute_wrapper(failing(ValueError("a bug"))):
        response = client.get("/en/")
    assert response.status_code == 500
