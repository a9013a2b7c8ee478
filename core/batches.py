"""Work over many rows a batch at a time: bounded memory, one transaction per batch.

A batch that committed stays done; a run stopped half-way (a crash, a deploy) leaves the
rest matching the same query, so the next run carries on from where it stopped.
"""

from django.db import transaction

BATCH_SIZE = 1000


def in_batches(queryset, work, size=None):
    """Call ``work(batch)``, each in its own transaction, for the rows of `queryset` a batch
    of primary keys at a time; returns how many rows were handed over.

    ``batch`` is `queryset` narrowed to those keys, so its conditions are checked again
    inside the transaction (a registration confirmed meanwhile is not deleted)."""
    size = size or BATCH_SIZE
    done = 0
    last = None
    while True:
        keys = queryset.order_by("pk")
        if last is not None:
            keys = keys.filter(pk__gt=last)
        pks = list(keys.values_list("pk", flat=True)[:size])
        if not pks:
            return done
        with transaction.atomic():
            work(queryset.filter(pk__in=pks))
        done += len(pks)
        last = pks[-1]
