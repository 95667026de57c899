import * as restify from 'restify';
import { ConfigurationServiceClientCredentialFactory, MemoryStorage, TurnContext } from 'botbuilder';
import { ApplicationBuilder, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { Client } from '@microsoft/microsoft-graph-client';

const adapter = new TeamsAdapter(
    {},
    new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: process.env.BOT_ID,
        MicrosoftAppPassword: process.env.BOT_PASSWORD,
        MicrosoftAppType: 'MultiTenant'
    })
);

const storage = new MemoryStorage();
const app = new ApplicationBuilder<TurnState>()
    .withStorage(storage)
    .withAuthentication(adapter, {
        settings: {
            graph: {
                scopes: ['User.Read', 'Mail.Send'],
                msalConfig: {
                    auth: {
                        clientId: process.env.AAD_APP_CLIENT_ID!,
                        clientSecret: process.env.AAD_APP_CLIENT_SECRET!,
                        authority: `${process.env.AAD_APP_OAUTH_AUTHORITY_HOST}/${process.env.AAD_APP_TENANT_ID}`
                    }
                },
                signInLink: `https://${process.env.BOT_DOMAIN}/auth-start.html`,
                endOnInvalidMessage: true
            }
        }
    })
    .build();

app.message('/report', async (context: TurnContext, state: TurnState) => {
    const token = state.temp.authTokens['graph'];
    const graph = Client.init({ authProvider: (done) => done(null, token) });
    const me = await graph.api('/me').get();
    await context.sendActivity(`Filing this week's expenses for ${me.displayName}.`);
});

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.listen(process.env.port || 3978);
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
        await app.run(context);
    });
});
