"""The three pagination envelopes of the sources, walked page by page with consistency checks.

* data·inclusion v1: ``page``/``size`` → ``{items, total, page, size, pages}`` (``size`` = items returned);
* DORA v2: ``page_size``/``page`` → DRF ``{count, next, previous, results}`` (follow ``next`` on the same host);
* PostgREST: ``limit``/``offset`` + ``Prefer: count=exact`` → ``Content-Range: a-b/total``; 416 past the end.

Each walker yields :class:`Page` objects (items + position + announced totals) so that callers report progress
per page and can stop between pages. A page shorter than announced, a total that moves, or a sum that does not add
up raises :class:`~.errors.PaginationError` with a French message: a half-read territory is never taken for a whole.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from ..core.i18n import translate
from .errors import MalformedResponseError, PaginationError
from .http import ApiClient, same_origin

MAX_PAGES = 100_000


@dataclass
class Page:
    items: list[dict[str, Any]]
    number: int  # 1-based
    pages: int | None  # total pages announced (None when unknown)
    total: int | None  # total items announced
    fetched: int  # items fetched so far, this page included


def _envelope_error(client: ApiClient, path: str, expected: str) -> MalformedResponseError:
    return MalformedResponseError(
        translate("Pagination", "{source}: the answer of {path} does not have the expected form ({expected}).").format(
            source=client.name, path=path, expected=expected
        )
    )


def _mismatch(client: ApiClient, path: str, got: int, total: int) -> PaginationError:
    return PaginationError(
        translate(
            "Pagination",
            "{source}: the pages of {path} do not add up: {got} items received for {total} announced. The data "
            "changed during the download or a page was truncated; nothing was imported, try again."
        ).format(source=client.name, path=path, got=got, total=total)
    )


def _truncated(client: ApiClient, path: str, number: int, got: int, expected: int) -> PaginationError:
    return PaginationError(
        translate(
            "Pagination",
            "{source}: page {number} of {path} is truncated ({got} items instead of {expected}); nothing was "
            "imported, try again."
        ).format(source=client.name, path=path, number=number, got=got, expected=expected)
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def iter_data_inclusion(
    client: ApiClient, path: str, params: Sequence[tuple[str, Any]] = (), size: int = 5000
) -> Iterator[Page]:
    """Walk ``items/total/page/size/pages`` pages."""
    number, fetched, total, pages = 1, 0, None, None
    while number <= MAX_PAGES:
        client.check_cancelled()
        data, _ = client.get_json(path, params=[*params, ("page", number), ("size", size)])
        if not isinstance(data, dict) or not isinstance(data.get("items"), list) or not _is_int(data.get("total")):
            raise _envelope_error(client, path, "items/total/page/size/pages")
        items = data["items"]
        if total is None:
            total = data["total"]
            pages = math.ceil(total / size) if total else 0
        elif data["total"] != total:
            raise _mismatch(client, path, fetched + len(items), total)
        announced_pages = data.get("pages")
        if _is_int(announced_pages) and total and announced_pages != pages and announced_pages != math.ceil(
            total / max(len(items), 1)
        ):
            raise _mismatch(client, path, fetched + len(items), total)
        if _is_int(data.get("page")) and data["page"] != number:
            raise _envelope_error(client, path, f"page {number}")
        if _is_int(data.get("size")) and data["size"] != len(items):
            raise _truncated(client, path, number, len(items), data["size"])
        fetched += len(items)
        expected_here = min(size, max(total - (fetched - len(items)), 0))
        if len(items) < expected_here:
            raise _truncated(client, path, number, len(items), expected_here)
        if fetched > total:
            raise _mismatch(client, path, fetched, total)
        yield Page(items, number, pages, total, fetched)
        if fetched >= total or not items:
            break
        number += 1
    if fetched != total:
        raise _mismatch(client, path, fetched, total or 0)


def iter_dora(client: ApiClient, path: str, page_size: int = 1000) -> Iterator[Page]:
    """Walk DRF ``count/next/previous/results`` pages, following ``next`` (same host only)."""
    url: str | None = client.url(path, [("page_size", page_size)])
    number, fetched, count, pages = 0, 0, None, None
    while url and number < MAX_PAGES:
        client.check_cancelled()
        if not same_origin(url, client.base_url):
            raise PaginationError(
                translate("Pagination", "{source}: the next page points to another host; refused.").format(
                    source=client.name
                )
            )
        data, _ = client.get_json(url)
        number += 1
        if isinstance(data, list):  # pagination ignored by the server: the whole list at once
            yield Page(data, 1, 1, len(data), len(data))
            return
        if not isinstance(data, dict) or not isinstance(data.get("results"), list) or not _is_int(data.get("count")):
            raise _envelope_error(client, path, "count/next/previous/results")
        results = data["results"]
        if count is None:
            count = data["count"]
            pages = math.ceil(count / page_size) if count else 0
        elif data["count"] != count:
            raise _mismatch(client, path, fetched + len(results), count)
        fetched += len(results)
        next_url = data.get("next")
        expected_here = min(page_size, max(count - (fetched - len(results)), 0))
        if len(results) < expected_here:
            raise _truncated(client, path, number, len(results), expected_here)
        if fetched > count:
            raise _mismatch(client, path, fetched, count)
        yield Page(results, number, pages, count, fetched)
        url = next_url if isinstance(next_url, str) and next_url else None
    if count is not None and fetched != count:
        raise _mismatch(client, path, fetched, count)


_CONTENT_RANGE = re.compile(r"^\s*(?:(\d+)-(\d+)|\*)/(\d+|\*)\s*$")


def parse_content_range(value: str) -> tuple[int | None, int | None, int | None]:
    """``0-23/12345`` → (0, 23, 12345); ``*/0`` → (None, None, 0); unknown total → None."""
    match = _CONTENT_RANGE.match(value or "")
    if not match:
        return None, None, None
    start, end, total = match.groups()
    return (
        int(start) if start is not None else None,
        int(end) if end is not None else None,
        int(total) if total not in (None, "*") else None,
    )


def iter_postgrest(
    client: ApiClient, path: str, params: Sequence[tuple[str, Any]] = (), limit: int = 5000
) -> Iterator[Page]:
    """Walk a PostgREST resource with limit/offset; the total comes from ``Content-Range`` (``Prefer: count=exact``)."""
    offset, number, total = 0, 0, None
    headers = {"Prefer": "count=exact", "Accept": "application/json"}
    while number < MAX_PAGES:
        client.check_cancelled()
        response = client.request(
            "GET", path, params=[*params, ("limit", limit), ("offset", offset)], headers=headers, ok_statuses=(416,)
        )
        number += 1
        if response.status == 416:  # range past the end: an empty page
            if total is not None and offset < total:
                raise _mismatch(client, path, offset, total)
            break
        data = client.decode_json(response)
        if not isinstance(data, list):
            raise _envelope_error(client, path, "JSON array")
        start, end, announced = parse_content_range(response.header("Content-Range"))
        if total is None:
            total = announced
        elif announced is not None and announced != total:
            raise _mismatch(client, path, offset + len(data), total)
        if start is not None and end is not None and (start != offset or end - start + 1 != len(data)):
            raise _truncated(client, path, number, len(data), end - start + 1)
        offset += len(data)
        pages = math.ceil(total / limit) if total is not None else None
        if total is not None:
            expected_here = min(limit, max(total - (offset - len(data)), 0))
            if len(data) < expected_here:
                raise _truncated(client, path, number, len(data), expected_here)
        yield Page(data, number, pages, total, offset)
        if not data or len(data) < limit or (total is not None and offset >= total):
            break
    if total is not None and offset != total:
        raise _mismatch(client, path, offset, total)
