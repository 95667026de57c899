"""Ticket tools for every agent in the company: one shared MCP endpoint behind the VPN."""
import os

import httpx
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("helpdesk-tickets", stateless_http=True)

ZENDESK = "https://northwind.zendesk.com/api/v2"
AUTH = (os.environ["ZENDESK_EMAIL"] + "/token", os.environ["ZENDESK_API_TOKEN"])


@mcp.tool()
def open_tickets(requester: str) -> list[dict]:
    """Open tickets raised by a requester."""
    r = httpx.get(f"{ZENDESK}/search.json", params={"query": f"requester:{requester} status<solved"}, auth=AUTH)
    r.raise_for_status()
    return r.json()["results"]


if __name__ == "__main__":
    mcp.run(transport="streamable-http")
