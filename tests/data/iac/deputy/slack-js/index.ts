import { App } from "@slack/bolt";
import { ConfidentialClientApplication } from "@azure/msal-node";

const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });

const cca = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.AZURE_CLIENT_ID!,
    authority: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}`,
    clientSecret: process.env.AZURE_CLIENT_SECRET,
  },
});

async function mailboxSummary(user: string): Promise<string> {
  const token = await cca.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] });
  const res = await fetch(`https://graph.microsoft.com/v1.0/users/${user}/messages?$top=5`, {
    headers: { Authorization: `Bearer ${token?.accessToken}` },
  });
  return JSON.stringify(await res.json());
}

app.command("/inbox", async ({ command, ack, respond }) => {
  await ack();
  await respond(await mailboxSummary(command.text));
});
