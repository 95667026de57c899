"""What a collection could not read: coverage entries, and the unread parts that make a snapshot partial.

Every collector keeps the same two lists: `coverage` (each failed call, for the report) and `unread` (each
data set that is therefore unknown: rules over it are NotEvaluated, a reach gap over it is partial, a scan
that requested the platform exits 3). `lost` records both at once, so a failed read is never a silent pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.model import Skipped, Unread


@dataclass
class Record:
    """Coverage and unread parts of one platform's collection; sources are prefixed with the platform."""

    platform: str
    coverage: list[Skipped] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)

    def skip(self, source: str, reason: str, category: str = "error") -> None:
        """A coverage entry only: something worth reporting that hides nothing (a fact, a hint)."""
        self.coverage.append(Skipped(f"{self.platform}:{source}", reason, category))

    def token_refused(self, source: str, failure: str, platform_name: str) -> None:
        """A token the platform rejects (revoked, expired, never valid): a fact about the file that holds a
        dead credential, not a part of the platform left unread, so a coverage entry only."""
        self.skip(
            source,
            f"{failure}: {platform_name} does not accept this token (revoked, expired or invalid), so it "
            "reaches nothing now; remove it from the file all the same",
            "credential_invalid",
        )

    def lost(
        self,
        source: str,
        reason: str,
        category: str = "error",
        *,
        part: str,
        subject: str | None = None,
        affects_reach: bool = False,
    ) -> None:
        """A data set that could not be read: a coverage entry and an unread part (unknown, never empty)."""
        self.skip(source, reason, category)
        self.unread.append(
            Unread(part, f"{source}: {reason}", category, subject=subject, affects_reach=affects_reach)
        )
