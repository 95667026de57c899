#!/usr/bin/env node
// Salesforce tools for Claude Desktop / Cursor. Each person adds this server to their own client config
// and gives it their org's login in the env block.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import jsforce from "jsforce";

const conn = new jsforce.Connection({ loginUrl: process.env.SF_LOGIN_URL ?? "https://login.salesforce.com" });
await conn.login(process.env.SF_USERNAME!, process.env.SF_PASSWORD! + (process.env.SF_SECURITY_TOKEN ?? ""));

const server = new Server(
  { name: "sfdc-tools", version: "0.3.1" },
  { capabilities: { tools: {} } },
);

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: "soql", description: "Run a read-only SOQL query", inputSchema: { type: "object" } }],
}));

server.setRequestHandler(CallToolRequestSchema, async (req) => {
  const result = await conn.query(String(req.params.arguments?.query ?? ""));
  return { content: [{ type: "text", text: JSON.stringify(result.records) }] };
});

await server.connect(new StdioServerTransport());
