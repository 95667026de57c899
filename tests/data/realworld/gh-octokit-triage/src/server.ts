import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { App, createNodeMiddleware } from "@octokit/app";
import OpenAI from "openai";

const llm = new OpenAI();

// One GitHub App, installed on the org's repositories: every token below is an installation token the
// app mints from its private key, so comments and labels appear as "issue-triage-bot[bot]".
const app = new App({
  appId: Number(process.env.TRIAGE_APP_ID),
  privateKey: readFileSync(process.env.TRIAGE_PRIVATE_KEY_PATH ?? "triage.pem", "utf8"),
  webhooks: { secret: process.env.TRIAGE_WEBHOOK_SECRET! },
});

app.webhooks.on("issues.opened", async ({ octokit, payload }) => {
  const answer = await llm.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "Pick at most two labels from: bug, docs, question, feature." },
      { role: "user", content: `${payload.issue.title}\n\n${payload.issue.body ?? ""}` },
    ],
  });
  const labels = (answer.choices[0].message.content ?? "").split(",").map((l) => l.trim()).filter(Boolean);
  await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    issue_number: payload.issue.number,
    labels,
  });
});

createServer(createNodeMiddleware(app)).listen(Number(process.env.PORT ?? 3000));
