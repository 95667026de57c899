"""Following a list API to its last page: the one paging loop every collector uses.

Platforms page differently (GitHub's Link rel="next", Graph's @odata.nextLink, Salesforce's nextRecordsUrl,
Slack's response_metadata.next_cursor, GraphQL's pageInfo.endCursor) but the loop is the same: yield a
page, ask it for the next one, fetch that, until there is none. The bound matters: a server whose chain
never ends (or loops) must end in an error the collector records as coverage, never in an endless audit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

P = TypeVar("P")
N = TypeVar("N")

# Far beyond any real list (10,000 pages of 100 is a million items) and still a bound.
MAX_PAGES = 10_000


def follow_pages(
    first: P,
    next_of: Callable[[P], N | None],
    fetch: Callable[[N], P],
    *,
    too_many: Callable[[int], Exception],
    max_pages: int = MAX_PAGES,
) -> Iterator[P]:
    """`first`, then each page `fetch(next_of(page))` leads to, until `next_of` answers None.

    `next_of` validates the pointer (and raises the platform's own error for a malformed one, e.g. a link to
    another host); after `max_pages` pages the generator raises `too_many(max_pages)`.
    """
    page = first
    for _ in range(max_pages):
        yield page
        pointer = next_of(page)
        if pointer is None:
            return
        page = fetch(pointer)
    raise too_many(max_pages)
