// On-call helper: answers "who is on call?" in any channel it is invited to, for every workspace
// that installs it from our install page.
const { App } = require('@slack/bolt');
const { PgInstallationStore } = require('./installation-store');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientId: process.env.SLACK_CLIENT_ID,
  clientSecret: process.env.SLACK_CLIENT_SECRET,
  stateSecret: process.env.SLACK_STATE_SECRET,
  scopes: ['app_mentions:read', 'chat:write', 'users:read'],
  installationStore: new PgInstallationStore(process.env.DATABASE_URL),
});

app.event('app_mention', async ({ event, say }) => {
  const rota = await lookupRota(event.team);
  await say(`On call now: <@${rota.primary}> (backup <@${rota.secondary}>)`);
});

(async () => {
  await app.start(process.env.PORT || 3000);
  console.log('on-call helper running');
})();
