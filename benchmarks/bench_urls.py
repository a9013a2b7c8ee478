"""The site's URLs plus two bare insert views, the baseline of the signature benchmarks.

A bare view is what the cheapest Django POST costs: the same middleware, one row inserted
into a three-column table, a 200. No form, no CSRF token (exempt; the signature form is
checked by its Origin header), no template.
"""

from django.db import connection, models
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from campaign_site.urls import urlpatterns as site_urlpatterns

CREATE_TABLE = (
    "CREATE TABLE IF NOT EXISTS bench_bare (id bigserial PRIMARY KEY, name text, email text)"
)


class BareRow(models.Model):
    name = models.TextField()
    email = models.TextField()

    class Meta:
        app_label = "appeals"
        db_table = "bench_bare"
        managed = False

    def __str__(self):
        return self.name


@csrf_exempt
@require_POST
def bare_raw_insert(request):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_bare (name, email) VALUES (%s, %s)",
            [request.POST.get("name", ""), request.POST.get("email", "")],
        )
    return HttpResponse("ok")


@csrf_exempt
@require_POST
def bare_orm_insert(request):
    BareRow.objects.create(name=request.POST.get("name", ""), email=request.POST.get("email", ""))
    return HttpResponse("ok")


urlpatterns = [
    path("bench/bare/", bare_raw_insert),
    path("bench/bare-orm/", bare_orm_insert),
    *site_urlpatterns,
]
